import Foundation
import SurveyReports
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a written .xlsx back the way a test should: unzip the parts and parse the sheets' XML.
struct XlsxReader {
    let url: URL
    /// Sheet name -> row -> column -> value (shared and inline strings resolved; numbers as written).
    private(set) var sheets: [String: [Int: [Int: String]]] = [:]
    /// Sheet names in workbook order.
    private(set) var sheetNames: [String] = []
    /// Every sheet's raw XML, for looking for formulas and names.
    private(set) var rawSheets: [String: String] = [:]
    /// Cells whose type is a string (shared or inline), per sheet, as "row:column".
    private(set) var stringCells: [String: Set<String>] = [:]

    init(_ url: URL) throws {
        self.url = url
        let workbook = try XlsxReader.part(url, "xl/workbook.xml")
        let rels = try XlsxReader.part(url, "xl/_rels/workbook.xml.rels")
        let shared = (try? XlsxReader.part(url, "xl/sharedStrings.xml")).map(XlsxReader.sharedStrings) ?? []
        var targets: [String: String] = [:]
        for match in rels.matches(of: /<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/) {
            targets[String(match.1)] = String(match.2)
        }
        for match in workbook.matches(of: /<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"/) {
            let name = XlsxReader.unescape(String(match.1))
            sheetNames.append(name)
            let xml = try XlsxReader.part(url, "xl/" + targets[String(match.2)]!)
            rawSheets[name] = xml
            let parsed = SheetParser(shared: shared)
            parsed.parse(xml)
            sheets[name] = parsed.cells
            stringCells[name] = parsed.stringCells
        }
    }

    /// One part of the zip.
    static func part(_ url: URL, _ name: String) throws -> String {
        try ZipPart.text(url.path, name)
    }

    /// Every part's text, for searching for names.
    static func allParts(_ url: URL) throws -> String {
        let list = try Process.output("/usr/bin/unzip", ["-Z1", url.path])
        // unzip reads "[Content_Types].xml" as a wildcard pattern; it holds no data anyway.
        return try list.split(separator: "\n").filter { !$0.hasPrefix("[") }.map { try part(url, String($0)) }.joined(separator: "\n")
    }

    static func sharedStrings(_ xml: String) -> [String] {
        let parser = SheetParser(shared: [])
        parser.parse(xml)
        return parser.sharedItems
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The rows of a sheet in order, each as column -> value.
    func rows(_ sheet: String) -> [(row: Int, cells: [Int: String])] {
        (sheets[sheet] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The first row at or after `after` whose column `column` equals `value`.
    func row(in sheet: String, column: Int = 0, equals value: String, after: Int = -1) -> (row: Int, cells: [Int: String])? {
        rows(sheet).first { $0.row > after && $0.cells[column] == value }
    }

    /// Whether any cell of a sheet contains `text`.
    func contains(_ sheet: String, _ text: String) -> Bool {
        (sheets[sheet] ?? [:]).values.contains { $0.values.contains { $0.contains(text) } }
    }
}

/// A SAX parser for sheet and shared-string XML.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var cells: [Int: [Int: String]] = [:]
    var stringCells: Set<String> = []
    var sharedItems: [String] = []
    private var reference = "", type = "", value = "", inValue = false, inText = false, itemText = ""

    init(shared: [String]) {
        self.shared = shared
    }

    func parse(_ xml: String) {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        _ = parser.parse()  // a sheet that does not parse shows up as missing cells in the assertions
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "c": reference = attributes["r"] ?? ""; type = attributes["t"] ?? ""; value = ""
        case "v": inValue = true
        case "t": inText = true
        case "si": itemText = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
        if inText { value += string; itemText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v": inValue = false
        case "t": inText = false
        case "si": sharedItems.append(itemText)
        case "c":
            let (row, column) = SheetParser.position(reference)
            let text = type == "s" ? (Int(value).map { shared[$0] } ?? "") : value
            cells[row, default: [:]][column] = text
            if type == "s" || type == "inlineStr" || type == "str" { stringCells.insert("\(row):\(column)") }
        default: break
        }
    }

    /// "B12" -> (11, 1).
    static func position(_ reference: String) -> (Int, Int) {
        var column = 0, digits = ""
        for character in reference {
            if let ascii = character.asciiValue, character.isLetter { column = column * 26 + Int(ascii) - 64 } else { digits.append(character) }
        }
        return ((Int(digits) ?? 1) - 1, column - 1)
    }
}

extension Process {
    /// Runs a program and returns its standard output.
    static func output(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
