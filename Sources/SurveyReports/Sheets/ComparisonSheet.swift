import SurveyCore

/// `Vergelijking`: this peiling against an earlier one (`--compare`): per question the earlier share, the share
/// now, the change in points and whether it is more than chance; changed questions marked, questions asked only
/// once listed.
struct ComparisonSheet {
    let context: ReportContext
    let comparison: Comparison
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats
        try sheet.width(0, 0, 52, f.wrap)
        try sheet.width(1, 1, 28, f.wrap)
        try sheet.width(2, 8, 12)
        try sheet.printSetup()
        try sheet.title(w("Vergelijking met \(comparison.earlierName)", "Comparison with \(comparison.earlierName)"))
        try sheet.wrapped(0, Comparison.explanation(w, minGroup: c.minGroup), width: 100, f.note)
        sheet.advance(2)
        try sheet.rowHeight(30)
        try sheet.headerRow([w("Vraag", "Question"), w("Antwoord", "Answer"), w("Vorige keer", "Last time"), "n",
                             w("Nu", "Now"), "n", w("Verschil (punten)", "Change (points)"), w("Toeval?", "Chance?"), w("Let op", "Note")])
        sheet.advance()
        var previous: Int?
        for line in comparison.lines {
            if previous != line.question { try sheet.wrapped(0, c.questionText(line.question), width: 52) }
            previous = line.question
            try sheet.text(1, line.option.map { c.optionLabel(line.question, $0) } ?? c.topLabel(line.question))
            try sheet.number(2, line.earlier.share, f.percent)
            try sheet.number(3, Double(line.earlier.total), f.integer)
            try sheet.number(4, line.now.share, f.percent)
            try sheet.number(5, Double(line.now.total), f.integer)
            try sheet.number(6, (line.change * 100).rounded(), f.integer)
            try sheet.text(7, line.isSignificant ? w("nee: echt verschil", "no: a real change") : w("kan toeval zijn", "may be chance"))
            if line.changed { try sheet.text(8, w("gewijzigd", "changed")) }
            sheet.advance()
        }
        sheet.advance()
        let lists: [(String, [String])] = [
            (w("Te weinig antwoorden om te vergelijken (minder dan \(c.minGroup) in een van beide peilingen)", "Too few answers to compare (fewer than \(c.minGroup) in either peiling)"),
             comparison.tooFew.map { c.questionText($0) }),
            (w("Alleen nu gevraagd", "Asked only now"), comparison.onlyNow),
            (w("Alleen vorige keer gevraagd", "Asked only last time"), comparison.onlyEarlier),
        ]
        for (title, texts) in lists where !texts.isEmpty {
            try sheet.heading(title)
            for text in texts {
                try sheet.wrapped(0, text, width: 52)
                sheet.advance()
            }
            sheet.advance()
        }
    }
}
