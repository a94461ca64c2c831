/// A problem found in a survey definition, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, column: Int, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, the form editors and terminals link to.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(sentence)" }

    /// The message with a lowercase start, as after "error:" ("YAML" stays as it is).
    private var sentence: String {
        let words = message.split(separator: " ", maxSplits: 1)
        guard let first = words.first, first.dropFirst().allSatisfy({ !$0.isUppercase }) else { return message }
        return first.lowercased() + message.dropFirst(first.count)
    }
}

/// A definition that cannot be used, with every problem found in it.
public struct SurveyDefinitionError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
