import Foundation
import SurveyCore

/// The spreadsheet form of a translation, for a translator or interpreter without a translation tool:
/// one row per text with the columns id, context, Dutch and the translation (filled in where it exists),
/// then English and the maximum length as help. `TranslationWorkbookReader` reads it back.
public enum TranslationWorkbook {
    /// Column headers; the fourth says the language as "Polski (pl)", which is how the reader knows it.
    static let idHeader = "id"

    /// Writes the form for `language` to `path`; the file appears complete or not at all.
    public static func write(_ catalog: TranslationCatalog, language: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        do {
            let workbook = try Workbook(path: temporary, constantMemory: false)
            workbook.setProperties(title: "\(catalog.survey.title.dutch): \(Language(code: language).nativeName)", subject: "Vertaling / Translation")
            let sheet = try workbook.addSheet("Vertaling")
            let name = Language(code: language).nativeName
            try sheet.headerRow([idHeader, "Context", "Nederlands (nl)", "\(name) (\(language))", "English (en)", "Max."])
            try sheet.freeze(rows: 1)
            try sheet.width(0, 0, 34)
            try sheet.width(1, 1, 34, sheet.formats.wrap)
            try sheet.width(2, 4, 50, sheet.formats.wrap)
            try sheet.width(5, 5, 8)
            sheet.advance()
            for unit in catalog.units {
                try sheet.text(0, unit.id)
                try sheet.text(1, unit.context, sheet.formats.wrap)
                try sheet.wrapped(2, unit.source, width: 50)
                if let target = unit.texts[language] { try sheet.text(3, target, sheet.formats.wrap) }
                if let english = unit.texts["en"], language != "en" { try sheet.text(4, english, sheet.formats.wrap) }
                if let max = unit.maxLength { try sheet.number(5, Double(max)) }
                sheet.advance()
            }
            try sheet.autofilter(rows: 0...max(1, catalog.units.count), columns: 0...5)
            try workbook.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
