import SurveyCore

/// What `survey translate import` did, as lines for the terminal: counts, then the ids of each kind.
struct ImportSummary {
    let report: TranslationImport.Report
    let file: String
    let source: String

    var text: String {
        let language = "\(Language(code: report.language).nativeName) (\(report.language))"
        var out = say(.importHeading, ["source": source, "file": file, "language": language]) + "\n"
        if report.languageAdded { out += say(.importLanguageAdded, ["language": report.language]) + "\n" }
        out += list(say(.importNew), report.new)
        out += list(say(.importChanged), report.changed)
        out += list(say(.importMissing), report.missing)
        out += list(say(.importKept), report.kept)
        out += say(.importUnchanged, ["count": report.unchanged]) + "\n"
        for long in report.tooLong {
            out += say(.importTooLong, ["unit": long.unit, "maximum": long.maxLength]) + "\n"
        }
        return out
    }

    private func list(_ what: String, _ ids: [String]) -> String {
        guard !ids.isEmpty else { return "  0 \(what)\n" }
        let shown = ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? say(.importMore, ["count": ids.count - 12]) : "")
        return "  \(ids.count) \(what): \(shown)\n"
    }
}
