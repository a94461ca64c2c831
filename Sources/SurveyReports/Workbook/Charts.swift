import CXlsxWriter

/// Native Excel charts over cells already written: a bar chart of one question, a 100% stacked bar of a theme's scales.
enum Charts {
    /// Colours a teacher can tell apart in print: from disagreement (red) through neutral (grey) to agreement (green).
    static func scaleColours(_ points: Int, need: Bool) -> [UInt32] {
        if need {
            // Need: from light (no need) to dark blue (strong need).
            let blues: [UInt32] = [0xDEEBF7, 0x9DC3E6, 0x5B9BD5, 0x2E75B6, 0x1F4E79, 0x0D2A4A]
            return Array(blues.prefix(points))
        }
        switch points {
        case 2: return [0xE06666, 0x6AA84F]
        case 3: return [0xE06666, 0xBFBFBF, 0x6AA84F]
        case 4: return [0xCC0000, 0xEA9999, 0xB6D7A8, 0x38761D]
        case 5: return [0xCC0000, 0xEA9999, 0xD9D9D9, 0xB6D7A8, 0x38761D]
        default: return (0..<points).map { i in [0xCC0000, 0xEA9999, 0xF4CCCC, 0xD9D9D9, 0xD9EAD3, 0xB6D7A8, 0x38761D][min(i, 6)] }
        }
    }

    private static func font(_ size: Double, bold: Bool = false) -> lxw_chart_font {
        var font = lxw_chart_font()
        font.size = size
        font.bold = bold ? 1 : 0
        font.color = 0x404040
        return font
    }

    private static func styleValueAxis(_ axis: UnsafeMutablePointer<lxw_chart_axis>) {
        chart_axis_set_min(axis, 0)
        chart_axis_set_max(axis, 1)
        chart_axis_set_major_unit(axis, 0.25)
        chart_axis_set_num_format(axis, "0%")
        var small = font(8)
        chart_axis_set_num_font(axis, &small)
    }

    private static func styleCategoryAxis(_ axis: UnsafeMutablePointer<lxw_chart_axis>) {
        // Horizontal bars list the first category at the bottom; reversed, they read top-down like the table.
        chart_axis_set_reverse(axis)
        chart_axis_set_crossing_max(axis)
        var small = font(9)
        chart_axis_set_num_font(axis, &small)
    }

    /// One horizontal bar per option, the percentage column of the table as values, labels on the bars.
    static func optionBars(_ workbook: Workbook, sheet: Sheet, title: String, categories column: Int, values: Int,
                           rows: ClosedRange<Int>) throws -> UnsafeMutablePointer<lxw_chart> {
        let chart = try workbook.addChart(LXW_CHART_BAR)
        guard let series = chart_add_series(chart, nil, nil) else { throw ReportError("Cannot add a chart series.") }
        chart_series_set_categories(series, sheet.name, try Sheet.cellRow(rows.lowerBound), try Sheet.cellColumn(column),
                                    try Sheet.cellRow(rows.upperBound), try Sheet.cellColumn(column))
        chart_series_set_values(series, sheet.name, try Sheet.cellRow(rows.lowerBound), try Sheet.cellColumn(values),
                                try Sheet.cellRow(rows.upperBound), try Sheet.cellColumn(values))
        var fill = lxw_chart_fill()
        fill.color = 0x2E75B6
        chart_series_set_fill(series, &fill)
        chart_set_series_gap(chart, 60)
        chart_series_set_labels(series)
        chart_series_set_labels_num_format(series, "0%")
        chart_series_set_labels_position(series, UInt8(LXW_CHART_LABEL_POSITION_OUTSIDE_END.rawValue))
        var labelFont = font(9)
        chart_series_set_labels_font(series, &labelFont)
        chart_title_set_name(chart, title)
        var titleFont = font(10, bold: true)
        chart_title_set_name_font(chart, &titleFont)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        styleValueAxis(chart.pointee.x_axis)  // for bar charts x is the value axis
        styleCategoryAxis(chart.pointee.y_axis)
        return chart
    }

    /// A 100% stacked bar per question, one series (colour) per scale point, legend at the bottom.
    static func stackedScale(_ workbook: Workbook, sheet: Sheet, title: String, categories column: Int, firstValueColumn: Int,
                             seriesNames: [String], rows: ClosedRange<Int>, need: Bool) throws -> UnsafeMutablePointer<lxw_chart> {
        let chart = try workbook.addChart(LXW_CHART_BAR_STACKED_PERCENT)
        let colours = scaleColours(seriesNames.count, need: need)
        for (i, name) in seriesNames.enumerated() {
            guard let series = chart_add_series(chart, nil, nil) else { throw ReportError("Cannot add a chart series.") }
            chart_series_set_categories(series, sheet.name, try Sheet.cellRow(rows.lowerBound), try Sheet.cellColumn(column),
                                        try Sheet.cellRow(rows.upperBound), try Sheet.cellColumn(column))
            chart_series_set_values(series, sheet.name, try Sheet.cellRow(rows.lowerBound), try Sheet.cellColumn(firstValueColumn + i),
                                    try Sheet.cellRow(rows.upperBound), try Sheet.cellColumn(firstValueColumn + i))
            chart_series_set_name(series, name)
            var fill = lxw_chart_fill()
            fill.color = colours[i]
            chart_series_set_fill(series, &fill)
        }
        chart_set_series_gap(chart, 50)
        chart_set_series_overlap(chart, 100)
        chart_title_set_name(chart, title)
        var titleFont = font(10, bold: true)
        chart_title_set_name_font(chart, &titleFont)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        var legendFont = font(9)
        chart_legend_set_font(chart, &legendFont)
        let valueAxis = chart.pointee.x_axis!
        chart_axis_set_num_format(valueAxis, "0%")
        chart_axis_set_major_unit(valueAxis, 0.25)
        var small = font(8)
        chart_axis_set_num_font(valueAxis, &small)
        styleCategoryAxis(chart.pointee.y_axis)
        return chart
    }
}
