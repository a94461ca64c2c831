import Foundation

/// What the team report shows of open answers (the team's choice; `--open-answers`).
public enum OpenAnswers: String, Sendable, CaseIterable {
    /// No open answers at all.
    case none
    /// The texts, without any group or tag beside them (the default).
    case text
    /// The texts with the tags of the parent where that combination holds at least the minimum group.
    case withGroups = "with-groups"
}

/// How a report is made: its language, the smallest group it shows, what of open answers, and whether names may appear.
public struct ReportOptions: Sendable {
    /// `nl` (default) or `en`: sheet names, headings and labels.
    public var language: String = "nl"
    /// Every published figure comes from at least this many responses (`DisclosureControl`).
    public var minGroup: Int = 5
    /// The only way a name enters a report (the Respons sheet then lists who has not answered yet).
    public var withNames: Bool = false
    /// Open answers: none, the texts only, or with safe group labels.
    public var openAnswers: OpenAnswers = .text
    /// The .sqlite file of an earlier peiling of the same survey to compare with (`--compare`), or nil.
    public var compare: URL?

    public init(language: String = "nl", minGroup: Int = 5, withNames: Bool = false, openAnswers: OpenAnswers = .text, compare: URL? = nil) {
        self.language = language
        self.minGroup = max(1, minGroup)
        self.withNames = withNames
        self.openAnswers = openAnswers
        self.compare = compare
    }
}

/// The two files a report consists of.
public struct ReportFiles: Sendable {
    /// `<peiling-slug>.xlsx`: the team-meeting workbook.
    public var workbook: URL
    /// `<peiling-slug>.md`: the same findings as text for the minutes.
    public var summary: URL
    /// The disclosure check in the report's language: the rule, what was hidden, and the attacker's range of every hidden cell.
    public var audit: String

    public init(workbook: URL, summary: URL, audit: String = "") {
        self.workbook = workbook
        self.summary = summary
        self.audit = audit
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
