import SurveyCore
import SurveyStore

/// The printed invitations: per parent one A4 side in Dutch and, on the back, one in the parent's language
/// (a Dutch-only letter gets a blank back), so printed double-sided every parent gets a sheet of their own.
/// Each side says who asks and why, until when, how to take part (link, QR code, code, paper form or a
/// conversation with an interpreter), what happens with the answers and whom to ask.
public struct InvitationLetters: Sendable {
    /// One letter to print.
    public struct Invitation: Sendable {
        public var respondent: Respondent
        public var code: InvitationCode

        /// A letter for `respondent` with their `code`.
        public init(respondent: Respondent, code: InvitationCode) {
            self.respondent = respondent
            self.code = code
        }
    }

    public let survey: Survey
    public let link: PersonalLink
    public let settings: PeilingSettings
    public let correction: QRCode.ErrorCorrection

    /// Letters for `survey` whose links start at `link`, signed with `settings`; medium error correction
    /// keeps the QR code small.
    public init(survey: Survey, link: PersonalLink, settings: PeilingSettings = PeilingSettings(),
                correction: QRCode.ErrorCorrection = .medium) {
        self.survey = survey
        self.link = link
        self.settings = settings
        self.correction = correction
    }

    /// The HTML document with every letter, in the given order, and a note on screen on how to print it.
    public func html(_ invitations: [Invitation]) throws(QRCode.Failure) -> String {
        var pages: [String] = [PrintNote.html(PrintNote.letters)]
        pages.reserveCapacity(invitations.count + 1)
        for invitation in invitations { pages.append(try letter(invitation)) }
        let title = "Uitnodigingen: \(survey.title.dutch)"
        return PrintHTML.document(title: title, style: LetterStyle.css + PrintNote.css, body: pages.joined(separator: "\n"))
    }

    /// One letter as a `<section>` of two A4 sides.
    public func letter(_ invitation: Invitation) throws(QRCode.Failure) -> String {
        let url = link.url(for: invitation.code)
        let qr = try QRCode(encoding: url, correction: correction)
        let second = LetterLanguage.second(for: invitation.respondent, in: survey)
        let languages = ["nl"] + (second.map { [$0] } ?? [])
        var sides = languages.map { side(in: $0, invitation: invitation, url: url, qr: qr) }
        if sides.count.isMultiple(of: 2) == false { sides.append(blankSide(invitation.respondent)) }
        return "<section class=\"letter\">\n\(sides.joined(separator: "\n"))\n</section>"
    }

    /// One side of the letter, all in `language`.
    func side(in language: String, invitation: Invitation, url: String, qr: QRCode) -> String {
        let texts = LetterTexts(survey: survey, settings: settings, language: language, group: invitation.respondent.group)
        let attributes = PrintHTML.languageAttributes(language, in: survey)
        var out = "<div class=\"side\"\(attributes)>\n"
        out += "<div class=\"for\" lang=\"nl\" dir=\"ltr\"><span>\(e(settings.school ?? ""))</span>"
        out += "<span>Voor / For: \(e(invitation.respondent.id)) · \(e(invitation.respondent.group))</span></div>\n"
        out += "<header class=\"head\">"
        if let logo = settings.logo { out += "<img class=\"logo\" src=\"\(e(logo))\" alt=\"\">" }
        out += "<h1>\(e(survey.title.text(language)))</h1></header>\n"
        out += "<div class=\"text\">\n"
        out += "<p class=\"greeting\">\(texts.fill(.invitationGreeting))</p>\n"
        if settings.school != nil { out += "<p>\(texts.fill(.letterWho))</p>\n" }
        out += "<p>\(texts.fill(.invitationText))</p>\n"
        if language == "nl", let why = settings.why { out += "<p class=\"why\">\(e(why))</p>\n" }
        if settings.deadline != nil { out += "<p class=\"deadline\">\(texts.fill(.letterDeadline))</p>\n" }
        out += "<p>\(texts.fill(.invitationHow, link: linkMarkup(url)))</p>\n"
        out += "<p>\(texts.fill(.letterPrivacy))</p>\n"
        if settings.contact != nil, settings.contactInfo != nil { out += "<p>\(texts.fill(.letterContact))</p>\n" }
        out += "<p class=\"thanks\">\(texts.fill(.invitationThanks))</p>\n"
        let signature = [settings.contact, settings.school].compactMap { $0 }
        if !signature.isEmpty {
            out += "<p class=\"signature\">\(signature.map { "<bdi>\(e($0))</bdi>" }.joined(separator: "<br>"))</p>\n"
        }
        out += "</div>\n"
        // A family whose language the survey lacks reads, on the Dutch side, that an interpreter is offered.
        if language == "nl" { out += MissingTranslationNotice.html(for: invitation.respondent, in: survey) }
        out += """
            <div class="card">
            \(qr.svg(size: "42mm", title: url))
            <div class="code-side">
            <p class="label">\(e(survey.interfaceText(.codeLabel, language)))</p>
            <p class="code" dir="ltr" lang="zxx">\(codeMarkup(invitation.code))</p>
            <p class="link" dir="ltr">\(e(url))</p>
            </div>
            </div>
            </div>
            """
        return out
    }

    /// The back of a letter that has only a Dutch side: blank, saying so, so nobody thinks a page is missing.
    func blankSide(_ respondent: Respondent) -> String {
        let note = "\(e(survey.interfaceText(.blankSide, "nl"))) / \(e(survey.interfaceText(.blankSide, "en")))"
        return "<div class=\"side blank\" lang=\"nl\" dir=\"ltr\"><p class=\"blank-note\">\(note) (\(e(respondent.id)))</p></div>"
    }

    /// The link inside a sentence: it may wrap only before `/s/`, never inside the code; isolated, so the
    /// punctuation after it stays after it in a right-to-left sentence.
    func linkMarkup(_ url: String) -> String {
        let parts = url.components(separatedBy: "/s/")
        let pieces = parts.count == 2 ? [parts[0], "/s/" + parts[1]] : [url]
        return "<bdi class=\"link\" dir=\"ltr\">" + pieces.map { "<span class=\"nowrap\">\(e($0))</span>" }.joined(separator: "<wbr>") + "</bdi>"
    }

    /// The grouped code with the dashes drawn lighter, so the eye finds the characters to type.
    func codeMarkup(_ code: InvitationCode) -> String {
        code.description.split(separator: "-").map { e(String($0)) }.joined(separator: "<span class=\"dash\">-</span>")
    }

    private func e(_ text: String) -> String { PrintHTML.escape(text) }
}
