import SurveyCore

/// One sheet per theme: the theme's scale questions as one 100% stacked bar per scale, then per question a
/// table (option, n, %, margin) with a bar chart beside it.
struct ThemeSheet {
    let context: ReportContext
    let sheet: Sheet
    let theme: Theme
    let number: Int

    /// Pixels per row at the default height; charts are sized in rows so they never overlap the next table.
    private let rowPixels = 20.0
    private let chartColumn = 5

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        try sheet.width(0, 0, 52, f.wrap)
        try sheet.width(1, 8, 12)
        try sheet.printSetup()
        try sheet.title("\(number). \(w(theme.title))")
        if let intro = theme.intro {
            try sheet.rowHeight(30)
            try sheet.text(0, w(intro), f.note)
            sheet.advance()
        }
        try sheet.text(0, w("\(a.total) ouders gaven antwoord op de vragenlijst.", "\(a.total) parents answered the questionnaire."), f.note)
        sheet.advance()
        try sheet.rowHeight(45)
        try sheet.text(0, c.readingNote, f.note)
        sheet.advance()
        let questions = a.layout.entries.indices.filter { a.layout.entries[$0].theme.id == theme.id }
        if let note = c.findings.weightsNote, questions.contains(where: { c.findings.weighted[$0] != nil }) {
            try sheet.wrapped(0, note, width: 52)
            sheet.advance()
        }
        sheet.advance()
        try overview(questions)
        for (i, q) in questions.enumerated() {
            switch a.layout.entries[q].question.type {
            case .single, .multiple, .scale: try choiceBlock(q, position: i + 1)
            case .number: try numberBlock(q, position: i + 1)
            case .text: try textBlock(q, position: i + 1)
            }
        }
    }

    /// The stacked overview: one table and chart per scale used in the theme.
    private func overview(_ questions: [Int]) throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        var scales: [Scale] = []
        // Questions with too few answers stay out of the overview: their own block says so.
        let shown = questions.filter { c.isShown($0) }
        for q in shown { if let scale = a.layout.entries[q].scale, !scales.contains(where: { $0.id == scale.id }) { scales.append(scale) } }
        for scale in scales {
            let own = shown.filter { a.layout.entries[$0].scale?.id == scale.id }
            let need = Findings.isNeedScale(scale)
            let title = need ? w("Overzicht: hoeveel behoefte hebben ouders?", "Overview: how much do parents need?")
                             : w("Overzicht: in hoeverre zijn ouders het eens?", "Overview: how far do parents agree?")
            try sheet.heading(title)
            let points = scale.points.map { w($0.label) }
            let top = w(scale.topLabel)
            try sheet.headerRow([w("Vraag", "Question")] + points + ["n", w("Gemiddeld", "Mean") + " (1–\(points.count))", top])
            try sheet.rowHeight(40)
            sheet.advance()
            let first = sheet.row
            for q in own {
                try sheet.rowHeight(40)
                try sheet.text(0, c.questionText(q), f.wrap)
                for o in points.indices { try sheet.number(1 + o, a.proportion(q, option: o).share, f.percent) }
                try sheet.number(1 + points.count, Double(a.answered(q)), f.integer)
                if let mean = a.mean(q) { try sheet.number(2 + points.count, mean, f.decimal) }
                if let share = a.topShare(q) { try sheet.number(3 + points.count, share.share, f.percent) }
                sheet.advance()
            }
            let last = sheet.row - 1
            // Heading 20 px, header 40 px, 40 px per question; the chart a little taller than the table.
            let tableHeight = 60 + Double(own.count) * 40
            let chartHeight = max(200, Double(own.count) * 44 + 120)
            let chart = try Charts.stackedScale(sheet.workbook, sheet: sheet,
                                                title: title, categories: 0, firstValueColumn: 1, seriesNames: points,
                                                rows: first...last, need: need)
            try sheet.insertChart(chart, row: first - 2, column: 5 + points.count, width: 620, height: chartHeight)
            sheet.advance(max(1, Int(((chartHeight - tableHeight) / rowPixels).rounded(.up)) + 1))
        }
    }

    private func heading(_ q: Int, position: Int) throws {
        try sheet.heading("\(number).\(position) \(context.questionText(q))")
    }

    private func answeredNote(_ q: Int) -> String {
        let c = context, w = c.words, a = c.aggregate
        let entry = a.layout.entries[q]
        var note = entry.question.type == .multiple
            ? w("Meer antwoorden mogelijk. ", "More answers possible. ") : ""
        note += w("\(a.answered(q)) ouders beantwoordden deze vraag", "\(a.answered(q)) parents answered this question")
        if a.skipped(q) > 0 { note += w(", \(a.skipped(q)) sloegen haar over", ", \(a.skipped(q)) skipped it") }
        if let condition = entry.question.showIf {
            note += w(" (alleen gesteld na een bepaald antwoord op '\(condition.question)')", " (only asked after a certain answer to '\(condition.question)')")
        }
        return note + "."
    }

    /// The block of a question answered by fewer than the minimum: its heading and that sentence, nothing else.
    private func tooFewBlock(_ q: Int, position: Int) throws {
        try heading(q, position: position)
        try sheet.text(0, context.tooFewAnswers(q), sheet.formats.hidden)
        sheet.advance(2)
    }

    private func choiceBlock(_ q: Int, position: Int) throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        let entry = a.layout.entries[q]
        guard c.isShown(q) else { return try tooFewBlock(q, position: position) }
        // Background options chosen by fewer than the minimum (the tags come from them) show "<k" only.
        let hiddenOptions = c.disclosure.hiddenOptions[q]
        try heading(q, position: position)
        try sheet.text(0, answeredNote(q), f.note)
        sheet.advance()
        let start = sheet.row
        try sheet.headerRow([w("Antwoord", "Answer"), w("Aantal", "Count"), "%", w("Marge van", "Margin from"), w("Marge tot", "Margin to")])
        sheet.advance()
        // Nominal multiple-choice options read best from most to least chosen; ordered ones keep their order.
        var order = Array(entry.options.indices)
        if entry.question.type == .multiple {
            order.sort { (a.count(q, option: $0), -$0) > (a.count(q, option: $1), -$1) }
            if let other = entry.optionIndex[AnswerOption.otherID], let at = order.firstIndex(of: other) { order.append(order.remove(at: at)) }
        }
        let first = sheet.row
        for o in order {
            let share = a.proportion(q, option: o)
            try sheet.text(0, c.optionLabel(q, o))
            if hiddenOptions.contains(o) {
                try sheet.text(1, w.hidden(c.minGroup), f.hidden)
                sheet.advance()
                continue
            }
            try sheet.number(1, Double(share.count), f.integer)
            try sheet.number(2, share.share, f.percent)
            if share.total > 0 {
                try sheet.number(3, share.interval.low, f.percent)
                try sheet.number(4, share.interval.high, f.percent)
            }
            sheet.advance()
        }
        let last = sheet.row - 1
        if hiddenOptions.isEmpty, let top = a.topShare(q), let mean = a.mean(q) {
            try sheet.text(0, w("Samen", "Together") + ": " + c.topLabel(q), f.bold)
            try sheet.number(1, Double(top.count), f.integer)
            try sheet.number(2, top.share, f.percent)
            try sheet.number(3, top.interval.low, f.percent)
            try sheet.number(4, top.interval.high, f.percent)
            sheet.advance()
            if let weighted = c.findings.weighted[q] {
                // Whole percentages only (`WeightedShareCheck`); the margin from the effective number of answers.
                let (low, high) = weighted.interval
                try sheet.text(0, w("Gewogen", "Weighted") + ": " + c.topLabel(q), f.bold)
                try sheet.number(2, weighted.share, f.percent)
                try sheet.number(3, (low * 100).rounded() / 100, f.percent)
                try sheet.number(4, (high * 100).rounded() / 100, f.percent)
                sheet.advance()
            }
            try sheet.text(0, w("Gemiddelde", "Mean") + " (1 = \(c.optionLabel(q, 0).lowercased()), \(entry.options.count) = \(c.optionLabel(q, entry.options.count - 1).lowercased()))", f.bold)
            try sheet.number(1, mean, f.decimal)
            sheet.advance()
        }
        let used = sheet.row - start
        let chartRows = max(9, Int((Double(order.count) * 24 + 90) / rowPixels) + 1)
        let chart = try Charts.optionBars(sheet.workbook, sheet: sheet, title: c.questionText(q), categories: 0, values: 2, rows: first...last)
        try sheet.insertChart(chart, row: start - 1, column: chartColumn, width: 520, height: Double(chartRows) * rowPixels)
        sheet.advance(max(1, chartRows - used) + 1)
    }

    private func numberBlock(_ q: Int, position: Int) throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        guard c.isShown(q) else { return try tooFewBlock(q, position: position) }
        try heading(q, position: position)
        try sheet.text(0, answeredNote(q) + " " + w("Waarden staan in groepen van minstens \(c.minGroup) antwoorden.",
                                                    "Values are grouped so that each group holds at least \(c.minGroup) answers."), f.note)
        sheet.advance()
        try sheet.headerRow([w("Antwoord", "Answer"), w("Aantal", "Count"), "%"])
        sheet.advance()
        let n = a.answered(q)
        for bin in c.disclosure.numberBins[q] {
            try sheet.text(0, bin.low == bin.high ? w.number(bin.low) : "\(w.number(bin.low))–\(w.number(bin.high))")
            try sheet.number(1, Double(bin.count), f.integer)
            try sheet.number(2, Double(bin.count) / Double(max(n, 1)), f.percent)
            sheet.advance()
        }
        if let mean = a.mean(q), let median = a.median(q) {
            try sheet.text(0, w("Gemiddelde", "Mean"), f.bold)
            try sheet.number(1, mean, f.decimal)
            sheet.advance()
            try sheet.text(0, w("Mediaan", "Median"), f.bold)
            try sheet.number(1, median, f.decimal)
            sheet.advance()
        }
        sheet.advance()
    }

    private func textBlock(_ q: Int, position: Int) throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        guard c.isShown(q) else { return try tooFewBlock(q, position: position) }
        try heading(q, position: position)
        try sheet.text(0, w("Open vraag: \(a.answered(q)) antwoorden, te lezen op het blad '\(c.sheetNames.open)'.",
                            "Open question: \(a.answered(q)) answers, to read on the sheet '\(c.sheetNames.open)'."), f.note)
        sheet.advance(2)
    }
}
