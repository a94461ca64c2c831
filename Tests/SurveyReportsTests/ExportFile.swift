import Foundation

/// An export read back from the written file only (the .xlsx's Data sheet, or the CSV), as a researcher would open
/// it: a header and rows of text. Knows nothing of the code that wrote it.
struct ExportFile {
    let header: [String]
    let rows: [[String]]
    /// For CSV: whether the file starts with the UTF-8 byte-order mark Dutch Excel needs.
    let startsWithBOM: Bool

    /// The columns a reader who knows the roster can link on, named as the issue lists them; `background` are the
    /// background question ids of the survey.
    static func quasiIdentifiers(in header: [String], background: Set<String>) -> [Int] {
        header.indices.filter { i in
            ["groep", "afnamewijze", "taal", "tolk", "versie"].contains(header[i]) || header[i].hasPrefix("kenmerk.")
                || background.contains(header[i])
        }
    }

    init(xlsx url: URL) throws {
        let book = try XlsxReader(url)
        let sheet = book.rows("Data")
        let width = (sheet.first?.cells.keys.max() ?? -1) + 1
        header = (0..<width).map { sheet.first?.cells[$0] ?? "" }
        rows = sheet.dropFirst().map { row in (0..<width).map { row.cells[$0] ?? "" } }
        startsWithBOM = false
    }

    init(csv url: URL) throws {
        let data = try Data(contentsOf: url)
        startsWithBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        let records = ExportFile.parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    /// A CSV reader for `;`-separated, `"`-quoted fields with CRLF line ends.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": if afterQuote { field += "\"" }; quoted = true
            case ";": record.append(field); field = ""
            case "\r": break
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.unicodeScalars.append(c)
            }
            afterQuote = false
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// How many rows each combination of the given columns' values has, recomputed from the file.
    func combinationSizes(_ columns: [Int]) -> [[String]: Int] {
        var sizes: [[String]: Int] = [:]
        for row in rows { sizes[columns.map { row[$0] }, default: 0] += 1 }
        return sizes
    }
}
