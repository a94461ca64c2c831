import SurveyCore
import SurveyStore

/// The paper form for `paper_home`: an A4 HTML document to print, one question per block with numbered
/// boxes to tick, and the code at the top so staff can match the typed-in answers to the parent.
public struct PaperForm: Sendable {
    /// One printed form: for an invited parent (code filled in) or blank (boxes to write the code).
    public struct Copy: Sendable {
        public var language: String
        public var code: InvitationCode?
        /// Shown small at the top (id and group, never the name) so staff hand the form to the right family.
        public var respondent: Respondent?

        /// A form in `language`, for one parent when `code` is given, else blank.
        public init(language: String, code: InvitationCode? = nil, respondent: Respondent? = nil) {
            self.language = language
            self.code = code
            self.respondent = respondent
        }
    }

    public let survey: Survey
    public let settings: PeilingSettings

    /// Forms of `survey`, with the school and deadline of `settings`.
    public init(survey: Survey, settings: PeilingSettings = PeilingSettings()) {
        self.survey = survey
        self.settings = settings
    }

    /// The document with every copy, each starting on an odd page: a small script adds a blank page after
    /// a copy with an odd number of pages, so printed double-sided every parent gets sheets of their own.
    public func html(_ copies: [Copy]) -> String {
        let notes = PrintNote.html(PrintNote.formsWithScript, variant: "with-script")
            + PrintNote.html(PrintNote.formsWithoutScript, variant: "without-script")
        let body = notes + "\n" + copies.enumerated().map { form($1, index: $0) }.joined(separator: "\n")
            + "\n<script>\(PaperPagination.script)</script>"
        let style = PaperStyle.css + PrintNote.css + PaperPagination.css + "\n" + PaperStyle.pageMargins(codes: copies.map(\.code))
        return PrintHTML.document(title: "Vragenlijst op papier: \(survey.title.dutch)", style: style, body: body)
    }

    /// One blank form in `language`.
    public func blank(language: String = "nl") -> String {
        html([Copy(language: language)])
    }

    /// One copy as a `<section>`.
    func form(_ copy: Copy, index: Int) -> String {
        let language = copy.language
        let numbering = PaperNumbering(survey)
        let questions = PaperQuestion(survey: survey, language: language, numbering: numbering)
        let other = language != "nl"
        let direction = (survey.language(language)?.rightToLeft ?? false) ? "rtl" : "ltr"
        var label = e(survey.interfaceText(.codeLabel, language))
        if other { label += " <span class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(survey.interfaceText(.codeLabel, "nl")))</span>" }
        let page = copy.code == nil ? "" : " style=\"page: copy\(index)\""
        var out = "<section class=\"form\"\(PrintHTML.languageAttributes(language, in: survey))\(page)>\n<header>\n"
        out += "<div class=\"top\">\(PaperCodeField.html(code: copy.code, label: label))"
        if let respondent = copy.respondent {
            out += "<span class=\"for\" lang=\"nl\" dir=\"ltr\">Voor / For: \(e(respondent.id)) · \(e(respondent.group))</span>"
        }
        out += "</div>\n"
        if let school = settings.school { out += "<p class=\"school\"><bdi>\(e(school))</bdi>\(settings.groups.map { " · <bdi>\(e($0))</bdi>" } ?? "")</p>\n" }
        out += "<h1>\(e(survey.title.text(language)))</h1>\n"
        if other { out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(survey.title.dutch))</p>\n" }
        if let intro = survey.intro { out += "<p class=\"intro\">\(e(intro.text(language)))</p>\n" }
        let instructions = survey.interfaceText(.paperInstructions, language) + " " + survey.interfaceText(.paperMaySkip, language)
        out += "<p class=\"instructions\">\(e(instructions))</p>\n"
        if other { out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(survey.interfaceText(.paperMaySkip, "nl")))</p>\n" }
        if let deadline = settings.deadline {
            let text = { (language: String) in
                PrintHTML.fill(e(survey.interfaceText(.formDeadline, language)), ["deadline": "<bdi>\(e(deadline.text(in: language)))</bdi>"])
            }
            out += "<p class=\"deadline\">\(text(language))</p>\n"
            if other { out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(text("nl"))</p>\n" }
        }
        out += "</header>\n"
        for (t, theme) in survey.themes.enumerated() {
            out += "<div class=\"theme\(theme.isBackground ? " background" : "")\">\n<div class=\"theme-head\">\n"
            let optional = theme.isBackground ? " <span class=\"opt\">\(e(survey.interfaceText(.optional, language)))</span>" : ""
            // "1." reads number-then-dot in the page's own direction: in Arabic the dot stands left of the 1.
            out += "<h2><span class=\"num\" dir=\"\(direction)\">\(t + 1).</span> \(e(theme.title.text(language)))\(optional)</h2>\n"
            if other { out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(t + 1). \(e(theme.title.dutch))</p>\n" }
            if let intro = theme.intro { out += "<p class=\"theme-intro\">\(e(intro.text(language)))</p>\n" }
            // The heading stays on the page of its first question.
            if let first = theme.questions.first { out += questions.html(first) }
            out += "</div>\n"
            for question in theme.questions.dropFirst() { out += questions.html(question) }
            out += "</div>\n"
        }
        out += "<p class=\"thanks\">\(e(survey.interfaceText(.invitationThanks, language)))</p>\n"
        var blank = e(survey.interfaceText(.blankSide, language))
        if other { blank += " <span class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(survey.interfaceText(.blankSide, "nl")))</span>" }
        out += "<template class=\"blank-side\"><div class=\"blank-page\"><p>\(blank)</p></div></template>\n"
        return out + "</section>"
    }

    private func e(_ text: String) -> String { PrintHTML.escape(text) }
}

extension PaperForm {
    /// One copy per invited family of `respondents` (those with a code), in their order: in `language`, or
    /// else the family's own language when the survey has it (Dutch otherwise).
    public static func copies(of respondents: [Respondent], codes: [String: InvitationCode], survey: Survey,
                              language: String?) -> [Copy] {
        respondents.filter { codes[$0.id] != nil }.map { respondent in
            let own = survey.language(respondent.language) != nil ? respondent.language : "nl"
            return Copy(language: language ?? own, code: codes[respondent.id], respondent: respondent)
        }
    }
}
