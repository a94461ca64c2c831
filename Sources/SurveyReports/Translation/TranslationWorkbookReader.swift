import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SurveyCore

/// Reads a filled-in translation spreadsheet (from `TranslationWorkbook`, saved by Excel or LibreOffice)
/// back: the first sheet, columns id, context, Dutch, translation. `ZipPart` takes the XML parts out of
/// the .xlsx and `XMLParser` reads them.
public enum TranslationWorkbookReader {
    public static func read(path: String) throws -> TranslationFile {
        func refuse(_ message: String) -> TranslationFileError {
            TranslationFileError(path: path, problems: [.init(line: 1, message)], placeName: "row")
        }
        guard FileManager.default.isReadableFile(atPath: path) else { throw refuse("cannot read the file: check the path.") }
        guard let sheetXML = try? ZipPart.text(path, "xl/worksheets/sheet1.xml"), !sheetXML.isEmpty else {
            throw refuse("this is not an Excel workbook (.xlsx), or it has no sheet. Save it as .xlsx.")
        }
        let shared = (try? ZipPart.text(path, "xl/sharedStrings.xml")).map { SharedStrings.parse($0) } ?? []
        let cells = SheetCells(shared: shared)
        cells.parse(sheetXML)
        let header = cells.rows[1] ?? [:]
        guard header[0]?.trimmingCharacters(in: .whitespaces) == TranslationWorkbook.idHeader,
              let languageHeader = header[3], let match = languageHeader.firstMatch(of: /\(([a-z]{2,3})\)\s*$/)
        else {
            throw refuse("row 1 should hold the headers id, Context, Nederlands (nl) and the language as \"Polski (pl)\"; export the form again with `ouderstem survey translate export FILE --lang pl --out form.xlsx`.")
        }
        var entries: [TranslationFile.Entry] = []
        for row in cells.rows.keys.sorted() where row > 1 {
            let values = cells.rows[row] ?? [:]
            guard let id = values[0]?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { continue }
            entries.append(TranslationFile.Entry(id: id, source: values[2] ?? "", target: values[3], line: row))
        }
        return TranslationFile(path: path, language: String(match.1), entries: entries, placeName: "row")
    }

    /// The shared string table: `<si>` items, each the text of its `<t>` runs.
    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current: String?
        private var inText = false

        static func parse(_ xml: String) -> [String] {
            let table = SharedStrings()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = table
            _ = parser.parse()
            return table.strings
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "si" { current = "" }
            if name == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current? += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" { inText = false }
            if name == "si", let current { strings.append(current); self.current = nil }
        }
    }

    /// Cell texts by row (1-based, as Excel numbers them) and column (0-based).
    private final class SheetCells: NSObject, XMLParserDelegate {
        let shared: [String]
        var rows: [Int: [Int: String]] = [:]
        private var cell: (row: Int, column: Int, type: String)?
        private var value = ""
        private var reading = false

        init(shared: [String]) { self.shared = shared }

        func parse(_ xml: String) {
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = self
            _ = parser.parse()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "c":
                guard let reference = attributes["r"], let position = Self.position(reference) else { cell = nil; return }
                cell = (position.row, position.column, attributes["t"] ?? "n")
                value = ""
            case "v", "t":
                reading = cell != nil
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if reading { value += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "v" || name == "t" { reading = false }
            guard name == "c", let cell else { return }
            let text = cell.type == "s" ? Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } : value
            if let text, !text.isEmpty { rows[cell.row, default: [:]][cell.column] = text }
            self.cell = nil
        }

        /// "D12" -> row 12, column 3.
        static func position(_ reference: String) -> (row: Int, column: Int)? {
            let letters = reference.prefix { $0.isLetter }
            guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
            let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            return (row, column)
        }
    }
}
