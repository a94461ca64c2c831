import Foundation
import HTTPTypes
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// A code opens only its own form; the read-aloud script and stylesheet are static files (no inline script).
@Suite struct PrivacyAndAssetsTests {
    @Test(arguments: ServerTestBackend.available) func aCodeShowsOnlyItsOwnAnswers(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try peiling.database.save(NewResponse(respondentID: "L02", method: .digital, language: "nl",
                                              answers: ["info-kanaal": Answer(questionID: "info-kanaal", value: .choices(["telefoon"]))],
                                              complete: false), existing: .replace)
        try await peiling.withServer { browser in
            let own = try await browser.get("/s/\(peiling.codes["L02"]!)")
            let other = try await browser.get("/s/\(peiling.codes["L03"]!)")
            #expect(own.checked("info-kanaal") == ["telefoon"])
            #expect(other.checked("info-kanaal").isEmpty)
            #expect(!other.body.contains(peiling.codes["L02"]!))
        }
    }

    @Test(arguments: ServerTestBackend.available) func readAloudIsAStaticScriptAndPagesHaveNoInlineScript(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(peiling.codes["L01"]!)")
            #expect(page.body.contains("<script src=\"/static/read-aloud.js\" defer></script>"))
            #expect(page.body.contains("class=\"read-aloud\""))
            // Every script tag has a src: nothing inline that the CSP would have to allow.
            #expect(page.body.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=") })
            #expect(!page.body.contains("style=\""))
            let script = try await browser.get("/static/read-aloud.js")
            #expect(script.status == .ok)
            #expect(script.body.contains("speechSynthesis"))
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.contains("text/css") == true)
        }
    }

    @Test(arguments: ServerTestBackend.available) func cookiesAreSecureWhenServedOverHTTPS(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer(ServerConfiguration(host: "127.0.0.1", port: 0, secureCookies: true)) { browser in
            _ = try await browser.get("/staff/login")
            #expect(browser.setCookieHeaders.allSatisfy { $0.contains("Secure") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") })
            #expect(!browser.setCookieHeaders.isEmpty)
        }
    }
}
