import SurveyCore

/// `Controle` / `Disclosure check`: the rule, what was hidden and why, and for every hidden cell the smallest and
/// largest value a reader could work out from everything else in the report. The ranges are themselves
/// derivable from the report, so listing them tells a reader nothing new.
struct AuditSheet {
    let context: ReportContext
    let sheet: Sheet

    /// The check in a few sentences, for this sheet, the text report and `ouderstem report --audit`.
    static func summary(_ c: ReportContext) -> String {
        let w = c.words, d = c.disclosure, a = c.aggregate
        let tooFew = a.layout.entries.indices.filter { !d.questionShown[$0] && a.answered($0) > 0 }.count
        return w(
            "Regel: elk getoond cijfer komt van minstens \(c.minGroup) antwoorden, en geen combinatie van de getoonde cijfers (optellen, aftrekken, overlappende groepen) geeft de antwoorden van minder dan \(c.minGroup) ouders. Gecontroleerd met het rekenmodel van een aanvaller die de ouderlijst kent (lineaire programma's, GLPK, zoals tau-ARGUS van het CBS). Verborgen: \(tooFew) vragen met te weinig antwoorden; \(d.primaryCount()) cellen met te weinig antwoorden in de groep ('<\(c.minGroup)'); \(d.secondaryCount()) cellen ter bescherming ('x'). Gecontroleerd: \(d.smallClassesChecked) kleine deelgroepen, \(d.programs) rekenmodellen; \(d.zeroCounts) tellingen zijn 0 (daaruit volgt hooguit 'niemand daar koos het', toegestaan) en \(d.unanimousPins) volgen uit een getoonde groep van minstens \(c.minGroup) die eensgezind antwoordde. Uitkomst: geslaagd, niets kleiner dan \(c.minGroup) is terug te rekenen.",
            "Rule: every figure shown comes from at least \(c.minGroup) answers, and no combination of the figures shown (adding, subtracting, overlapping groups) gives the answers of fewer than \(c.minGroup) parents. Checked with the model of an attacker who knows the roster (linear programs, GLPK, as in Statistics Netherlands' tau-ARGUS). Hidden: \(tooFew) questions with too few answers; \(d.primaryCount()) cells with too few answers in the group ('<\(c.minGroup)'); \(d.secondaryCount()) cells to protect them ('x'). Checked: \(d.smallClassesChecked) small subgroups, \(d.programs) programs; \(d.zeroCounts) counts are 0 (at most 'nobody there chose it' follows, allowed) and \(d.unanimousPins) follow from a shown group of at least \(c.minGroup) that answered unanimously. Result: passed, nothing smaller than \(c.minGroup) can be worked out.")
    }

    /// Label of one attribute of a hidden cell: the option, or a scale's top share.
    static func attributeLabel(_ c: ReportContext, _ q: Int, _ attribute: Int) -> String {
        c.aggregate.layout.entries[q].scale != nil ? c.topLabel(q) : c.optionLabel(q, attribute)
    }

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, d = c.disclosure, a = c.aggregate
        try sheet.width(0, 0, 50, f.wrap)
        try sheet.width(1, 1, 26, f.wrap)
        try sheet.width(2, 2, 14)
        try sheet.width(3, 3, 30, f.wrap)
        try sheet.width(4, 5, 12)
        try sheet.printSetup()
        try sheet.title(w("Controle: kan iemand worden herkend?", "Disclosure check: can anyone be singled out?"))
        try sheet.rowHeight(120)
        try sheet.text(0, AuditSheet.summary(c), f.wrap)
        sheet.advance(2)

        let tooFew = a.layout.entries.indices.filter { !d.questionShown[$0] && a.answered($0) > 0 }
        if !tooFew.isEmpty {
            try sheet.heading(w("Vragen zonder cijfers (minder dan \(c.minGroup) antwoorden)", "Questions without figures (fewer than \(c.minGroup) answers)"))
            for q in tooFew {
                try sheet.text(0, c.questionText(q), f.wrap)
                sheet.advance()
            }
            sheet.advance()
        }

        try sheet.heading(w("Verborgen cellen en wat een lezer er hoogstens over kan afleiden", "Hidden cells and the most a reader can work out about them"))
        try sheet.headerRow([w("Vraag", "Question"), w("Groep", "Group"), w("Reden", "Reason"), w("Antwoord", "Answer"),
                             w("Kleinste aantal", "Smallest count"), w("Grootste aantal", "Largest count")])
        sheet.advance()
        if d.cells.isEmpty {
            try sheet.text(0, w("Geen: alle groepen zijn groot genoeg.", "None: every group is large enough."), f.note)
            sheet.advance()
        }
        for cell in d.cells {
            if cell.ranges.isEmpty {
                try sheet.text(0, c.questionText(cell.question), f.wrap)
                try sheet.text(1, c.segmentName(cell.segment))
                try sheet.text(2, cell.reason == .primary ? w("primair (<\(c.minGroup))", "primary (<\(c.minGroup))") : w("secundair (x)", "secondary (x)"))
                try sheet.text(3, w("bereik niet berekend (grote peiling)", "range not computed (large peiling)"), f.note)
                sheet.advance()
            }
            for range in cell.ranges {
                try sheet.text(0, c.questionText(cell.question), f.wrap)
                try sheet.text(1, c.segmentName(cell.segment))
                try sheet.text(2, cell.reason == .primary ? w("primair (<\(c.minGroup))", "primary (<\(c.minGroup))") : w("secundair (x)", "secondary (x)"))
                try sheet.text(3, AuditSheet.attributeLabel(c, cell.question, range.attribute), f.wrap)
                try sheet.number(4, Double(range.low), f.integer)
                try sheet.number(5, Double(range.high), f.integer)
                sheet.advance()
            }
        }
    }

    /// The audit as plain text lines for `ouderstem report --audit`.
    static func text(_ c: ReportContext) -> String {
        let w = c.words, d = c.disclosure
        var out = summary(c) + "\n"
        guard !d.cells.isEmpty else { return out }
        out += "\n" + w("Verborgen cel: kleinste–grootste aantal dat een lezer kan afleiden", "Hidden cell: smallest–largest count a reader can work out") + "\n"
        for cell in d.cells {
            let reason = cell.reason == .primary ? "<\(c.minGroup)" : "x"
            let ranges = cell.ranges.isEmpty ? w("bereik niet berekend", "range not computed")
                : cell.ranges.map { "\(attributeLabel(c, cell.question, $0.attribute)) \($0.low)–\($0.high)" }.joined(separator: "; ")
            out += "  [\(reason)] \(c.aggregate.layout.entries[cell.question].question.id) · \(c.segmentName(cell.segment)): \(ranges)\n"
        }
        return out
    }
}
