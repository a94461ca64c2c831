import SurveyCore
import Testing

/// Class rosters as teachers export them from the school administration or Excel.
@Suite("Roster CSV")
struct RosterCSVTests {
    let tags = Tag.standard + [Tag(id: "grootouders", label: ["nl": "Grootouders halen en brengen", "en": "Grandparents drop off and pick up"])]

    func error(_ csv: String) -> RosterError? {
        do {
            _ = try RosterCSV.parse(csv, knownTags: tags)
            return nil
        } catch {
            return error
        }
    }

    @Test func commaSeparatedWithEnglishHeaders() throws {
        let csv = "id,group,child,parents,language,contact,tags\n101,5B,Sara,Ahmed en Noor,ar,noor@example.nl,\"nt2,alleenstaand\"\n102,5A,Tim,,,,\n"
        let roster = try RosterCSV.parse(csv, knownTags: tags)
        #expect(roster == [
            Respondent(id: "101", group: "5B", childName: "Sara", parentNames: "Ahmed en Noor", language: "ar",
                       contact: "noor@example.nl", tags: ["alleenstaand", "nt2"]),
            Respondent(id: "102", group: "5A", childName: "Tim", language: "nl"),
        ])
    }

    @Test func semicolonsDutchHeadersAndLanguageNames() throws {
        let csv = "kind;groep;ouders;taal;kenmerken\r\nSara El Amrani;5B;Ahmed;Arabisch;nt2, gescheiden\r\nTim de Vries;5B;Anna;Nederlands;Tweeverdieners\r\nOla;Dreumes;Jan;Pools;grootouders|Alleenstaande ouder\r\n"
        let roster = try RosterCSV.parse(csv, knownTags: tags)
        #expect(roster.map(\.id) == ["Sara El Amrani", "Tim de Vries", "Ola"])
        #expect(roster.map(\.childName) == ["Sara El Amrani", "Tim de Vries", "Ola"])
        #expect(roster.map(\.group) == ["5B", "5B", "Dreumes"])
        #expect(roster.map(\.language) == ["ar", "nl", "pl"])
        // Tags by id or by their Dutch name, in any case.
        #expect(roster.map(\.tags) == [["gescheiden", "nt2"], ["tweeverdieners"], ["alleenstaand", "grootouders"]])
        #expect(roster.map(\.parentNames) == ["Ahmed", "Anna", "Jan"])
    }

    @Test func byteOrderMarkAndQuotedCellsWithSeparatorsAndLineBreaks() throws {
        let csv = "\u{FEFF}kind;groep;ouders;taal\n\"Jansen; Piet\";5A;\"Mohamed \"\"Mo\"\" El Amrani\nen Fatima\";tr\nLisa;5A;Eva;en\n"
        let roster = try RosterCSV.parse(csv, knownTags: tags)
        #expect(roster.count == 2)
        #expect(roster.first?.id == "Jansen; Piet")
        #expect(roster.first?.parentNames == "Mohamed \"Mo\" El Amrani\nen Fatima")
        #expect(roster.first?.language == "tr")
        #expect(roster.last?.id == "Lisa")
        #expect(roster.last?.language == "en")
    }

    @Test func emptyLinesAreSkipped() throws {
        let roster = try RosterCSV.parse("id;groep\n1;5A\n\n;\n2;5B", knownTags: tags)
        #expect(roster.map(\.id) == ["1", "2"])
    }

    @Test func badLanguageNamesItsRow() throws {
        let problem = try #require(error("kind;groep;taal\nSara;5B;ar\nTim;5B;Klingon\n"))
        #expect(problem.row == 3)
        #expect(problem.description.hasPrefix("Row 3: 'Klingon' is not a language"))
        #expect(problem.message.contains("Arabisch"))
    }

    @Test func rowsAreCountedAsASpreadsheetShowsThem() throws {
        // The address over two lines is one row in Excel; the bad language is in row 3 there.
        let problem = try #require(error("kind;groep;ouders;taal\nSara;5B;\"Fatima\nen Ahmed\";ar\nTim;5B;Anna;Klingon\n"))
        #expect(problem.row == 3)
    }

    @Test func unknownTagSuggestsAKnownOne() throws {
        let problem = try #require(error("kind;groep;kenmerken\nSara;5B;nt2\nTim;5B;alleenstand\n"))
        #expect(problem.row == 3)
        #expect(problem.message.contains("unknown tag 'alleenstand'"))
        #expect(problem.message.contains("Did you mean 'alleenstaand'?"))
        #expect(problem.message.contains("declare others under `tags:`"))
    }

    @Test func duplicateIdNamesBothRows() throws {
        let problem = try #require(error("id,groep\n7,5A\n8,5A\n7,5B\n"))
        #expect(problem.row == 4)
        #expect(problem.message.contains("'7' is already used in row 2"))
    }

    @Test func missingGroupNamesTheRow() throws {
        let problem = try #require(error("kind;groep\nSara;5B\nTim;\n"))
        #expect(problem.row == 3)
        #expect(problem.message.contains("no group or class for 'Tim'"))
        let header = try #require(error("kind;klas-nummer\nSara;5B\n"))
        #expect(header.row == 1)
        #expect(header.message.contains("no column 'groep'"))
        let noID = try #require(error("groep;taal\n5B;nl\n"))
        #expect(noID.row == 1)
    }

    @Test func emptyFileSaysSo() throws {
        let problem = try #require(error(""))
        #expect(problem.message.contains("empty"))
    }
}
