import Foundation
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// Staff login, CSRF, the dashboard and the interview screen.
@Suite struct StaffTests {
    /// Logs in and returns the dashboard.
    static func logIn(_ browser: Browser) async throws -> Browser.Page {
        try await browser.logIn(as: TestPeiling.staffName)
    }

    @Test(arguments: ServerTestBackend.available) func loginSetsAStrictHttpOnlyCookieAndWrongPasswordsAreRefused(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            #expect(try await browser.get("/staff").location == "/staff/login")
            let login = try await browser.get("/staff/login")
            let wrong = try await browser.post("/staff/login", [("csrf", login.inputValue("csrf") ?? ""), ("name", TestPeiling.staffName),
                                                                ("password", "fout-wachtwoord")])
            #expect(wrong.status == .unauthorized)
            // A login form posted from elsewhere (no matching token) is refused before the password is looked at.
            let forged = try await browser.post("/staff/login", [("csrf", "abc"), ("name", TestPeiling.staffName),
                                                                 ("password", TestPeiling.staffPassword)])
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["ouderstem_staff"] == nil)

            let dashboard = try await Self.logIn(browser)
            #expect(dashboard.status == .ok)
            let session = try #require(browser.setCookieHeaders.first { $0.hasPrefix("ouderstem_staff=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Strict"))
            #expect(!session.contains("Secure"), "plain HTTP on loopback: not Secure")
        }
    }

    @Test(arguments: ServerTestBackend.available) func dashboardShowsTheSameFiguresAsStatusAndClosingNeedsTheToken(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try peiling.database.save(NewResponse(respondentID: "L02", method: .paperHome, language: "nl", enteredBy: "meester-tom",
                                              answers: [:], complete: true))
        try await peiling.withServer { browser in
            let dashboard = try await Self.logIn(browser)
            let status = try peiling.database.status()
            #expect(dashboard.body.contains("<strong>\(status.responses)</strong> van \(status.rosterSize) ouders"))
            #expect(dashboard.body.contains("Papier (thuis)"))
            #expect(dashboard.body.contains("Wiens stem ontbreekt?"))
            // L01 speaks Arabic at home: the suggestion is an interview with an interpreter, and the link is there.
            #expect(dashboard.body.contains("Mondeling met tolk"))
            #expect(dashboard.body.contains("/staff/interview/\(peiling.codes["L01"]!)"))
            #expect(dashboard.headers[.contentType]?.hasPrefix("text/html") == true)

            // Close without the CSRF token: refused, still open.
            let forged = try await browser.post("/staff/close", [("csrf", "wrong")])
            #expect(forged.status == .forbidden)
            #expect(try peiling.database.peiling().isClosed == false)
            let csrf = try #require(dashboard.inputValue("csrf"))
            #expect(try await browser.post("/staff/close", [("csrf", csrf)]).status == .seeOther)
            #expect(try peiling.database.peiling().isClosed)
            let closedPage = try await browser.get("/s/\(peiling.codes["L03"]!)")
            #expect(closedPage.body.contains(peiling.survey.interfaceText(.closed, "nl")))
            #expect(try await browser.post("/staff/reopen", [("csrf", csrf)]).status == .seeOther)
            #expect(try peiling.database.peiling().isClosed == false)
        }
    }

    @Test(arguments: ServerTestBackend.available) func interviewWithInterpreterIsSavedWithWhoEnteredIt(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            // Not logged in: the interview screen is not reachable.
            #expect(try await browser.get("/staff/interview/\(code)").location == "/staff/login")
            _ = try await Self.logIn(browser)
            let setup = try await browser.get("/staff/interview/\(code)")
            #expect(setup.body.contains("value=\"oral_interpreter\""))
            #expect(setup.body.contains("value=\"family_member\""))
            let first = try await browser.get("/staff/interview/\(code)?method=oral_interpreter&interpreter=family_member&lang=ar")
            // Dutch beside Arabic, options numbered.
            let question = try #require(survey.question("info-kanaal"))
            #expect(first.body.contains(question.text["ar"]!))
            #expect(first.body.contains(question.text["nl"]!))
            #expect(first.body.contains("<span class=\"n\">1</span>"))
            // Without the token the post is refused.
            let forged = try await browser.post("/staff/interview/\(code)?method=oral_interpreter",
                                                [("page", "informatie"), ("method", "oral_interpreter"), ("action", "next")])
            #expect(forged.status == .forbidden)
            let (_, thanks) = try await FormFiller(survey: survey).fillIn(browser, start: first)
            #expect(thanks.body.contains("Het gesprek is opgeslagen"))
        }
        let stored = try #require(try peiling.database.response(of: "L01"))
        #expect(stored.method == .oralInterpreter)
        #expect(stored.interpreter == .familyMember)
        #expect(stored.enteredBy == TestPeiling.staffName)
        #expect(stored.language == "ar")
        #expect(stored.complete)
    }
}
