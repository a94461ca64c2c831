import Foundation

/// How a report is made: its language, the smallest group it shows, and whether names may appear.
public struct ReportOptions: Sendable {
    /// `nl` (default) or `en`: sheet names, headings and labels.
    public var language: String = "nl"
    /// Breakdown cells with fewer respondents than this show "<minGroup>" and no distribution.
    public var minGroup: Int = 5
    /// The only way a name enters a report (the Respons sheet then lists who has not answered yet).
    public var withNames: Bool = false
    /// Above this many Data-sheet cells the workbook is written in libxlsxwriter's constant-memory mode.
    var constantMemoryAboveCells: Int = 400_000

    public init(language: String = "nl", minGroup: Int = 5, withNames: Bool = false) {
        self.language = language
        self.minGroup = max(1, minGroup)
        self.withNames = withNames
    }
}

/// The two files a report consists of.
public struct ReportFiles: Sendable {
    /// `<peiling-slug>.xlsx`: the team-meeting workbook.
    public var workbook: URL
    /// `<peiling-slug>.md`: the same findings as text for the minutes.
    public var summary: URL

    public init(workbook: URL, summary: URL) {
        self.workbook = workbook
        self.summary = summary
    }
}

/// Why a report could not be written, in one plain sentence.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// File names for a peiling: lowercase ASCII, '-' for everything else.
public enum Slug {
    public static func make(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var out = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "peiling" : trimmed
    }
}
