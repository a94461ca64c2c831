/// What a translator sends back, whatever the format (XLIFF or spreadsheet): per unit the Dutch source
/// as exported and the translation, with the line (or row) it came from.
public struct TranslationFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var source: String
        /// Nil or empty when the translator left the unit open.
        public var target: String?
        /// The line in the XLIFF file, or the row in the spreadsheet.
        public var line: Int

        public init(id: String, source: String, target: String?, line: Int) {
            self.id = id
            self.source = source
            self.target = target
            self.line = line
        }
    }

    /// The file's path, for messages.
    public var path: String
    /// The target language code (`pl`).
    public var language: String
    public var entries: [Entry]
    /// "line" for XLIFF, "row" for a spreadsheet: how messages name a place.
    public var placeName: String

    public init(path: String, language: String, entries: [Entry], placeName: String = "line") {
        self.path = path
        self.language = language
        self.entries = entries
        self.placeName = placeName
    }
}

/// A translation file that is refused, with every problem by unit and line; nothing was written.
public struct TranslationFileError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var unit: String?
        public var message: String

        public init(line: Int, unit: String? = nil, _ message: String) {
            self.line = line
            self.unit = unit
            self.message = message
        }
    }

    public var path: String
    public var problems: [Problem]
    public var placeName: String

    public init(path: String, problems: [Problem], placeName: String = "line") {
        self.path = path
        self.problems = problems
        self.placeName = placeName
    }

    /// One `FILE:LINE: unit 'id': problem` per problem (rows for a spreadsheet: `FILE: row 7: ...`).
    public var lines: [String] {
        problems.map { problem in
            let unit = problem.unit.map { "unit '\($0)': " } ?? ""
            let place = placeName == "line" ? "\(path):\(problem.line):" : "\(path): \(placeName) \(problem.line):"
            return "\(place) \(unit)\(problem.message)"
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
