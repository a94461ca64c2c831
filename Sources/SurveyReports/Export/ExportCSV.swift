import Foundation

/// The export as CSV the way Dutch Excel and R's `read.csv2` read it: UTF-8 with a byte-order mark, semicolons,
/// decimal commas, CRLF line ends; a value a spreadsheet would run as a formula starts with an apostrophe.
/// The explanation and the codebook go into a text file beside it.
enum ExportCSV {
    /// Streams the table to `url`, a few hundred rows at a time.
    static func write(_ table: ExportTable, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw ReportError("Cannot write \(url.path); check that the folder can be written to.")
        }
        defer { try? handle.close() }
        var buffer = "\u{FEFF}" + line(table.headers)
        do {
            for i in 0..<table.count {
                buffer += line(table.row(i).map(text))
                if buffer.utf8.count > 1 << 16 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
            try handle.synchronize()
        } catch {
            throw ReportError("Cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The explanation, then the codebook, as plain UTF-8 text.
    static func writeExplanation(_ explanation: ExportExplanation, codebook: Codebook, to url: URL) throws {
        var text = explanation.plainText + "\n\n— Codeboek / Codebook —\n"
        for entry in codebook.entries {
            text += "\n\(entry.column): \(entry.text.dutch)"
            if let english = entry.text["en"] { text += " / \(english)" }
            text += "\n"
            for code in entry.codes {
                let label = [code.label.dutch, code.label["en"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
                text += code.code.isEmpty ? "  \(label)\n" : "  \(code.code) = \(label)\n"
            }
        }
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw ReportError("Cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    private static func line(_ cells: [String]) -> String {
        cells.map(LinksCSV.field).joined(separator: ";") + "\r\n"
    }

    private static func text(_ cell: ExportCell) -> String {
        switch cell {
        case .text(let value): value
        case .number(let value): decimalComma(value)
        case .empty: ""
        }
    }

    /// A number as Dutch spreadsheets read it: "3", "2,5".
    private static func decimalComma(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value).replacingOccurrences(of: ".", with: ",")
    }
}
