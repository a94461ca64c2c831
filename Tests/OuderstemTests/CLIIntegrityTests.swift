import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Smaller ways the CLI lost or leaked data without a word (issue 9, points 4 and 7).
@Suite struct CLIIntegrityTests {
    static let fixtures = CLI.repository.appendingPathComponent("Tests/SurveyCoreTests/Fixtures/roster")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test func twoInitRunsAtOnceGiveOnePeilingAndAPlainMessage() throws {
        // Before: the second run printed a raw SQLite error. Several rounds, so the two really overlap.
        for round in 0..<4 {
            let cli = try CLI()
            let first = try cli.start(["init", "--survey", CLIFlowTests.surveyPath], input: "")
            let second = try cli.start(["init", "--survey", CLIFlowTests.surveyPath], input: "")
            let results = [cli.finish(first), cli.finish(second)]
            #expect(results.filter { $0.status == 0 }.count == 1, "round \(round): \(results.map(\.error))")
            let refused = try #require(results.first { $0.status != 0 })
            #expect(refused.error.contains("already uses this version of 'behoeften-ouders'"), "round \(round): \(refused.error)")
            #expect(!refused.error.lowercased().contains("sqlite"))
        }
    }

    @Test func enterRefusesControlCharactersAndAsksAgain() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        var plan = EntryScript.minimal(survey)
        plan["school-doen"] = "TEXT"
        // An arrow key (ESC [ A) typed into the answer, then a NUL: both refused, then the clean line.
        let script = EntryScript.lines(for: survey, plan: plan)
            .replacingOccurrences(of: "TEXT", with: "Meer\u{1B}[A contact\nMeer\u{0}contact\nMeer contact")
        let result = try cli.run(["enter", "--respondent", "L02", "--method", "paper_home"], input: script)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.components(separatedBy: "holds a control character").count == 3)
        let stored = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L02")
        #expect(stored?.answers["school-doen"]?.value == .text("Meer contact"))
    }

    @Test func reportRemovesTheHiddenWorkbookOfAKilledRunAndSaysSo() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let out = URL(fileURLWithPath: cli.path("Reports"))
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // What a killed `report` leaves: the workbook under its temporary name, with every answer in it.
        let killed = ".peiling.\(UUID().uuidString).xlsx.tmp"
        let writing = ".peiling.\(UUID().uuidString).xlsx.tmp"
        try Data("PK answers".utf8).write(to: out.appendingPathComponent(killed))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: out.appendingPathComponent(killed).path)
        // A file another report is writing right now, and a file of someone else's: both stay.
        try Data("PK".utf8).write(to: out.appendingPathComponent(writing))
        try Data("notes".utf8).write(to: out.appendingPathComponent(".notities.tmp"))
        let result = try cli.run(["report", "--out", out.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Removed \(killed): an unfinished workbook left by an interrupted report"))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!left.contains(killed))
        #expect(left.contains(writing) && left.contains(".notities.tmp"))
    }

    @Test func forgettingTheRosterNamesTheReportsThatStillHoldNames() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let named = try cli.run(["report", "--with-names", "--out", cli.path("teamoverleg")])
        #expect(named.status == 0, "\(named.error)")
        try cli.run(["report", "--out", cli.path("zonder-namen")])
        try cli.run(["close"])
        let forgot = try cli.run(["roster", "forget", "--yes"])
        #expect(forgot.status == 0, "\(forgot.error)")
        #expect(forgot.output.contains("written with --with-names and still hold parents' names; delete them yourself"))
        let workbook = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.path("teamoverleg")).first { $0.hasSuffix(".xlsx") })
        #expect(forgot.output.contains(URL(fileURLWithPath: cli.path("teamoverleg/\(workbook)")).standardizedFileURL.path))
        #expect(!forgot.output.contains("zonder-namen"))
        #expect(forgot.output.contains("Still to delete: 2 report file(s) with names"))
    }

    // MARK: roster import (point 4), with the fixture files

    func rosterCount(_ cli: CLI) throws -> Int { try SurveyDatabase(path: cli.path("ouderstem.sqlite")).respondents().count }

    @Test func aDamagedRosterFileIsRefusedByRowAndImportsNothing() throws {
        let cli = try CLI()
        try cli.run(["init", "--survey", CLIFlowTests.surveyPath])
        let cases = [
            ("bom-and-one-windows-1252-byte.csv", "Row 10: byte"),
            ("bom-in-the-middle.csv", "Row 5: holds an invisible byte-order mark"),
            ("empty-id.csv", "Row 3: the id is empty"),
            ("unquoted-tags.csv", "Row 4: has 6 cells but the header has 5"),
            ("ids-differ-in-case.csv", "Row 4: the id 'l01' is already used in row 2"),
        ]
        for (file, phrase) in cases {
            let result = try cli.run(["roster", "import", Self.fixture(file)])
            #expect(result.status != 0, "\(file)")
            #expect(result.error.contains(phrase), "\(file): \(result.error)")
            #expect(result.error.contains("Nothing was imported"))
        }
        #expect(try rosterCount(cli) == 0)
        // Windows-1252 through and through: read, and said so.
        let legacy = try cli.run(["roster", "import", Self.fixture("windows-1252.csv")])
        #expect(legacy.status == 0, "\(legacy.error)")
        #expect(legacy.output.contains("read as Windows-1252"))
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).respondent("L01")?.childName == "Chloé")
    }

    @Test func aReimportWithShortRowsKeepsWhatIsStoredAndListsTheChanges() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let db = try SurveyDatabase(path: cli.path("ouderstem.sqlite"))
        let before = try db.respondents()

        let dry = try cli.run(["roster", "import", Self.fixture("reimport-short-rows.csv"), "--dry-run"])
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.contains("Dry run, nothing was written"))
        #expect(dry.output.contains("1 new, 1 updated, 29 unchanged"))
        #expect(dry.output.contains("L02  groep: 5A -> 5B"))
        #expect(try db.respondents() == before)

        let merged = try cli.run(["roster", "import", Self.fixture("reimport-short-rows.csv")])
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.output.contains("1 new, 1 updated, 29 unchanged"))
        #expect(merged.output.contains("add --replace-empty to clear those fields"))
        let after = try db.respondents()
        #expect(after.count == 31, "l01 is L01, not a new family")
        for family in before where family.id != "L02" {
            #expect(after.first { $0.id == family.id } == family, "\(family.id) keeps language, contact, tags and names")
        }
        #expect(try db.respondent("L02")?.group == "5B")
        #expect(try db.respondent("L02")?.tags == ["tweeverdieners"])

        let wiped = try cli.run(["roster", "import", Self.fixture("reimport-short-rows.csv"), "--replace-empty"])
        #expect(wiped.status == 0, "\(wiped.error)")
        #expect(wiped.output.contains("L01  taal: ar -> nl"))
        #expect(wiped.output.contains("L01  contact: cleared"))
        #expect(!wiped.output.contains("06-11111101"), "contacts are not printed")
        #expect(try db.respondent("L01")?.tags == [])
    }
}
