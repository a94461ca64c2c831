import Foundation

/// How a de-identified export is made.
public struct ExportOptions: Sendable {
    /// The file type: one workbook, or a CSV file with a text file beside it.
    public enum Format: String, Sendable, CaseIterable {
        case xlsx, csv
    }

    public var format: Format
    /// k: every combination of quasi-identifier values in the file holds at least this many rows.
    public var minGroup: Int
    /// Open answers (text questions, "other, namely" texts) are left out unless this is set: they may hold names.
    public var withOpenAnswers: Bool
    /// A fixed seed makes the row order reproducible (for tests); without it the shuffle uses the system's
    /// cryptographically secure generator, so the order says nothing about who answered when.
    public var seed: UInt64?

    public init(format: Format = .xlsx, minGroup: Int = 5, withOpenAnswers: Bool = false, seed: UInt64? = nil) {
        self.format = format
        self.minGroup = max(1, minGroup)
        self.withOpenAnswers = withOpenAnswers
        self.seed = seed
    }
}

/// What an export did: the files, and per quasi-identifier whether it was kept, recoded or removed.
public struct ExportReport: Sendable {
    /// What happened to one quasi-identifier column.
    public struct Column: Sendable {
        public var name: String
        /// Empty when kept as stored; the recoding in Dutch and English otherwise.
        public var recoding: [String: String]
        public var removed: Bool
        /// How many single values were replaced by `*`.
        public var suppressed: Int
    }

    /// The data file first (the workbook, or the CSV), then the explanation file for CSV.
    public var files: [URL]
    public var k: Int
    /// Complete responses in the store.
    public var responses: Int
    public var rowsWritten: Int
    public var rowsDropped: Int
    public var columns: [Column]
    public var withOpenAnswers: Bool
    public var seeded: Bool

    /// One line per quasi-identifier that was recoded, removed or had values suppressed, for the command's warning.
    public var changedColumns: [String] {
        columns.compactMap { column in
            if column.removed { return "\(column.name): removed" }
            var parts: [String] = []
            if let recoding = column.recoding["en"] { parts.append("recoded to \(recoding)") }
            if column.suppressed > 0 { parts.append("\(column.suppressed) value(s) suppressed as *") }
            return parts.isEmpty ? nil : "\(column.name): " + parts.joined(separator: "; ")
        }
    }
}
