import Logging

/// Every change staff make in the dashboard, with who made it: one line in the server's log
/// ("juf-anna: imported the roster: 3 new, 0 updated"), and the peiling it was made in (`peiling=ID`).
enum StaffLog {
    private static let logger: Logger = {
        var logger = Logger(label: "ouderstem.staff")
        logger.logLevel = .info
        return logger
    }()

    static func record(_ name: String, _ action: String, peiling: Int64? = nil) {
        logger.notice("\(name): \(action)", metadata: peiling.map { ["peiling": "\($0)"] })
    }
}
