import CXlsxWriter
import Foundation

/// One worksheet with a row cursor that only moves forward (constant-memory mode writes rows in order).
final class Sheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    unowned let workbook: Workbook
    /// The row the next cells go to.
    private(set) var row: Int = 0

    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
    }

    var formats: Formats { workbook.formats }

    /// Moves the cursor down; never up.
    func advance(_ rows: Int = 1) { row += rows }

    static func cellRow(_ row: Int) throws -> lxw_row_t {
        guard row >= 0, row < 1_048_576 else { throw ReportError("The report has more rows than Excel allows (1,048,576).") }
        return lxw_row_t(row)
    }

    static func cellColumn(_ column: Int) throws -> lxw_col_t {
        guard column >= 0, column < 16_384 else { throw ReportError("The report has more columns than Excel allows (16,384).") }
        return lxw_col_t(column)
    }

    /// Writes text as text: a leading `=`, `+`, `-` or `@` stays text, never a formula (write_string never parses).
    func text(_ column: Int, _ value: String, _ format: Formats.Format? = nil) throws {
        guard !value.isEmpty else { return }
        let clipped = value.utf8.count > 32_000 ? String(value.prefix(32_000)) : value
        try check(worksheet_write_string(handle, Sheet.cellRow(row), Sheet.cellColumn(column), clipped, format),
                  "writing text to \(name) row \(row + 1)")
    }

    func number(_ column: Int, _ value: Double, _ format: Formats.Format? = nil) throws {
        guard value.isFinite else { return }
        try check(worksheet_write_number(handle, Sheet.cellRow(row), Sheet.cellColumn(column), value, format),
                  "writing a number to \(name) row \(row + 1)")
    }

    /// The sheet's title on a row tall enough for its larger font; moves to the next row.
    func title(_ value: String) throws {
        try rowHeight(24)
        try text(0, value, formats.title)
        advance()
    }

    /// A section heading on a row tall enough for it; moves to the next row.
    func heading(_ value: String, column: Int = 0) throws {
        try rowHeight(20)
        try text(column, value, formats.heading)
        advance()
    }

    /// Wrapped text in a column `width` characters wide, on a row high enough for its lines.
    func wrapped(_ column: Int, _ value: String, width: Double, _ format: Formats.Format? = nil) throws {
        let lines = max(1, Int((Double(value.count) / (width * 1.05)).rounded(.up)))
        if lines > 1 { try rowHeight(Double(lines) * 15) }
        try text(column, value, format ?? formats.wrap)
    }

    /// A row of header cells.
    func headerRow(_ titles: [String], from column: Int = 0) throws {
        for (i, title) in titles.enumerated() { try text(column + i, title, formats.header) }
    }

    func width(_ first: Int, _ last: Int, _ width: Double, _ format: Formats.Format? = nil) throws {
        try check(worksheet_set_column(handle, Sheet.cellColumn(first), Sheet.cellColumn(last), width, format), "setting column widths")
    }

    func rowHeight(_ height: Double) throws {
        try check(worksheet_set_row(handle, Sheet.cellRow(row), height, nil), "setting a row height")
    }

    /// Freezes rows above `rows` and columns left of `columns`.
    func freeze(rows: Int, columns: Int = 0) throws {
        worksheet_freeze_panes(handle, try Sheet.cellRow(rows), try Sheet.cellColumn(columns))
    }

    /// A4 landscape, fitted to one page wide (unless `fitWidth` is false), header row repeated.
    func printSetup(repeatRows: ClosedRange<Int>? = nil, fitWidth: Bool = true) throws {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // 9 = A4
        if fitWidth { worksheet_fit_to_pages(handle, 1, 0) }
        worksheet_set_margins(handle, 0.5, 0.5, 0.6, 0.6)
        if let repeatRows {
            try check(worksheet_repeat_rows(handle, Sheet.cellRow(repeatRows.lowerBound), Sheet.cellRow(repeatRows.upperBound)),
                      "setting the print titles")
        }
        try check(worksheet_set_footer(handle, "&L&A&R&P / &N"), "setting the page footer")
    }

    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws {
        try check(worksheet_autofilter(handle, Sheet.cellRow(rows.lowerBound), Sheet.cellColumn(columns.lowerBound),
                                       Sheet.cellRow(rows.upperBound), Sheet.cellColumn(columns.upperBound)), "setting the autofilter")
    }

    /// Places a chart with its top-left corner at (row, column), scaled to `width` x `height` pixels.
    func insertChart(_ chart: UnsafeMutablePointer<lxw_chart>, row: Int, column: Int, width: Double, height: Double) throws {
        var options = lxw_chart_options()
        options.x_scale = width / 480   // libxlsxwriter's default chart is 480 x 288 pixels
        options.y_scale = height / 288
        options.x_offset = 4
        options.y_offset = 4
        try check(worksheet_insert_chart_opt(handle, Sheet.cellRow(row), Sheet.cellColumn(column), chart, &options),
                  "placing a chart on \(name)")
    }
}
