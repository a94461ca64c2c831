import SurveyCore

/// What `survey translate import` did, as lines for the terminal: counts, then the ids of each kind.
struct ImportSummary {
    let report: TranslationImport.Report
    let file: String
    let source: String

    var text: String {
        let language = "\(Language(code: report.language).nativeName) (\(report.language))"
        var out = "\(source) -> \(file), \(language):\n"
        if report.languageAdded { out += "  \(report.language) is new in the survey: added to `languages` as a draft.\n" }
        out += list("new", report.new)
        out += list("changed", report.changed)
        out += list("missing (English is shown instead)", report.missing)
        out += list("not in the file (the survey keeps its translation)", report.kept)
        out += "  \(report.unchanged) unchanged\n"
        for long in report.tooLong {
            out += "  warning: \(long.unit) is longer than \(long.maxLength) characters and may not fit its button or label.\n"
        }
        return out
    }

    private func list(_ what: String, _ ids: [String]) -> String {
        guard !ids.isEmpty else { return "  0 \(what)\n" }
        let shown = ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", ... (\(ids.count - 12) more)" : "")
        return "  \(ids.count) \(what): \(shown)\n"
    }
}
