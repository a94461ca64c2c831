/// Whether a survey speaks a family's home language: fully (the letter and every screen text are there),
/// as a draft, or not at all, so that nobody falls back to English without being told.
public enum LanguageCoverage: Sendable, Hashable {
    /// Dutch: nothing to translate.
    case dutch
    /// The survey has the language with every letter and screen text; `draft` until a native speaker checked it.
    case translated(draft: Bool)
    /// No translation (or an unfinished one): English is shown beside Dutch.
    case missing

    /// The coverage of `code` (any case) in `survey`.
    public static func of(_ code: String, in survey: Survey) -> LanguageCoverage {
        let code = code.lowercased()
        if code == "nl" { return .dutch }
        guard let language = survey.language(code),
              InterfaceKey.allCases.allSatisfy({ survey.interfaceTexts($0)[code] != nil })
        else { return .missing }
        return .translated(draft: language.draft)
    }

    /// "translated", "translated (draft)", "no translation".
    public var english: String {
        switch self {
        case .dutch: "Dutch"
        case .translated(let draft): draft ? "translated (draft)" : "translated"
        case .missing: "no translation"
        }
    }

    /// One line per home language for staff: how many families speak it and whether the survey covers it;
    /// a language without a translation says to offer the interview with an interpreter (De Vries).
    public static func summary(languages: [String], survey: Survey) -> [String] {
        let counts = Dictionary(grouping: languages.map { $0.lowercased() }, by: { $0 }).mapValues(\.count)
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { code, count in
            let coverage = of(code, in: survey)
            let families = "\(count) \(count == 1 ? "family" : "families")"
            let name = "\(code) \(Language.dutchName(code))"
            switch coverage {
            case .missing:
                return "\(name): \(families), no translation: the letter and form show English beside Dutch; offer the interview with an interpreter (enter --method oral_interpreter --language \(code))."
            default:
                return "\(name): \(families), \(coverage.english)"
            }
        }
    }
}
