import Foundation
import SurveyCore
import SurveyStore
import Testing
@testable import SurveyReports

@Suite("Invitation letters")
struct PrintablesLettersTests {
    static let link = try! PersonalLink(base: "https://ouders.example.nl/")

    @Test("One sheet per parent (two A4 sides), each side with the parent's own code, link and QR code")
    func onePagePerParent() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let html = try InvitationLetters(survey: fixture.survey, link: Self.link).html(fixture.invitations)
        #expect(html.contains("size: A4"))
        #expect(html.contains("break-after: page"))
        let letters = PrintablesHTML.sections(html, class: "letter")
        #expect(letters.count == fixture.invitations.count)
        for (letter, invitation) in zip(letters, fixture.invitations) {
            let url = "https://ouders.example.nl/s/\(invitation.code.value)"
            #expect(letter.contains(invitation.code.description.split(separator: "-").joined(separator: "<span class=\"dash\">-</span>")))
            #expect(letter.contains(url))
            // Dutch on the front; on the back the parent's language, or a blank side that says so.
            #expect(PrintablesHTML.count("<div class=\"side", in: letter) == 2)
            let sides = PrintablesHTML.count("<div class=\"side\"", in: letter)
            #expect(PrintablesHTML.count("<svg", in: letter) == sides)
            #expect(sides == (invitation.respondent.language == "nl" ? 1 : 2))
            // The drawn modules are those of this parent's link (the printed size is the stylesheet's business).
            let path = try QRCode(encoding: url).svg().components(separatedBy: " d=\"")[1]
            #expect(letter.contains(path))
            #expect(letter.contains(invitation.respondent.id) && letter.contains(invitation.respondent.group))
            // The code on paper is the code the form accepts.
            #expect(try InvitationCode(parsing: invitation.code.description) == invitation.code)
        }
    }

    @Test("An Arabic-speaking parent gets the Dutch letter with the Arabic text beside it, right to left")
    func arabic() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link).letter(fixture.invitation("L02"))
        #expect(letter.contains("<div class=\"side\" lang=\"nl\" dir=\"ltr\">"))
        #expect(letter.contains("<div class=\"side\" lang=\"ar\" dir=\"rtl\">"))
        for key in [InterfaceKey.invitationGreeting, .invitationText, .invitationThanks] {
            let arabic = fixture.survey.interfaceText(key, "ar")
            #expect(arabic != fixture.survey.interfaceText(key, "en"))
            #expect(letter.contains(PrintHTML.escape(arabic)))
            #expect(letter.contains(PrintHTML.escape(fixture.survey.interfaceText(key, "nl"))))
        }
        #expect(letter.contains(PrintHTML.escape(fixture.survey.title.text("ar"))))
        // The Arabic {link} sentence carries the link, kept left to right inside the Arabic text.
        let url = "https://ouders.example.nl/s/\(fixture.invitation("L02").code.value)"
        let arabicColumn = letter.components(separatedBy: "lang=\"ar\" dir=\"rtl\">")[1]
        #expect(arabicColumn.contains(InvitationLetters(survey: fixture.survey, link: Self.link).linkMarkup(url)))
        #expect(arabicColumn.contains(">/s/\(fixture.invitation("L02").code.value)<"))
        #expect(!letter.contains("{link}"))
    }

    @Test("A phone number in the contact line stays whole, also inside an Arabic sentence")
    func phoneNumberStaysWhole() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let settings = PeilingSettings(contact: "juf Anna de Vries", contactInfo: "anna@de-regenboog.nl of 010-1234567")
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link, settings: settings).letter(fixture.invitation("L02"))
        let arabic = letter.components(separatedBy: "lang=\"ar\" dir=\"rtl\">")[1]
        #expect(arabic.contains("<bdi>anna@de-regenboog.nl of 010\u{2011}1234567</bdi>"))
        #expect(!letter.contains("010-1234567"), "a breakable hyphen in the number")
    }

    @Test("A language the survey lacks gets English beside Dutch, marked as English, and says so with the interpreter offer")
    func fallbackToEnglish() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let tigrinya = InvitationLetters.Invitation(respondent: Respondent(id: "L09", group: "5B", language: "ti", tags: ["nt2"]),
                                                    code: fixture.invitation("L03").code)
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link).letter(tigrinya)
        #expect(fixture.survey.language("ti") == nil)
        #expect(LetterLanguage.second(for: tigrinya.respondent, in: fixture.survey) == "en")
        #expect(letter.contains("<div class=\"side\" lang=\"en\" dir=\"ltr\">"))
        #expect(letter.contains(PrintHTML.escape(fixture.survey.interfaceText(.invitationText, "en"))))
        #expect(!letter.contains("lang=\"ti\""))
        // Not silently: the letter says the survey is not in Tigrinya yet and offers an interpreter.
        #expect(letter.contains("Deze vragenlijst is er nog niet in het Tigrinya (ትግርኛ). Wilt u de vragen samen met ons doornemen, met een tolk?"))
        #expect(letter.contains("This questionnaire is not available in ትግርኛ (ti) yet."))
    }

    @Test("A Turkish, Polish or Ukrainian parent gets the letter in their own language beside Dutch", arguments: ["tr", "pl", "uk"])
    func ownLanguage(language: String) throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let invitation = InvitationLetters.Invitation(respondent: Respondent(id: "L08", group: "5A", language: language),
                                                      code: fixture.invitation("L03").code)
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link).letter(invitation)
        #expect(fixture.survey.language(language)?.draft == true)
        #expect(letter.contains("<div class=\"side\" lang=\"\(language)\" dir=\"ltr\">"))
        for key in [InterfaceKey.invitationGreeting, .invitationText, .invitationHow, .invitationThanks] {
            let own = fixture.survey.interfaceText(key, language)
            #expect(own != fixture.survey.interfaceText(key, "en"))
            if !own.contains("{link}") { #expect(letter.contains(PrintHTML.escape(own))) }
        }
        #expect(letter.contains(PrintHTML.escape(fixture.survey.title.text(language))))
        #expect(!letter.contains("{link}"))
        #expect(!letter.contains("translation-notice"))
        #expect(!letter.contains("lang=\"en\""))
    }

    @Test("A Dutch-speaking parent gets a Dutch letter only")
    func dutchOnly() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link).letter(fixture.invitation("L01"))
        #expect(letter.contains(PrintHTML.escape(fixture.survey.interfaceText(.invitationText, "nl"))))
        #expect(!letter.contains(PrintHTML.escape(fixture.survey.interfaceText(.invitationText, "en"))))
        #expect(PrintablesHTML.count("<div class=\"side\"", in: letter) == 1)
        #expect(letter.contains("<div class=\"side blank\""), "the back is blank, and says so")
    }

    @Test("Survey texts and roster values are escaped, never run as HTML")
    func escaping() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        var survey = fixture.survey
        survey.title["nl"] = "Ouders <script>alert('x')</script> & school"
        survey.interface[InterfaceKey.invitationText.rawValue] = ["nl": "<img src=x onerror=alert(1)>"]
        var invitation = fixture.invitation("L01")
        invitation.respondent.id = "<b>L01</b>"
        let html = try InvitationLetters(survey: survey, link: Self.link).html([invitation])
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("Ouders &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; school"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("The letter's QR code scans to the parent's personal link",
          .enabled(if: PrintablesHTML.canDecodeQR, "zbarimg (zbar-tools) or rsvg-convert (librsvg2-bin) is not installed"))
    func qrScansToLink() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let invitation = fixture.invitation("L02")
        let letter = try InvitationLetters(survey: fixture.survey, link: Self.link).letter(invitation)
        let svg = "<svg" + letter.components(separatedBy: "<svg")[1].components(separatedBy: "</svg>")[0] + "</svg>"
        #expect(try PrintablesHTML.decodeQR(svg: svg, in: fixture.folder) == "https://ouders.example.nl/s/\(invitation.code.value)")
    }

    @Test("Base URLs: a trailing slash is dropped, a non-web address is refused, localhost is recognised")
    func baseURL() throws {
        #expect(try PersonalLink(base: "https://ouders.example.nl/").base == "https://ouders.example.nl")
        #expect(try PersonalLink(base: "http://school.local:8080/ouders").base == "http://school.local:8080/ouders")
        #expect(throws: PersonalLink.Problem.self) { try PersonalLink(base: "ouders.example.nl") }
        #expect(throws: PersonalLink.Problem.self) { try PersonalLink(base: "ftp://ouders.example.nl") }
        #expect(try PersonalLink(base: "http://localhost:8080").isLocalOnly)
        #expect(try PersonalLink(base: "http://127.0.0.1:8080").isLocalOnly)
        #expect(try !PersonalLink(base: "http://192.168.1.20:8080").isLocalOnly)
        let code = InvitationCode.generate()
        let url = try PersonalLink(base: "https://ouders.example.nl/").url(for: code)
        #expect(url == "https://ouders.example.nl/s/" + code.description.replacingOccurrences(of: "-", with: ""))
        #expect(try InvitationCode(parsing: String(url.split(separator: "/").last!)) == code)
    }
}
