import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Staff type a paper form with `ouderstem enter` while the parent sends the web form for the same code
/// (issue 9, point 3): the real binary and the real server on one database (a file, or PostgreSQL). Before, the entry replaced
/// the parent's answers ("Saved: 33 answers").
@Suite struct ConcurrentEntryTests {
    /// Starts `enter` for family L12, answers every question, and while it waits at "Save?" the parent sends
    /// the web form. Then staff press j; what follows is up to `afterConflict`.
    func race(afterConflict: [String], on backend: CLIBackend) throws -> (result: CLI.Result, db: SurveyDatabase, cli: CLI) {
        let cli = try CLIFlowTests.startedPeiling(on: backend)
        try cli.run(["invite", "--base-url", "http://127.0.0.1", "--out", cli.path("brieven")])
        let db = try cli.database()
        let code = try #require(try db.invitationCodes()["L12"])
        let server = try RunningServer(cli)
        var plan = EntryScript.minimal(ParentForm.survey)
        plan["school-doen"] = "Van het papieren formulier"
        let script = EntryScript.lines(for: ParentForm.survey, plan: plan, confirm: "")
        let entry = try cli.start(["enter", code.description, "--method", "paper_home", "--entered-by", "Sanne"],
                                  input: String(script.dropLast()), closeInput: false)
        var said = try entry.read(until: "Save? [y]es")
        let sent = try server.request("POST", "/s/\(code.value)/all", form: try ParentForm.fields(server, code: code.value))
        #expect(sent.status == 303 && sent.location?.contains("/thanks") == true, "the parent's form is acknowledged: \(sent.location ?? "")")
        entry.type("j")
        said += try entry.read(until: "Show the differences?")
        for reply in afterConflict { entry.type(reply) }
        try entry.stdin.fileHandleForWriting.close()
        var result = cli.finish(entry)
        result.output = said + result.output
        return (result, db, cli)
    }

    @Test(arguments: CLIBackend.available) func enterRefusesToOverwriteAWebAnswerThatArrivedWhileTyping(_ backend: CLIBackend) throws {
        // Show the differences (j), then do not replace (n).
        let (result, db, cli) = try race(afterConflict: ["j", "n"], on: backend)
        defer { withExtendedLifetime(cli) {} }  // its PostgreSQL database goes with it
        #expect(result.status != 0)
        #expect(result.output.contains("was changed while you were typing: Digital (own device)"))
        #expect(result.output.contains("stored: Via de link ingevuld door de ouder"))
        #expect(result.output.contains("typed:  Van het papieren formulier"))
        #expect(!result.output.contains("Saved:"))
        #expect(result.error.contains("Nothing was saved"))
        let kept = try #require(try db.response(of: "L12"))
        #expect(kept.method == .digital && kept.complete)
        #expect(kept.answers["school-doen"]?.value == .text("Via de link ingevuld door de ouder"))
    }

    @Test(arguments: CLIBackend.available) func enterReplacesTheWebAnswerOnlyWhenStaffSaySo(_ backend: CLIBackend) throws {
        // Do not show the differences (n), replace (j).
        let (result, db, cli) = try race(afterConflict: ["n", "j"], on: backend)
        defer { withExtendedLifetime(cli) {} }  // its PostgreSQL database goes with it
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("was changed while you were typing"))
        #expect(result.output.contains("Saved:"))
        let replaced = try #require(try db.response(of: "L12"))
        #expect(replaced.method == .paperHome && replaced.enteredBy == "Sanne")
        #expect(replaced.answers["school-doen"]?.value == .text("Van het papieren formulier"))
        #expect(try db.status().responses == 1)
    }
}
