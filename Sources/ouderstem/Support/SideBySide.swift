import Foundation
import SurveyCore

/// Dutch and a translation side by side, text by text, for a native speaker checking a draft: each unit's
/// id and context, then the two texts in two columns wrapped to the terminal.
struct SideBySide {
    let catalog: TranslationCatalog
    let language: String
    /// The width of the whole line.
    var width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120

    func render() -> String {
        let status = TranslationStatus.status(of: language, in: catalog)
        let name = Language(code: language).nativeName
        let draft = catalog.survey.language(language)?.draft == true ? say(.sideBySideDraft) : ""
        var out = "\(catalog.survey.title.dutch)\n"
        out += "Nederlands (nl) | \(name) (\(language))\(draft): \(status.line)\n"
        let column = max(20, (width - 3) / 2)
        for unit in catalog.units {
            out += "\n\(unit.id)  [\(unit.context)]\n"
            let translation = unit.texts[language]
                ?? unit.texts["en"].map { say(.sideBySideMissingEnglish, ["text": $0]) } ?? say(.sideBySideMissing)
            let left = wrap(unit.source, column)
            let right = wrap(translation, column)
            for row in 0..<max(left.count, right.count) {
                let l = row < left.count ? left[row] : ""
                let r = row < right.count ? right[row] : ""
                out += l.padding(toLength: column, withPad: " ", startingAt: 0) + " | " + r + "\n"
            }
        }
        return out
    }

    /// Words to lines of at most `width` characters (a longer word gets a line of its own).
    private func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

/// The translation status of every language as a table, for `survey validate` and `survey show`.
func translationTable(_ catalog: TranslationCatalog) -> String {
    var table = TextTable(header: columns(.translationTableHeader))
    for status in TranslationStatus.all(catalog) {
        table.add([status.language, Language(code: status.language).nativeName, "\(status.present)", "\(status.missing)",
                   "\(status.draft)", "\(status.checked)"])
    }
    return table.render()
}
