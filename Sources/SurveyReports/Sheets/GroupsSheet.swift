import SurveyCore

/// `Groepen`: the main questions (scales, single and multiple choice) by tag, group, method and language,
/// as percentages within each group; small cells hidden.
struct GroupsSheet {
    let context: ReportContext
    let sheet: Sheet

    /// A row of the breakdown: a scale's top share, or one option of a choice question.
    struct Line {
        var question: Int
        /// Nil for a scale's top share.
        var option: Int?
    }

    /// The rows every breakdown shows, in the order of the questionnaire (background questions left out:
    /// they are where the tags come from).
    static func lines(_ a: Aggregate, _ disclosure: Disclosure) -> [Line] {
        var lines: [Line] = []
        for (q, entry) in a.layout.entries.enumerated() where !entry.theme.isBackground && disclosure.questionShown[q] {
            switch entry.question.type {
            case .scale: lines.append(Line(question: q, option: nil))
            case .single, .multiple: lines += entry.options.indices.map { Line(question: q, option: $0) }
            case .number, .text: break
            }
        }
        return lines
    }

    /// The dimensions worth a table: at least two values with responses.
    static func dimensions(_ a: Aggregate) -> [(Dimension, [Int])] {
        Dimension.allCases.compactMap { dimension in
            let members = a.segments.segmentIndices(of: dimension).filter { a.segments[$0].size > 0 }
            return members.count >= (dimension == .tag ? 1 : 2) ? (dimension, members) : nil
        }
    }

    func write() throws {
        let c = context, w = c.words, f = sheet.formats, a = c.aggregate
        let dimensions = GroupsSheet.dimensions(a)
        let widest = dimensions.map(\.1.count).max() ?? 0
        try sheet.width(0, 0, 46, f.wrap)
        try sheet.width(1, 1, 30, f.wrap)
        try sheet.width(2, 2 + widest, 13)
        try sheet.printSetup()
        try sheet.freeze(rows: 0, columns: 2)
        try sheet.title(w("Verschillen tussen groepen ouders", "Differences between groups of parents"))
        try sheet.rowHeight(45)
        try sheet.text(0, w("Per groep het percentage binnen die groep: bij stellingen en behoeftevragen het deel dat (helemaal) eens is of (grote) behoefte heeft, bij keuzevragen het deel dat dat antwoord koos.",
                            "Per group the percentage within that group: for statements and need questions the share that (strongly) agrees or has a (strong) need, for choice questions the share that chose that answer."), f.note)
        sheet.advance()
        try sheet.rowHeight(45)
        try sheet.text(0, c.findings.suppressionNote, f.note)
        sheet.advance(2)
        guard !dimensions.isEmpty else {
            try sheet.text(0, w("Er zijn nog geen groepen om te vergelijken.", "There are no groups to compare yet."), f.note)
            return
        }
        let lines = GroupsSheet.lines(a, c.disclosure)
        for (dimension, members) in dimensions {
            try sheet.heading(w.dimensionTitle(dimension))
            let headers = [0] + members
            try sheet.rowHeight(45)
            try sheet.headerRow([w("Vraag", "Question"), w("Antwoord", "Answer")] + headers.map { s in
                let segment = a.segments[s]
                let size = s != 0 && segment.hidden ? w.hidden(c.minGroup) : "n = \(segment.size)"
                return "\(c.segmentName(s)) (\(size))"
            })
            sheet.advance()
            var previous: Int?
            for line in lines {
                let q = line.question
                if previous != q { try sheet.wrapped(0, c.questionText(q), width: 46) }
                previous = q
                try sheet.text(1, line.option.map { c.optionLabel(q, $0) } ?? c.topLabel(q))
                for (i, s) in headers.enumerated() {
                    if c.disclosure.isHidden(q, segment: s) {
                        let mark = c.disclosure.reason(q, segment: s) == .secondary ? w.protected : w.hidden(c.minGroup)
                        try sheet.text(2 + i, mark, f.hidden)
                    } else if a.answered(q, segment: s) > 0 {
                        let share = line.option.map { a.proportion(q, option: $0, segment: s).share } ?? a.topShare(q, segment: s)?.share ?? 0
                        try sheet.number(2 + i, share, f.percent)
                    }
                }
                sheet.advance()
            }
            sheet.advance()
        }
    }
}
