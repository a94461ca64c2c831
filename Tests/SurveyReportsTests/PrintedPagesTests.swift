import Foundation
import SurveyCore
import SurveyStore
import Testing
@testable import SurveyReports

/// Letters and coded paper forms printed to PDF by Chromium: every parent starts on an odd page, so printed
/// double-sided nobody's pages land on the back of another parent's sheet.
@Suite("Printed letters and paper forms", .enabled(if: PrintedPDF.canPrint, "chromium, poppler-utils or zbar-tools is not installed"))
struct PrintedPagesTests {
    static let settings = PeilingSettings(
        school: "Basisschool De Regenboog", groups: "groep 5A en 5B", contact: "juf Anna de Vries",
        contactInfo: "anna@deregenboog.nl", deadline: try! Deadline(parsing: "2026-12-18"),
        why: "Wij willen de ouderavonden beter laten aansluiten bij wat u nodig heeft.")

    @Test("Letters: two sides per parent, Dutch on the odd page, the settings and deadline on it, every QR code scans")
    func letters() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let link = try PersonalLink(base: "http://192.168.1.20:8080")
        let letters = ["L01", "L02", "L03", "L04"].map(fixture.invitation)
        let html = try InvitationLetters(survey: fixture.survey, link: link, settings: Self.settings).html(letters)
        let pdf = try PrintedPDF(html: html, name: "uitnodigingen", in: fixture.folder)
        #expect(try pdf.pageCount() == 2 * letters.count)
        for (index, invitation) in letters.enumerated() {
            let front = 2 * index + 1, back = front + 1
            let dutch = try pdf.text(ofPage: front)
            #expect(dutch.contains("Voor / For: \(invitation.respondent.id)"), "page \(front) is \(invitation.respondent.id)'s front")
            for text in ["Basisschool De Regenboog vraagt alle ouders van groep 5A en 5B", "juf Anna de Vries", "anna@deregenboog.nl",
                         "U kunt meedoen tot en met vrijdag 18 december 2026.", "geen namen", "Wij willen de ouderavonden",
                         "tolk"] {
                #expect(dutch.contains(text), "page \(front) says '\(text)'")
            }
            #expect(try pdf.scan(page: front) == [link.url(for: invitation.code)])
            let reverse = try pdf.text(ofPage: back)
            #expect(reverse.contains(invitation.respondent.id), "page \(back) is still \(invitation.respondent.id)'s")
            if invitation.respondent.language == "nl" {
                #expect(reverse.contains("Deze kant is met opzet leeg."))
                #expect(try pdf.scan(page: back).isEmpty)
            } else {
                #expect(reverse.contains("anna@deregenboog.nl"), "the back names the contact too")
                #expect(try pdf.scan(page: back) == [link.url(for: invitation.code)])
            }
        }
        let turkish = try pdf.text(ofPage: 6)
        #expect(turkish.contains("18 Aralık 2026 Cuma tarihine kadar katılabilirsiniz."), "the Turkish parent's back is in Turkish")
    }

    @Test("Coded paper forms: each starts on an odd page with its code at the foot of every page, blank pages where needed")
    func paperForms() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let codes = Dictionary(uniqueKeysWithValues: fixture.invitations.map { ($0.respondent.id, $0.code) })
        let copies = [("L01", "nl"), ("L02", "ar"), ("L04", "en"), ("L03", "nl")].map { id, language in
            PaperForm.Copy(language: language, code: codes[id], respondent: fixture.invitation(id).respondent)
        }
        let pdf = try PrintedPDF(html: PaperForm(survey: fixture.survey, settings: Self.settings).html(copies), name: "papier", in: fixture.folder)
        let count = try pdf.pageCount()
        var owners: [String] = []
        for page in 1...count {
            let text = try pdf.text(ofPage: page)
            let owner = copies.compactMap(\.code).first { text.contains($0.description) }
            #expect(owner != nil, "page \(page) carries a code at its foot")
            owners.append(owner?.description ?? "?")
        }
        var start = 1
        for copy in copies {
            let code = try #require(copy.code).description
            let length = owners.dropFirst(start - 1).prefix { $0 == code }.count
            #expect(start % 2 == 1, "\(copy.respondent!.id)'s form starts on page \(start), an odd page")
            #expect(length >= 8 && length % 2 == 0, "\(copy.respondent!.id)'s form has \(length) pages")
            start += length
        }
        #expect(start == count + 1, "every page belongs to one parent's form, in order")
        let blanks = try (1...count).filter { try pdf.text(ofPage: $0).contains("Deze kant is met opzet leeg") }
        #expect(!blanks.isEmpty, "a form with an odd number of pages gets a blank one")
        #expect(try pdf.text(ofPage: 1).contains("Invullen kan tot en met vrijdag 18 december 2026."))
        #expect(try pdf.text(ofPage: 1).contains("Laat die vraag dan open."))
    }
}
