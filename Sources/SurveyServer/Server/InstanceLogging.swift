import Logging

/// Which `serve` instance wrote a log line. With several instances on one database (behind one proxy, or
/// one being updated while the other serves) every line of this process says `instance=NAME`.
public enum InstanceLogging {
    /// Sends every log line of this process to standard error with `instance=NAME`. Call once, before the
    /// first log line (swift-log allows one bootstrap per process).
    public static func bootstrap(instance: String) {
        LoggingSystem.bootstrap({ label, metadata in StreamLogHandler.standardError(label: label, metadataProvider: metadata) },
                                metadataProvider: Logger.MetadataProvider { ["instance": .string(instance)] })
    }
}
