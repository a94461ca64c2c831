import SurveyCore

/// `Open antwoorden`: every open answer and every "other, namely ..." text, by question, sorted so that
/// similar answers stand together (and not in the order they came in). Tags only where their group is large enough.
struct OpenAnswersSheet {
    let context: ReportContext
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        try sheet.width(0, 0, 90, f.wrap)
        try sheet.width(1, 1, 40, f.wrap)
        try sheet.printSetup()
        try sheet.title(w("Open antwoorden", "Open answers"))
        try sheet.rowHeight(30)
        try sheet.text(0, w("Zonder namen. Kenmerken staan er alleen bij als die groep minstens \(c.minGroup) ouders telt. De volgorde is alfabetisch, niet de volgorde van binnenkomst.",
                            "Without names. Characteristics are shown only when that group has at least \(c.minGroup) parents. Sorted alphabetically, not in the order they came in."), f.note)
        sheet.advance(2)
        var any = false
        for (q, entry) in a.layout.entries.enumerated() where !a.open[q].isEmpty {
            any = true
            try sheet.rowHeight(30)
            // A choice question's texts are its "other, namely ..." answers; a text question's are its open answers.
            let kind = entry.question.type == .text ? "" : " — " + w("anders, namelijk", "other, namely")
            try sheet.heading("\(c.questionText(q))\(kind) (\(a.open[q].count))")
            try sheet.headerRow([w("Antwoord", "Answer"), w("Kenmerken", "Characteristics")])
            sheet.advance()
            // Sort keys made once per answer: a locale-aware compare inside the sort costs seconds at 100,000 responses.
            let keys = a.open[q].map { $0.text.lowercased() }
            let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            for answer in order.map({ a.open[q][$0] }) {
                try sheet.text(0, answer.text, f.wrap)
                let tags = a.visibleTags(answer).map { tag in c.survey.tag(tag).map { w($0.label) } ?? tag }
                try sheet.text(1, tags.joined(separator: ", "), f.wrap)
                sheet.advance()
            }
            sheet.advance()
        }
        if !any {
            try sheet.text(0, w("Er zijn (nog) geen open antwoorden.", "There are no open answers (yet)."), f.note)
        }
    }
}
