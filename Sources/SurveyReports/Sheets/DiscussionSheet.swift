import SurveyCore

/// `Gespreksvragen`: three to five questions for the team meeting for each theme where parents' needs are largest,
/// taken from the survey definition (so a school can write its own), with the card they come from.
struct DiscussionSheet {
    let context: ReportContext
    let sheet: Sheet

    func write() throws {
        let c = context, w = c.words, f = sheet.formats
        try sheet.width(0, 0, 6)
        try sheet.width(1, 1, 100, f.wrap)
        try sheet.width(2, 2, 30, f.wrap)
        try sheet.printSetup()
        try sheet.title(w("Gespreksvragen voor het teamoverleg", "Questions for the team meeting"))
        try sheet.rowHeight(30)
        try sheet.text(1, w("Voor de thema's waar de behoefte van ouders het grootst is. De vragen komen uit de vragenlijst (uit de kaartenset Ouderbetrokkenheid en de Kletspot); een school kan er eigen vragen bij zetten.",
                            "For the themes where parents' needs are largest. The questions come from the questionnaire (from the parent-involvement card set and the Kletspot cards); a school can add its own."), f.note)
        sheet.advance(2)
        guard !c.findings.discussionThemes.isEmpty else {
            try sheet.text(1, w("Er zijn nog te weinig antwoorden op stellingen en behoeftevragen om thema's te kiezen.",
                                "There are too few answers to statements and need questions yet to choose themes."), f.note)
            return
        }
        for need in c.findings.discussionThemes {
            try sheet.heading(w(need.theme.title))
            if let item = need.strongest {
                try sheet.rowHeight(30)
                try sheet.text(1, w("Waarom dit thema: ", "Why this theme: ") + c.sentence(item), f.note)
                sheet.advance()
            }
            try sheet.headerRow(["", w("Gespreksvraag", "Question"), w("Bron", "Source")])
            sheet.advance()
            for (i, question) in need.theme.discussion.prefix(5).enumerated() {
                try sheet.rowHeight(30)
                try sheet.number(0, Double(i + 1), f.integer)
                try sheet.text(1, w(question.text), f.wrap)
                try sheet.text(2, question.source ?? "")
                sheet.advance()
            }
            sheet.advance()
        }
    }
}
