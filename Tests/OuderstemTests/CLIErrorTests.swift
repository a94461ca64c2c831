import Foundation
import GRDB
import SurveyCore
import SurveyStore
import Testing

/// Every mistake gets one plain sentence and a non-zero exit, and nothing is half-saved.
@Suite struct CLIErrorTests {
    static let surveyPath = CLIFlowTests.surveyPath

    func expectPlainError(_ result: CLI.Result, _ phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != 0, sourceLocation: sourceLocation)
        #expect(result.error.contains(phrase), "stderr was: \(result.error)", sourceLocation: sourceLocation)
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Stack dump"), sourceLocation: sourceLocation)
        #expect(result.error.split(separator: "\n").count <= 2, "one plain sentence: \(result.error)", sourceLocation: sourceLocation)
    }

    @Test func missingDatabase() throws {
        let cli = try CLI()
        expectPlainError(try cli.run(["status"]), "There is no database at ouderstem.sqlite")
        #expect(!FileManager.default.fileExists(atPath: cli.path("ouderstem.sqlite")), "a missing database is not created by accident")
    }

    /// A file a newer Ouderstem migrated is refused, not half-understood: GRDB alone would skip the unknown step.
    @Test func aDatabaseOfANewerVersionIsRefusedAndLeftAsItWas() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let path = cli.path("ouderstem.sqlite")
        try SurveyDatabase(path: path).write { db in
            try db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        // The schema as a reader sees it: every migration step and every table, index and trigger.
        func schema() throws -> [String] {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                    + String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_master ORDER BY name")
            }
        }
        let before = try schema()
        expectPlainError(try cli.run(["status"]), "ouderstem.sqlite was last used by a newer Ouderstem (schema steps v99-from-the-future); use that version or newer.")
        expectPlainError(try cli.run(["report"]), "was last used by a newer Ouderstem")
        #expect(try schema() == before, "the schema is not changed")
    }

    @Test func compareWithAMissingPeilingWritesNoReport() throws {
        let cli = try CLIFlowTests.startedPeiling()
        expectPlainError(try cli.run(["report", "--out", cli.path("Reports"), "--compare", cli.path("vorig-jaar.sqlite")]), "vorig-jaar.sqlite")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: cli.path("Reports"))) ?? []
        #expect(!written.contains { $0.hasSuffix(".xlsx") || $0.hasSuffix(".md") }, "\(written)")
    }

    @Test func unknownAndMistypedCodes() throws {
        let cli = try CLIFlowTests.startedPeiling()
        try cli.run(["invite", "--out", cli.path("out")])
        let code = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).invitationCodes()["L01"])
        var typo = Array(code.value)
        typo[4] = typo[4] == "A" ? "B" : "A"
        expectPlainError(try cli.run(["enter", String(typo), "--method", "oral"]), "typo")
        expectPlainError(try cli.run(["enter", "222-222-222-222-222-222", "--method", "oral"]), "No parent in this peiling has that code")
        expectPlainError(try cli.run(["enter", "hello", "--method", "oral"]), "No parent in this peiling has that code")
    }

    @Test func badRosterRowImportsNothing() throws {
        let cli = try CLI()
        try cli.run(["init", "--survey", Self.surveyPath])
        let file = cli.path("klas.csv")
        try "kind;groep;kenmerken\nSara;5A;nt2\nDaan;;tweeverdieners\n".write(toFile: file, atomically: true, encoding: .utf8)
        expectPlainError(try cli.run(["roster", "import", file]), "Row 3: no group or class for 'Daan'")
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).respondents().isEmpty)

        try "kind,groep,kenmerken\nSara,5A,\"nt2, alleenstaande ouder\"\nDaan,5A,tweeverdiener\n".write(toFile: file, atomically: true, encoding: .utf8)
        let unknownTag = try cli.run(["roster", "import", file])
        expectPlainError(unknownTag, "Row 3: unknown tag 'tweeverdiener'")
        #expect(unknownTag.error.contains("Did you mean 'tweeverdieners'?"))
    }

    @Test func inputEndingHalfWaySavesNothing() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let result = try cli.run(["enter", "--respondent", "L03", "--method", "paper_home"], input: "1\n4\n")
        expectPlainError(result, "nothing was saved")
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L03") == nil)
    }

    @Test func interruptSavesNothingAndSaysSo() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let running = try cli.start(["enter", "--respondent", "L03", "--method", "paper_home"], input: "1,2\n4\n", closeInput: false)
        Thread.sleep(forTimeInterval: 1.5)  // let it reach a prompt; this is a wait, not a timing assertion
        running.process.interrupt()
        let result = cli.finish(running)
        #expect(result.status == 130)
        #expect(result.error.contains("nothing was saved"))
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L03") == nil)
    }

    @Test func answeredCodeAsksBeforeReplacing() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        var plan = EntryScript.minimal(survey)
        plan["info-wie"] = "5"
        try cli.run(["enter", "--respondent", "L05", "--method", "paper_home"], input: EntryScript.lines(for: survey, plan: plan))
        let declined = try cli.run(["enter", "--respondent", "L05", "--method", "oral"], input: "n\n")
        expectPlainError(declined, "Nothing was saved")
        let kept = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L05"))
        #expect(kept.method == .paperHome && kept.answers["info-wie"]?.value == .choice("helemaal-eens"))

        plan["info-wie"] = "1"
        let replaced = try cli.run(["enter", "--respondent", "L05", "--method", "oral"], input: "j\n" + EntryScript.lines(for: survey, plan: plan))
        #expect(replaced.status == 0, "\(replaced.error)")
        let db = try SurveyDatabase(path: cli.path("ouderstem.sqlite"))
        #expect(try db.response(of: "L05")?.answers["info-wie"]?.value == .choice("helemaal-oneens"))
        #expect(try db.status().responses == 1, "replacing never makes a second response")
    }

    @Test func closedPeilingRefusesEntryUntilReopened() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        #expect(try cli.run(["close"]).status == 0)
        expectPlainError(try cli.run(["enter", "--respondent", "L06", "--method", "oral"]), "The peiling is closed")
        #expect(try cli.run(["reopen"]).status == 0)
        let entry = try cli.run(["enter", "--respondent", "L06", "--method", "oral"], input: EntryScript.lines(for: survey, plan: EntryScript.minimal(survey)))
        #expect(entry.status == 0)
    }

    @Test func oralInterpreterNeedsTheKindOfInterpreter() throws {
        let cli = try CLIFlowTests.startedPeiling()
        expectPlainError(try cli.run(["enter", "--respondent", "L01", "--method", "oral_interpreter"]), "--interpreter")
        expectPlainError(try cli.run(["enter", "--respondent", "L01", "--method", "by_pigeon"]), "Unknown method 'by_pigeon'")
    }

    /// Double data entry: the second, blind entry shows each difference to settle and marks the response.
    @Test func verificationSettlesDifferences() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        var plan = EntryScript.minimal(survey)
        plan["info-wie"] = "4"
        try cli.run(["enter", "--respondent", "L09", "--method", "paper_home", "--entered-by", "Sanne"], input: EntryScript.lines(for: survey, plan: plan))
        plan["info-wie"] = "2"
        // The second typist read '2'; the paper says so: settle with '2'.
        let script = EntryScript.lines(for: survey, plan: plan, confirm: "2")
        let verified = try cli.run(["enter", "--respondent", "L09", "--verify", "--entered-by", "Ahmed"], input: script)
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.output.contains("1 difference(s) settled"))
        let response = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L09"))
        #expect(response.verifiedBy == "Ahmed" && response.enteredBy == "Sanne")
        #expect(response.answers["info-wie"]?.value == .choice("oneens"))
    }

    /// After closing, names and contacts go for good; the status still works from the responses' tags.
    @Test func forgettingTheRosterKeepsTheFigures() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        try cli.run(["enter", "--respondent", "L01", "--method", "oral"], input: EntryScript.lines(for: survey, plan: EntryScript.minimal(survey)))
        expectPlainError(try cli.run(["roster", "forget", "--yes"]), "only be forgotten after the peiling is closed")
        try cli.run(["close"])
        let forgot = try cli.run(["roster", "forget", "--yes"])
        #expect(forgot.status == 0, "\(forgot.error)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.path("ouderstem.sqlite")))
        for name in ["Fatima el Amrani", "06-11111101", "devries@example.org", "Sara"] {
            #expect(bytes.range(of: Data(name.utf8)) == nil, "\(name) is gone from the file")
        }
        let status = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).status()
        #expect(status.responses == 1)
        #expect(status.byTag.first { $0.key == "nt2" }?.responded == 1)
    }

    @Test func brokenSurveyIsNamedWithLine() throws {
        let cli = try CLI()
        let file = cli.path("kapot.yaml")
        try "id: kapot\ntitle: { nl: \"Kapot\" }\nlanguages: [nl]\nthemes:\n  - id: a\n    title: { nl: \"A\" }\n    questions:\n      - id: q\n        type: singel\n        text: { nl: \"Vraag\" }\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["survey", "validate", file])
        #expect(result.status == 1)
        #expect(result.error.contains("kapot.yaml:9:15: error: question 'q' has an unknown type 'singel'"))
        #expect(result.error.contains("Did you mean 'single'?"))
        let started = try cli.run(["init", "--survey", file])
        #expect(started.status != 0)
        #expect(started.error.contains("run `ouderstem survey validate"))
    }
}
