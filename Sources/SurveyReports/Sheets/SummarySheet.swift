import SurveyCore

/// `Samenvatting`: the peiling, dates, response, the five strongest needs and the five lowest-scoring items,
/// with a warning when the response cannot speak for all parents.
struct SummarySheet {
    let context: ReportContext
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        try sheet.width(0, 0, 5)
        try sheet.width(1, 1, 90, f.wrap)
        try sheet.width(2, 4, 12)
        try sheet.width(5, 5, 9)
        try sheet.printSetup()

        try sheet.title(w(c.survey.title))
        try sheet.text(0, w("Rapport voor het teamoverleg", "Report for the team meeting"), f.note)
        sheet.advance(2)
        let facts: [(String, String)] = [
            (w("Peiling", "Survey run"), c.peiling.name),
            (w("Vragenlijst", "Questionnaire"), "\(c.survey.id), \(w("versie", "version")) \(c.survey.version)"),
            (w("Antwoorden van", "Responses from"), "\(c.date(a.first)) \(w("tot en met", "to")) \(c.date(a.last))"),
            (w("Status", "Status"), c.peiling.isClosed ? w("gesloten", "closed") : w("nog open: er kunnen antwoorden bijkomen", "still open: more responses may come in")),
            (w("Rapport gemaakt op", "Report made on"), c.date(c.generatedAt)),
        ]
        for (label, value) in facts {
            try sheet.text(1, "\(label): \(value)")
            sheet.advance()
        }
        sheet.advance()

        for warning in c.findings.warnings {
            try sheet.rowHeight(33)
            try sheet.text(0, "!", f.warning)
            try sheet.text(1, warning, f.warning)
            sheet.advance()
        }
        if !c.findings.warnings.isEmpty { sheet.advance() }

        // Response, overall and per method.
        try sheet.heading(w("Respons", "Response"))
        try sheet.wrapped(1, responseSentence(), width: 90)
        sheet.advance()
        if let note = c.findings.weightsNote {
            try sheet.wrapped(1, note, width: 90)
            sheet.advance()
        }
        try sheet.rowHeight(30)
        try sheet.headerRow([w("Afnamewijze", "Response method"), w("Aantal", "Count"), w("% van de antwoorden", "% of responses")], from: 1)
        sheet.advance()
        let methods = a.segments.segmentIndices(of: .method).filter { a.segments[$0].size > 0 }
        for s in methods {
            try sheet.text(1, c.segmentName(s))
            try sheet.number(2, Double(a.segments[s].size), f.integer)
            try sheet.number(3, Double(a.segments[s].size) / Double(max(a.total, 1)), f.percent)
            sheet.advance()
        }
        try sheet.text(1, w("Totaal", "Total"), f.bold)
        try sheet.number(2, Double(a.total), f.integer)
        sheet.advance(2)

        try items(title: w("De vijf sterkste behoeften", "The five strongest needs"), c.findings.strongestNeeds,
                  empty: w("Deze vragenlijst heeft (nog) geen antwoorden op behoeftevragen.", "This questionnaire has no answers to need questions (yet)."))
        try items(title: w("De vijf laagst scorende stellingen", "The five lowest-scoring statements"), c.findings.lowestItems,
                  empty: w("Deze vragenlijst heeft (nog) geen antwoorden op stellingen.", "This questionnaire has no answers to statements (yet)."))

        if !c.findings.discussionThemes.isEmpty {
            try sheet.heading(w("Waar de behoefte het grootst is", "Where needs are largest"))
            for need in c.findings.discussionThemes {
                try sheet.text(1, "\(w(need.theme.title)) — \(w("zie het blad", "see the sheet")) '\(c.sheetNames.discussion)'")
                sheet.advance()
            }
            sheet.advance()
        }

        try sheet.heading(w("Zo leest u dit rapport", "How to read this report"))
        for note in [c.readingNote, c.findings.suppressionNote, c.findings.versionNote,
                     w("Namen staan nergens in dit rapport.", "No names appear anywhere in this report.")].compactMap({ $0 }) {
            try sheet.rowHeight(48)
            try sheet.text(1, note, f.wrap)
            sheet.advance()
        }
        if c.options.withNames {
            try sheet.text(1, w("Let op: dit rapport is gemaakt met --with-names en bevat namen op het blad Respons. Deel het niet buiten het team.",
                                "Note: this report was made with --with-names and contains names on the Response sheet. Do not share it outside the team."), f.warning)
            sheet.advance()
        }
    }

    private func responseSentence() -> String {
        let c = context, w = c.words, status = c.status
        let withCode = status.responses - status.anonymous
        var sentence: String
        if status.rosterSize > 0 {
            sentence = w("\(withCode) van de \(status.rosterSize) ouders op de lijst hebben geantwoord (\(w.percent(c.findings.responseRate ?? 0))).",
                         "\(withCode) of the \(status.rosterSize) parents on the roster have answered (\(w.percent(c.findings.responseRate ?? 0))).")
        } else {
            sentence = w("\(status.responses) ouders hebben geantwoord.", "\(status.responses) parents have answered.")
        }
        if status.anonymous > 0 {
            sentence += " " + w("Daarnaast \(status.anonymous) antwoorden zonder code (op een schoolapparaat).",
                                "Plus \(status.anonymous) responses without a code (on a school device).")
        }
        if status.sampleSize > 0 {
            sentence += " " + w("Van de steekproef van \(status.sampleSize) ouders antwoordden er \(status.sampleResponded).",
                                "Of the sample of \(status.sampleSize) parents, \(status.sampleResponded) answered.")
        }
        if let representativeness = c.representativenessSentence { sentence += " " + representativeness }
        return sentence
    }

    private func items(title: String, _ items: [Findings.Item], empty: String) throws {
        let c = context, w = c.words, f = sheet.formats
        try sheet.heading(title)
        guard !items.isEmpty else {
            try sheet.text(1, empty, f.note)
            sheet.advance(2)
            return
        }
        try sheet.headerRow(["", w("Uitkomst", "Finding"), "%", w("Marge van", "Margin from"), w("Marge tot", "Margin to"), "n"])
        sheet.advance()
        for (i, item) in items.enumerated() {
            let (low, high) = item.top.interval
            try sheet.rowHeight(30)
            try sheet.number(0, Double(i + 1), f.integer)
            try sheet.text(1, c.sentence(item), f.wrap)
            try sheet.number(2, item.top.share, f.percent)
            try sheet.number(3, low, f.percent)
            try sheet.number(4, high, f.percent)
            try sheet.number(5, Double(item.top.total), f.integer)
            sheet.advance()
        }
        sheet.advance()
    }
}
