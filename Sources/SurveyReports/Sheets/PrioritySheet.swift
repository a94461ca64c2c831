import CXlsxWriter
import SurveyCore

/// `Prioriteiten`: per theme the share of parents satisfied (statements) against the share with a need (need
/// questions), as a table and a native scatter chart, with the themes to work on first at the top.
struct PrioritySheet {
    let context: ReportContext
    let sheet: Sheet
    let workbook: Workbook

    func write() throws {
        let c = context, w = c.words, f = sheet.formats
        try sheet.width(0, 0, 40, f.wrap)
        try sheet.width(1, 2, 14)
        try sheet.width(3, 3, 34, f.wrap)
        try sheet.printSetup()
        try sheet.title(w("Prioriteiten: tevredenheid tegen behoefte", "Priorities: satisfaction against need"))
        try sheet.rowHeight(60)
        try sheet.text(0, w("Per thema het gemiddelde deel van de ouders dat het (helemaal) eens is met de stellingen (tevreden), tegen het gemiddelde deel met (grote) behoefte bij de behoeftevragen. Een thema met minder tevredenheid en meer behoefte dan het gemiddelde thema pakt u eerst aan. Alleen vragen met genoeg antwoorden tellen mee.",
                            "Per theme the average share of parents who (strongly) agree with the statements (satisfied), against the average share with a (large) need in the need questions. A theme with less satisfaction and more need than the average theme is the one to work on first. Only questions with enough answers count."), f.note)
        sheet.advance(2)
        let priorities = c.findings.priorities
        guard !priorities.isEmpty else {
            try sheet.text(0, w("Er zijn nog te weinig antwoorden op stellingen en behoeftevragen van hetzelfde thema.",
                                "There are too few answers yet to statements and need questions of the same theme."), f.note)
            return
        }
        try sheet.headerRow([w("Thema", "Theme"), w("Tevreden", "Satisfied"), w("Behoefte", "Need"), w("Advies", "Advice")])
        sheet.advance()
        let first = sheet.row
        for priority in priorities {
            try sheet.text(0, w(priority.theme.title), f.wrap)
            try sheet.number(1, priority.satisfied, f.percent)
            try sheet.number(2, priority.need, f.percent)
            try sheet.text(3, advice(priority), priority.first ? f.bold : f.text)
            sheet.advance()
        }
        try sheet.insertChart(try chart(rows: first..<sheet.row), row: sheet.row + 1, column: 0, width: 720, height: 420)
    }

    func advice(_ p: Findings.Priority) -> String {
        let w = context.words
        switch (p.lessSatisfied, p.moreNeed) {
        case (true, true): return w("Eerst aanpakken", "Work on first")
        case (false, true): return w("Goed, maar er is behoefte: uitbouwen", "Good, but there is a need: build on it")
        case (true, false): return w("Minder tevreden: bespreken", "Less satisfied: discuss")
        case (false, false): return w("Vasthouden", "Keep it up")
        }
    }

    /// One point per theme (its own series, so the legend names it): satisfied on x, need on y.
    private func chart(rows: Range<Int>) throws -> UnsafeMutablePointer<lxw_chart> {
        let w = context.words
        let chart = try workbook.addChart(LXW_CHART_SCATTER)
        for row in rows {
            guard let series = chart_add_series(chart, nil, nil) else { throw ReportError("Cannot add a chart series.") }
            let r = try Sheet.cellRow(row)
            chart_series_set_categories(series, sheet.name, r, 1, r, 1)
            chart_series_set_values(series, sheet.name, r, 2, r, 2)
            chart_series_set_name_range(series, sheet.name, r, 0)
            chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
            chart_series_set_marker_size(series, 9)
        }
        chart_title_set_name(chart, w("Tevredenheid en behoefte per thema", "Satisfaction and need per theme"))
        for (axis, name) in [(chart.pointee.x_axis!, w("Tevreden", "Satisfied")), (chart.pointee.y_axis!, w("Behoefte", "Need"))] {
            chart_axis_set_name(axis, name)
            chart_axis_set_min(axis, 0)
            chart_axis_set_max(axis, 1)
            chart_axis_set_major_unit(axis, 0.25)
            chart_axis_set_num_format(axis, "0%")
        }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_RIGHT.rawValue))
        return chart
    }
}
