import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// The peiling run from the dashboard (issue 14): the first account only from this machine, and every
/// step's form refused without login or without its CSRF token; a bad roster imports nothing.
@Suite struct DashboardStepsTests {
    /// A new, empty database (no peiling, no account), served like `ouderstem serve` on a free port.
    static func withEmptyServer(_ configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
                                _ body: @escaping @Sendable (Browser, SurveyDatabase) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-dashboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SurveyDatabase(path: directory.appendingPathComponent("new.sqlite").path, create: true)
        var configuration = configuration
        configuration.idleTimeoutSeconds = 600
        configuration.surveysDirectory = TestPeiling.repositoryRoot.appendingPathComponent("Surveys").path
        let app = try await OuderstemServer.application(database: database, configuration: configuration)
        try await app.test(.live) { client in try await body(Browser(client: client), database) }
    }

    static let demoRoster = TestPeiling.repositoryRoot.appendingPathComponent("Surveys/demo/roster-groep5.csv")

    @Test func theFirstAccountIsOfferedOnThisMachineAndThenNeverAgain() async throws {
        try await Self.withEmptyServer { browser, database in
            // No account: the dashboard and the login page lead to the first-run page.
            #expect(try await browser.get("/staff").location == "/staff/setup")
            #expect(try await browser.get("/staff/login").location == "/staff/setup")
            let setup = try await browser.get("/staff/setup")
            #expect(setup.body.contains("Welkom bij Ouderstem"))
            let csrf = try #require(setup.inputValue("csrf"))
            // A forged post (wrong token) creates nothing.
            let forged = try await browser.post("/staff/setup", [("csrf", "x"), ("name", "juf-anna"), ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
            #expect(forged.status == .forbidden)
            #expect(try database.staffMembers().isEmpty)
            // Two different passwords: said so, nothing created.
            let different = try await browser.post("/staff/setup", [("csrf", csrf), ("name", "juf-anna"), ("password", "geheim-wachtwoord"), ("again", "ander-wachtwoord")])
            #expect(different.body.contains("De twee wachtwoorden zijn niet gelijk"))
            #expect(try database.staffMembers().isEmpty)
            // Every page of the form has a fresh token.
            let fresh = try #require(different.inputValue("csrf"))
            let created = try await browser.post("/staff/setup", [("csrf", fresh), ("name", "juf-anna"), ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
            #expect(created.status == .seeOther)
            #expect(try database.staffMembers().map(\.name) == ["juf-anna"])
            // Logged in, and with no peiling yet the dashboard leads to the start page.
            #expect(try await browser.get("/staff").location == "/staff/start")
            let start = try await browser.get("/staff/start")
            #expect(start.body.contains("Een peiling starten"))
            #expect(start.body.contains("behoeften-ouders.yaml"))
            // Once an account exists, the first-run page is gone: nobody adds a second account through it.
            browser.cookies = [:]
            #expect(try await browser.get("/staff/setup").location == "/staff/login")
            let again = try await browser.post("/staff/setup", [("csrf", csrf), ("name", "indringer"), ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
            #expect(again.location == "/staff/login")
            #expect(try database.staffMembers().count == 1)
        }
    }

    @Test func theFirstAccountCannotBeMadeFromAnotherComputer() async throws {
        // Behind a trusted proxy on this machine, a request from elsewhere carries its real address.
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, trustedProxies: try TrustedProxies(["127.0.0.1"]))
        try await Self.withEmptyServer(configuration) { browser, database in
            browser.extraHeaders[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.7"
            let setup = try await browser.get("/staff/setup")
            #expect(setup.body.contains("ouderstem staff add NAAM"))
            #expect(!setup.body.contains("name=\"password\""))
            let post = try await browser.post("/staff/setup", [("csrf", "x"), ("name", "juf-anna"), ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
            #expect(post.status == .forbidden)
            #expect(try database.staffMembers().isEmpty)
        }
    }

    /// Creates the first account and starts a peiling of the shipped survey; returns the CSRF token.
    static func startPeiling(_ browser: Browser) async throws -> String {
        let setup = try await browser.get("/staff/setup")
        _ = try await browser.post("/staff/setup", [("csrf", setup.inputValue("csrf") ?? ""), ("name", "juf-anna"),
                                                    ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
        let start = try await browser.get("/staff/start")
        let csrf = try #require(start.inputValue("csrf"))
        let started = try await browser.upload("/staff/start", [("csrf", csrf), ("survey", "behoeften-ouders.yaml"), ("name", "Groep 5"),
                                                                ("school", "De Regenboog"), ("deadline", "18-12-2026")], files: [])
        #expect(started.location == "/staff/roster")
        return csrf
    }

    @Test func aBrokenSurveyIsShownByLineAndStartsNothing() async throws {
        try await Self.withEmptyServer { browser, database in
            _ = try await Self.startPeilingAccountOnly(browser)
            let csrf = try #require(try await browser.get("/staff/start").inputValue("csrf"))
            let broken = Array("id: kapot\nversion: 1\ntitle: { nl: \"Kapot\" }\nthemes:\n  - id: a\n    questions: [\n".utf8)
            let page = try await browser.upload("/staff/start", [("csrf", csrf), ("survey", "upload")],
                                                files: [(name: "upload", filename: "kapot.yaml", bytes: broken)])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("kapot.yaml, regel 7:"), "the file and line are named")
            #expect(throws: StoreError.noPeiling) { try database.peiling() }
        }
    }

    static func startPeilingAccountOnly(_ browser: Browser) async throws -> String {
        let setup = try await browser.get("/staff/setup")
        _ = try await browser.post("/staff/setup", [("csrf", setup.inputValue("csrf") ?? ""), ("name", "juf-anna"),
                                                    ("password", "geheim-wachtwoord"), ("again", "geheim-wachtwoord")])
        return try #require(try await browser.get("/staff/start").inputValue("csrf"))
    }

    @Test func aDamagedRosterImportsNothingAndAGoodOneOnlyAfterConfirming() async throws {
        try await Self.withEmptyServer { browser, database in
            let csrf = try await Self.startPeiling(browser)
            // Row 3 has an empty id: the row is named and nothing is imported.
            let damaged = Array("id;kind;groep\nL01;Sara;5A\n;Daan;5A\nL03;Noor;5A\n".utf8)
            let refused = try await browser.upload("/staff/roster/preview", [("csrf", csrf)], files: [(name: "roster", filename: "kapot.csv", bytes: damaged)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Rij 3: de id is leeg"))
            #expect(refused.body.contains("Er is niets ingelezen"))
            #expect(try database.respondents().isEmpty)

            let demo = try [UInt8](Data(contentsOf: Self.demoRoster))
            // Without the token: refused before anything is read.
            let forged = try await browser.upload("/staff/roster/preview", [("csrf", "fout")], files: [(name: "roster", filename: "roster.csv", bytes: demo)])
            #expect(forged.status == .forbidden)
            let preview = try await browser.upload("/staff/roster/preview", [("csrf", csrf)], files: [(name: "roster", filename: "roster-groep5.csv", bytes: demo)])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("30 nieuw, 0 gewijzigd, 0 ongewijzigd"))
            #expect(try database.respondents().isEmpty, "the preview writes nothing")
            let encoded = try #require(preview.inputValue("file"))
            let forgedImport = try await browser.post("/staff/roster/import", [("csrf", "fout"), ("file", encoded), ("replaceEmpty", "0")])
            #expect(forgedImport.status == .forbidden)
            #expect(try database.respondents().isEmpty)
            let imported = try await browser.post("/staff/roster/import", [("csrf", csrf), ("file", encoded), ("replaceEmpty", "0")])
            #expect(imported.status == .seeOther)
            #expect(try database.respondents().count == 30)
        }
    }

    @Test(arguments: ServerTestBackend.available) func everyStepNeedsALoginAndItsToken(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            for path in ["/staff/start", "/staff/roster", "/staff/sample", "/staff/letters", "/staff/entry", "/staff/report", "/staff/close",
                         "/staff/forget", "/staff/letters.html", "/staff/links.csv", "/staff/forms.html", "/staff/export.xlsx", "/staff/settings"] {
                #expect(try await browser.get(path).location == "/staff/login", "\(path) needs a login")
            }
            for path in ["/staff/sample", "/staff/sample/decline", "/staff/invite", "/staff/entry", "/staff/entry/save", "/staff/forget", "/staff/roster/import"] {
                #expect(try await browser.post(path, [("csrf", "x")]).location == "/staff/login", "\(path) needs a login")
            }
            _ = try await StaffTests.logIn(browser)
            for path in ["/staff/sample", "/staff/sample/decline", "/staff/invite", "/staff/entry", "/staff/entry/save", "/staff/forget", "/staff/close",
                         "/staff/settings"] {
                #expect(try await browser.post(path, [("csrf", "forged"), ("size", "2"), ("id", "L01"), ("code", peiling.codes["L01"]!)]).status == .forbidden,
                        "\(path) refuses a post without the session's token")
            }
            #expect(try peiling.database.sample() == nil)
            #expect(try peiling.database.peiling().isClosed == false)
            #expect(try peiling.database.settings().school == nil)
            // With the token the settings change, and a deadline that is no date is said so and changes nothing.
            let csrf = try #require(try await browser.get("/staff/settings").inputValue("csrf"))
            let bad = try await browser.post("/staff/settings", [("csrf", csrf), ("school", "De Regenboog"), ("deadline", "morgen")])
            #expect(bad.status == .unprocessableContent)
            #expect(try peiling.database.settings().school == nil)
            let good = try await browser.post("/staff/settings", [("csrf", csrf), ("school", "De Regenboog"), ("deadline", "18-12-2026")])
            #expect(good.location == "/staff")
            #expect(try peiling.database.settings().school == "De Regenboog")
        }
    }

    @Test(arguments: ServerTestBackend.available) func paperEntryUsesTheSharedChecksAndSavesWithWhoEnteredIt(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            let dashboard = try await StaffTests.logIn(browser)
            let csrf = try #require(dashboard.inputValue("csrf"))
            // A code that does not exist: said so, in Dutch.
            let wrong = try await browser.post("/staff/entry", [("csrf", csrf), ("start", "1"), ("mode", "enter"), ("method", "paper_home"), ("code", "AAAAAAAAAAAAAAAAAA")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("typefout") || wrong.body.contains("Geen ouder"))
            var page = try await browser.post("/staff/entry", [("csrf", csrf), ("start", "1"), ("mode", "enter"), ("method", "paper_home"), ("code", peiling.codes["L02"]!)])
            #expect(page.status == .ok)
            page = try await Self.typeForm(browser, page, survey: peiling.survey, checkBadAnswer: true) { _ in nil }
            #expect(page.body.contains("Controleren en opslaan"))
            let saved = try await browser.post("/staff/entry/save", page.hiddenFields)
            #expect(saved.status == .seeOther)
            let response = try #require(try peiling.database.response(of: "L02"))
            #expect(response.method == .paperHome)
            #expect(response.enteredBy == TestPeiling.staffName)
            #expect(response.answers.count > 5)
        }
    }

    /// Types every question of the entry screen from `page` on: `answer(question)` or else the first option
    /// (a number or a text for open questions), Enter after each; returns the summary page.
    static func typeForm(_ browser: Browser, _ start: Browser.Page, survey: Survey, checkBadAnswer: Bool = false, base: String = "/staff",
                         answer: (Question) -> String?) async throws -> Browser.Page {
        var page = start
        var typed = 0
        while page.body.contains("name=\"index\""), typed < 200 {
            let index = try #require(page.inputValue("index"))
            let fields = page.hiddenFields.filter { $0.0 != "index" && $0.0 != "line" }
            let asksOther = page.body.contains("name=\"other\"")
            let question = try #require(survey.questions.first { page.body.contains("data-question=\"\($0.id)\"") })
            var line = question.type.isChoice ? "1" : (question.type == .number ? "3" : "tekst")
            if let chosen = answer(question) { line = chosen }
            if checkBadAnswer, typed == 0 {
                // Not an option: the shared parser's message, and the same question is asked again.
                let bad = try await browser.post(base + "/entry", fields + [("index", index), ("line", "99")])
                #expect(bad.status == .unprocessableContent)
                #expect(bad.inputValue("index") == index)
            }
            page = try await browser.post(base + "/entry", fields + [("index", index)]
                                          + (asksOther ? [("line", page.inputValue("line") ?? ""), ("other", "iets")] : [("line", line)]))
            typed += 1
        }
        return page
    }

    @Test(arguments: ServerTestBackend.available) func theSecondBlindEntrySettlesEachDifferenceBeforeSaving(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            let csrf = try #require(try await StaffTests.logIn(browser).inputValue("csrf"))
            let code = peiling.codes["L03"]!
            var page = try await browser.post("/staff/entry", [("csrf", csrf), ("start", "1"), ("mode", "enter"), ("method", "paper_home"), ("code", code)])
            page = try await Self.typeForm(browser, page, survey: peiling.survey) { _ in nil }
            #expect(try await browser.post("/staff/entry/save", page.hiddenFields).status == .seeOther)
            let first = try #require(try peiling.database.response(of: "L03"))
            // The second person reads one scale answer differently.
            let differing = try #require(peiling.survey.questions.first { $0.type == .scale && first.answers[$0.id] != nil })
            page = try await browser.post("/staff/entry", [("csrf", csrf), ("start", "1"), ("mode", "verify"), ("method", "paper_home"), ("code", code)])
            page = try await Self.typeForm(browser, page, survey: peiling.survey) { $0.id == differing.id ? "2" : nil }
            #expect(page.body.contains("name=\"settle.\(differing.id)\""))
            // Saving without saying which is on the paper: refused, nothing changes.
            let unsettled = try await browser.post("/staff/entry/save", page.hiddenFields)
            #expect(unsettled.status == .unprocessableContent)
            #expect(try peiling.database.response(of: "L03")?.verifiedBy == nil)
            let saved = try await browser.post("/staff/entry/save", page.hiddenFields + [("settle.\(differing.id)", "2")])
            #expect(saved.status == .seeOther)
            let verified = try #require(try peiling.database.response(of: "L03"))
            #expect(verified.verifiedBy == TestPeiling.staffName)
            #expect(verified.answers[differing.id] != first.answers[differing.id], "the second entry's answer was chosen")
            #expect(verified.method == first.method)
        }
    }
}
