import Foundation

/// The export as one workbook: "Toelichting" (what was done), "Data" (one row per kept response, shuffled) and
/// "Codeboek" (what every column and code means).
///
/// Written in libxlsxwriter's constant-memory mode (every sheet row by row, top to bottom), so 100,000 rows cost
/// no more memory than ten; text is always written as text, so an answer starting with `=` never runs as a formula.
enum ExportWorkbook {
    static func write(to url: URL, title: String, explanation: ExportExplanation, table: ExportTable, codebook: Codebook) throws {
        let workbook = try Workbook(path: url.path, constantMemory: true)
        workbook.setProperties(title: title, subject: "Gedeïdentificeerde export / De-identified export")
        let about = try workbook.addSheet("Toelichting")
        let data = try workbook.addSheet("Data")
        let codes = try workbook.addSheet("Codeboek")
        let f = workbook.formats

        try about.width(0, 1, 90, f.wrap)
        try about.headerRow(["Nederlands", "English"])
        about.advance()
        for line in explanation.lines {
            try about.wrapped(0, line.nl, width: 90)
            try about.text(1, line.en, f.wrap)
            about.advance()
        }

        try data.width(0, max(0, table.headers.count - 1), 14)
        try data.headerRow(table.headers)
        try data.freeze(rows: 1)
        data.advance()
        for i in 0..<table.count {
            for (column, cell) in table.row(i).enumerated() {
                switch cell {
                case .text(let value): try data.text(column, value)
                case .number(let value): try data.number(column, value)
                case .empty: break
                }
            }
            data.advance()
        }
        if !table.headers.isEmpty {
            try data.autofilter(rows: 0...max(1, table.count), columns: 0...(table.headers.count - 1))
        }

        try codes.width(0, 0, 24)
        try codes.width(1, 2, 50, f.wrap)
        try codes.width(3, 3, 16)
        try codes.width(4, 5, 36, f.wrap)
        try codes.headerRow(Codebook.header)
        try codes.freeze(rows: 1)
        codes.advance()
        for row in codebook.rows {
            for (column, value) in row.enumerated() { try codes.text(column, value) }
            codes.advance()
        }
        try workbook.close()
    }
}
