/// A failure the user can act on, printed as one plain sentence (no stack trace) with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ message: String) {
        description = message
    }
}
