import SurveyCore

/// The printed invitations: one A4 page per respondent with a short letter in Dutch and, beside it, in the
/// parent's language; the personal link; the code in large characters; and a QR code of the link.
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
    public let correction: QRCode.ErrorCorrection

    /// Letters for `survey` whose links start at `link`; medium error correction keeps the QR code small.
    public init(survey: Survey, link: PersonalLink, correction: QRCode.ErrorCorrection = .medium) {
        self.survey = survey
        self.link = link
        self.correction = correction
    }

    /// The HTML document with every letter, in the given order.
    public func html(_ invitations: [Invitation]) throws(QRCode.Failure) -> String {
        var pages: [String] = []
        pages.reserveCapacity(invitations.count)
        for invitation in invitations { pages.append(try letter(invitation)) }
        let title = "Uitnodigingen: \(survey.title.dutch)"
        return PrintHTML.document(title: title, style: LetterStyle.css, body: pages.joined(separator: "\n"))
    }

    /// One letter as a `<section>`.
    public func letter(_ invitation: Invitation) throws(QRCode.Failure) -> String {
        let url = link.url(for: invitation.code)
        let qr = try QRCode(encoding: url, correction: correction)
        let second = LetterLanguage.second(for: invitation.respondent, in: survey)
        let languages = ["nl"] + (second.map { [$0] } ?? [])
        let respondent = invitation.respondent
        let columns = languages.map { text(in: $0, url: url, code: invitation.code) }.joined(separator: "\n")
        let labels = languages.map { "<span\(PrintHTML.languageAttributes($0, in: survey))>\(e(survey.interfaceText(.codeLabel, $0)))</span>" }
        return """
            <section class="letter">
            <div class="for"><span>\(e(survey.title.dutch))</span><span>Voor / For: \(e(respondent.id)) · \(e(respondent.group))</span></div>
            <div class="texts\(languages.count > 1 ? " two" : "")">
            \(columns)
            </div>
            \(MissingTranslationNotice.html(for: respondent, in: survey))
            <div class="card">
            \(qr.svg(size: "46mm", title: url))
            <div class="code-side">
            <p class="label">\(labels.joined(separator: "<span class=\"sep\"> · </span>"))</p>
            <p class="code" dir="ltr" lang="zxx">\(codeMarkup(invitation.code))</p>
            <p class="link" dir="ltr">\(e(url))</p>
            </div>
            </div>
            </section>
            """
    }

    /// The letter's text in one language.
    func text(in language: String, url: String, code: InvitationCode) -> String {
        let fill = { (key: InterfaceKey) -> String in
            e(survey.interfaceText(key, language))
                .replacingOccurrences(of: "{link}", with: linkMarkup(url))
                .replacingOccurrences(of: "{code}", with: "<span class=\"link\" dir=\"ltr\">\(e(code.description))</span>")
                .replacingOccurrences(of: "{survey}", with: e(survey.title.text(language)))
        }
        return """
            <div class="text"\(PrintHTML.languageAttributes(language, in: survey))>
            <h1>\(e(survey.title.text(language)))</h1>
            <p class="greeting">\(fill(.invitationGreeting))</p>
            <p>\(fill(.invitationText))</p>
            <p>\(fill(.invitationHow))</p>
            <p>\(fill(.invitationThanks))</p>
            </div>
            """
    }

    /// The link inside a sentence: it may wrap only before `/s/`, never inside the code.
    func linkMarkup(_ url: String) -> String {
        let parts = url.components(separatedBy: "/s/")
        let pieces = parts.count == 2 ? [parts[0], "/s/" + parts[1]] : [url]
        return "<span class=\"link\" dir=\"ltr\">" + pieces.map { "<span class=\"nowrap\">\(e($0))</span>" }.joined(separator: "<wbr>") + "</span>"
    }

    /// The grouped code with the dashes drawn lighter, so the eye finds the characters to type.
    func codeMarkup(_ code: InvitationCode) -> String {
        code.description.split(separator: "-").map { e(String($0)) }.joined(separator: "<span class=\"dash\">-</span>")
    }

    private func e(_ text: String) -> String { PrintHTML.escape(text) }
}
