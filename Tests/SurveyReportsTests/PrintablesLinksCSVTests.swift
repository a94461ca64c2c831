import Foundation
import SurveyCore
import Testing
@testable import SurveyReports

@Suite("links.csv")
struct PrintablesLinksCSVTests {
    static let link = try! PersonalLink(base: "https://ouders.example.nl")

    /// A reader for what Dutch Excel reads: semicolons, double quotes, doubled quotes inside.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == ";" { row.append(field); field = ""
            } else if c == "\r" { continue
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test("Round trip: BOM, semicolons, one row per invitation with group, language, code and link")
    func roundTrip() throws {
        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let text = LinksCSV.render(fixture.invitations, link: Self.link)
        #expect(Array(Data(text.utf8).prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = Self.parse(String(text.dropFirst()))
        #expect(rows.first == ["respondent", "groep", "taal", "code", "link"])
        #expect(rows.count == fixture.invitations.count + 1)
        for (row, invitation) in zip(rows.dropFirst(), fixture.invitations) {
            #expect(row == [invitation.respondent.id, invitation.respondent.group, invitation.respondent.language,
                            invitation.code.description, "https://ouders.example.nl/s/\(invitation.code.value)"])
            #expect(try InvitationCode(parsing: row[3]) == invitation.code)
        }
    }

    @Test("Separators, quotes and line breaks are quoted; formula-like values get an apostrophe")
    func awkwardValues() throws {
        let code = InvitationCode.generate()
        let awkward = [
            Respondent(id: "=HYPERLINK(\"http://evil\";\"klik\")", group: "5;B"),
            Respondent(id: "+31 6 1234", group: "groep \"rood\""),
            Respondent(id: "-2", group: "@home"),
            Respondent(id: "Jan\r\nde Vries", group: "Dreumes, peuters"),
        ]
        let text = LinksCSV.render(awkward.map { InvitationLetters.Invitation(respondent: $0, code: code) }, link: Self.link)
        let rows = Self.parse(String(text.dropFirst()))
        #expect(rows.count == 5)
        #expect(rows.dropFirst().allSatisfy { $0.count == 5 })
        #expect(rows[1][0] == "'=HYPERLINK(\"http://evil\";\"klik\")")
        #expect(rows[1][1] == "5;B")
        #expect(rows[2][0] == "'+31 6 1234" && rows[2][1] == "groep \"rood\"")
        #expect(rows[3][0] == "'-2" && rows[3][1] == "'@home")
        #expect(rows[4][0] == "Jan\nde Vries" || rows[4][0] == "Jan\r\nde Vries")
        #expect(rows[4][1] == "Dreumes, peuters")
        #expect(LinksCSV.field("5B") == "5B")
    }
}
