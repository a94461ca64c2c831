import SurveyCore

/// `Open antwoorden`: every open answer and every "other, namely ..." text, by question, sorted so that
/// similar answers stand together (and not in the order they came in). Nothing of a question answered by fewer
/// than the minimum; tags only with `--open-answers with-groups` and only as a combination held by enough parents.
struct OpenAnswersSheet {
    let context: ReportContext
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        let withGroups = c.options.openAnswers == .withGroups
        try sheet.width(0, 0, 90, f.wrap)
        try sheet.width(1, 1, 40, f.wrap)
        try sheet.printSetup()
        try sheet.title(w("Open antwoorden", "Open answers"))
        try sheet.rowHeight(30)
        guard c.options.openAnswers != .none else {
            try sheet.text(0, w("Het team koos ervoor de open antwoorden niet in dit rapport op te nemen (--open-answers none).",
                                "The team chose not to include the open answers in this report (--open-answers none)."), f.note)
            return
        }
        try sheet.text(0, withGroups
            ? w("Zonder namen. Kenmerken staan er alleen bij als minstens \(c.minGroup) ouders die de vraag beantwoordden die kenmerken samen hebben. De volgorde is alfabetisch, niet de volgorde van binnenkomst. Open antwoorden kunnen zelf namen of herkenbare details bevatten: lees ze voor u ze deelt.",
                "Without names. Characteristics are shown only when at least \(c.minGroup) parents who answered the question share them together. Sorted alphabetically, not in the order they came in. Open answers may themselves contain names or recognisable details: read them before sharing.")
            : w("Zonder namen en zonder kenmerken. De volgorde is alfabetisch, niet de volgorde van binnenkomst. Open antwoorden kunnen zelf namen of herkenbare details bevatten: lees ze voor u ze deelt.",
                "Without names and without characteristics. Sorted alphabetically, not in the order they came in. Open answers may themselves contain names or recognisable details: read them before sharing."), f.note)
        sheet.advance(2)
        var any = false
        for (q, entry) in a.layout.entries.enumerated() where !a.open[q].isEmpty && c.isShown(q) {
            any = true
            try sheet.rowHeight(30)
            // A choice question's texts are its "other, namely ..." answers; a text question's are its open answers.
            let kind = entry.question.type == .text ? "" : " — " + w("anders, namelijk", "other, namely")
            try sheet.heading("\(c.questionText(q))\(kind) (\(a.open[q].count))")
            try sheet.headerRow(withGroups ? [w("Antwoord", "Answer"), w("Kenmerken", "Characteristics")] : [w("Antwoord", "Answer")])
            sheet.advance()
            // Sort keys made once per answer: a locale-aware compare inside the sort costs seconds at 100,000 responses.
            let keys = a.open[q].map { $0.text.lowercased() }
            let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            let labels = OpenAnswerLabels(aggregate: a, question: q, minGroup: c.minGroup)
            for answer in order.map({ a.open[q][$0] }) {
                try sheet.text(0, answer.text, f.wrap)
                if withGroups {
                    let tags = labels.tags(atom: answer.atom).map { tag in c.survey.tag(tag).map { w($0.label) } ?? tag }
                    try sheet.text(1, tags.joined(separator: ", "), f.wrap)
                }
                sheet.advance()
            }
            sheet.advance()
        }
        if !any {
            try sheet.text(0, w("Er zijn (nog) geen open antwoorden.", "There are no open answers (yet)."), f.note)
        }
    }
}
