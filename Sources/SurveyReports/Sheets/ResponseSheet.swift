import SurveyCore
import SurveyStore

/// `Respons`: the roster against the responses per group, tag and method, the sample's coverage, and
/// non-response per tag, so the team sees whose voice is missing.
struct ResponseSheet {
    let context: ReportContext
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, status = c.status
        try sheet.width(0, 0, 40)
        try sheet.width(1, 4, 15)
        try sheet.width(5, 6, 40)
        try sheet.printSetup()
        try sheet.title(w("Respons: wie heeft geantwoord, wiens stem ontbreekt?", "Response: who answered, whose voice is missing?"))
        try sheet.text(0, w("Volgens de ouderlijst (kenmerken zoals ingevoerd door school). Antwoorden zonder code staan alleen in het totaal per afnamewijze.",
                            "By the roster (characteristics as entered by the school). Responses without a code only appear in the total per method."), f.note)
        sheet.advance(2)

        let withCode = status.responses - status.anonymous
        try sheet.headerRow([w("Totaal", "Total"), w("Op de lijst", "On the roster"), w("Geantwoord", "Answered"), w("Respons", "Response rate"), w("Nog niet", "Not yet")])
        sheet.advance()
        try sheet.text(0, w("Alle ouders", "All parents"), f.bold)
        try counts(roster: status.rosterSize, responded: withCode)
        sheet.advance()
        if status.anonymous > 0 {
            try sheet.text(0, w("Zonder code (schoolapparaat)", "Without a code (school device)"))
            try sheet.number(2, Double(status.anonymous), f.integer)
            sheet.advance()
        }
        if status.inProgress > 0 {
            try sheet.text(0, w("Begonnen, nog niet verstuurd", "Started, not sent yet"))
            try sheet.number(2, Double(status.inProgress), f.integer)
            sheet.advance()
        }
        sheet.advance()

        try table(w("Per groep", "By group"), w("Groep", "Group"), status.byGroup.map { ($0.key, $0) })
        let tagCounts = status.byTag.map { (c.survey.tag($0.key).map { w($0.label) } ?? $0.key, $0) }
        try table(w("Per kenmerk: wiens stem ontbreekt?", "By characteristic: whose voice is missing?"), w("Kenmerk", "Characteristic"), tagCounts)

        try sheet.heading(w("Per afnamewijze", "By response method"))
        try sheet.headerRow([w("Afnamewijze", "Method"), w("Antwoorden", "Responses"), w("% van de antwoorden", "% of responses")])
        sheet.advance()
        for count in status.byMethod {
            try sheet.text(0, ResponseMethod(rawValue: count.key).map { w($0.label) } ?? count.key)
            try sheet.number(1, Double(count.responded), f.integer)
            try sheet.number(2, Double(count.responded) / Double(max(status.responses, 1)), f.percent)
            sheet.advance()
        }
        sheet.advance()

        try sampleSection()
        if c.options.withNames { try namesSection() }
    }

    private func counts(roster: Int, responded: Int) throws {
        let f = sheet.formats
        try sheet.number(1, Double(roster), f.integer)
        try sheet.number(2, Double(responded), f.integer)
        if roster > 0 { try sheet.number(3, Double(responded) / Double(roster), f.percent) }
        try sheet.number(4, Double(max(0, roster - responded)), f.integer)
    }

    private func table(_ title: String, _ column: String, _ rows: [(String, PeilingStatus.Count)]) throws {
        let w = context.words, f = sheet.formats
        try sheet.heading(title)
        try sheet.headerRow([column, w("Op de lijst", "On the roster"), w("Geantwoord", "Answered"), w("Respons", "Response rate"), w("Nog niet", "Not yet")])
        sheet.advance()
        if rows.isEmpty {
            try sheet.text(0, w("(niemand op de lijst)", "(nobody on the roster)"), f.note)
            sheet.advance()
        }
        for (name, count) in rows {
            try sheet.text(0, name)
            try counts(roster: count.roster, responded: count.responded)
            sheet.advance()
        }
        sheet.advance()
    }

    private func sampleSection() throws {
        let c = context, w = c.words, f = sheet.formats
        try sheet.heading(w("Steekproef", "Sample"))
        guard let stored = c.sample else {
            try sheet.text(0, w("Er is geen steekproef getrokken: alle ouders zijn uitgenodigd.", "No sample was drawn: all parents were invited."), f.note)
            sheet.advance()
            return
        }
        try sheet.text(0, w("In de steekproef: \(c.status.sampleSize) ouders, van wie \(c.status.sampleResponded) antwoordden; \(stored.declined.count) wilden niet meedoen.",
                            "In the sample: \(c.status.sampleSize) parents, of whom \(c.status.sampleResponded) answered; \(stored.declined.count) declined."))
        sheet.advance()
        guard !stored.sample.covered.isEmpty else { return }
        try sheet.headerRow([w("Kenmerk dat de steekproef dekt", "Characteristic the sample covers"), w("In de steekproef", "In the sample"), w("Geantwoord", "Answered")])
        sheet.advance()
        let roster = Dictionary(c.status.missing.map { ($0.respondentID, false) }, uniquingKeysWith: { a, _ in a })
        let tagsByID = c.sampleTags
        for tag in stored.sample.covered {
            let members = stored.active.filter { tagsByID[$0]?.contains(tag) ?? false }
            try sheet.text(0, c.survey.tag(tag).map { w($0.label) } ?? tag)
            try sheet.number(1, Double(members.count), f.integer)
            try sheet.number(2, Double(members.filter { roster[$0] == nil }.count), f.integer)
            sheet.advance()
        }
        sheet.advance()
    }

    private func namesSection() throws {
        let c = context, w = c.words
        try sheet.heading(w("Nog niet geantwoord, met namen (--with-names)", "Not answered yet, with names (--with-names)"))
        try sheet.headerRow([w("Ouder(s)", "Parent(s)"), w("Kind", "Child"), w("Groep", "Group"), w("Taal", "Language"), w("In steekproef", "In sample"), w("Voorstel", "Suggestion")])
        sheet.advance()
        for missing in c.missingNames {
            try sheet.text(0, missing.parentNames ?? missing.respondentID)
            try sheet.text(1, missing.childName ?? "")
            try sheet.text(2, missing.group)
            try sheet.text(3, missing.language)
            try sheet.text(4, missing.inSample ? w("ja", "yes") : "")
            try sheet.text(5, "\(w(missing.suggestedMethod.label)): \(w(missing.reason))")
            sheet.advance()
        }
    }
}
