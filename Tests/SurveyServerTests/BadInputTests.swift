import Foundation
import HTTPTypes
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// Bad posts and guessed codes: a clear message with the answers kept, or a 4xx for a forged request;
/// never a 500 and never a half-written response.
@Suite struct BadInputTests {

    func answerCount(_ peiling: TestPeiling) throws -> Int {
        try peiling.database.read { try $0.value("SELECT COUNT(*) FROM answer") } ?? 0
    }

    @Test(arguments: ServerTestBackend.available) func outOfRangeNumberAndTooLongTextComeBackWithTheAnswersKept(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        let numberTheme = try #require(survey.theme(containing: "aantal-kinderen"))
        let textTheme = try #require(survey.theme(containing: "school-doen"))
        try await peiling.withServer { browser in
            let number = try await browser.post("/s/\(code)", [("page", numberTheme.id), ("lang", "nl"), ("action", "next"),
                                                               ("shown", "aantal-kinderen"), ("q-aantal-kinderen", "40")])
            #expect(number.status == .unprocessableContent)
            #expect(number.body.contains("Vul een getal in van 1 tot en met 10."))
            #expect(number.body.contains("value=\"40\""), "what the parent typed is shown again")
            #expect(number.body.contains("href=\"#q-aantal-kinderen\""), "the error summary links to the field")

            let long = String(repeating: "lang ", count: 500) + "<script>alert(1)</script>"
            let text = try await browser.post("/s/\(code)", [("page", textTheme.id), ("lang", "nl"), ("action", "next"),
                                                             ("shown", "school-doen"), ("q-school-doen", long)])
            #expect(text.status == .unprocessableContent)
            #expect(text.body.contains("Uw antwoord is te lang. Het mag 2000 tekens zijn."))
            #expect(text.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is kept, escaped")
            #expect(!text.body.contains("<script>alert"))

            let notAnOption = try await browser.post("/s/\(code)", [("page", "informatie"), ("lang", "nl"), ("action", "next"),
                                                                    ("shown", "info-kanaal"), ("q-info-kanaal", "postduif")])
            #expect(notAnOption.status == .unprocessableContent)
            #expect(notAnOption.body.contains("Kies een van de antwoorden."))
        }
        #expect(try peiling.database.response(of: "L02") == nil, "nothing half-written")
    }

    @Test(arguments: ServerTestBackend.available) func anOpenAnswerWithMarkupIsShownAsText(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let textTheme = try #require(peiling.survey.theme(containing: "school-doen"))
        try await peiling.withServer { browser in
            let fields: [(String, String)] = [("page", textTheme.id), ("lang", "nl"), ("action", "save"),
                                              ("shown", "school-doen"), ("q-school-doen", "<script>alert('x')</script> & \"meer\"")]
            #expect(try await browser.post("/s/\(code)", fields).status == .seeOther)
            let page = try await browser.get("/s/\(code)?page=\(textTheme.id)")
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;")
                    || page.body.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;meer&quot;")
                    || page.body.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;meer&quot;"))
            #expect(!page.body.contains("<script>alert"))
        }
        #expect(try peiling.database.response(of: "L02")?.answers["school-doen"]?.value == .text("<script>alert('x')</script> & \"meer\""))
    }

    @Test(arguments: ServerTestBackend.available) func forgedPostsAreRefusedWithA4xxAndNothingIsSaved(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            // A question that is not on this page.
            let unknown = try await browser.post("/s/\(code)", [("page", "informatie"), ("action", "next"), ("q-bestaat-niet", "1")])
            #expect(unknown.status == .badRequest)
            // A page that is not in the survey, and an action no button has.
            #expect(try await browser.post("/s/\(code)", [("page", "geen-thema"), ("action", "next")]).status == .badRequest)
            #expect(try await browser.post("/s/\(code)", [("page", "informatie"), ("action", "wis-alles")]).status == .badRequest)
            // Invalid UTF-8 and broken percent-encoding.
            let invalid = try await browser.post("/s/\(code)", raw: Array("page=informatie&action=next&shown=info-kanaal&q-info-kanaal=%C3%28".utf8))
            #expect(invalid.status == .badRequest)
            #expect(try await browser.post("/s/\(code)", raw: Array("page=informatie&q-info-kanaal=%G1".utf8)).status == .badRequest)
            // A body far larger than any form.
            let huge = "page=informatie&q-school-doen=" + String(repeating: "a", count: 400_000)
            #expect(try await browser.post("/s/\(code)", raw: Array(huge.utf8)).status == .contentTooLarge)
        }
        #expect(try answerCount(peiling) == 0)
        #expect(try peiling.database.response(of: "L02") == nil)
    }

    @Test(arguments: ServerTestBackend.available) func aRefusedRequestIsAPageInDutchAndEnglish(_ backend: ServerTestBackend) async throws {
        // Before, these were a line of English JSON (403, 400) or an empty page (404).
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            let expired = try await browser.post("/staff/login", [("csrf", "van-gisteren"), ("name", TestPeiling.staffName),
                                                                  ("password", TestPeiling.staffPassword)])
            let unreadable = try await browser.post("/s/\(code)", raw: Array("page=informatie&q-info-kanaal=%G1".utf8))
            let nowhere = try await browser.get("/s/\(code)/bestaat-niet")
            for (page, status, heading) in [(expired, HTTPResponse.Status.forbidden, "Dit formulier is verlopen · This form has expired"),
                                            (unreadable, .badRequest, "Het formulier kon niet worden gelezen · The form could not be read"),
                                            (nowhere, .notFound, "Pagina niet gevonden · Page not found")] {
                #expect(page.status == status)
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.body.contains("<h1>\(heading)</h1>"), "\(status)")
                #expect(page.body.contains("href=\"/\""), "a way back to the start page")
            }
            #expect(expired.body.contains("er is niets opgeslagen") && expired.body.contains("nothing was saved"))
            #expect(browser.cookies["ouderstem_staff"] == nil, "not logged in by the expired form")
        }
        #expect(try peiling.database.response(of: "L02") == nil)
    }

    @Test(arguments: ServerTestBackend.available) func aNumberThatIsNotPlainDecimalIsRefusedWithWhatWasTypedKept(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let theme = try #require(peiling.survey.theme(containing: "aantal-kinderen"))
        try await peiling.withServer { browser in
            // Each of these is a number between 1 and 10 to Swift's Double(_:), but not to a parent.
            for typed in ["0x3", "1e1", "inf", "nan"] {
                let page = try await browser.post("/s/\(code)", [("page", theme.id), ("lang", "nl"), ("action", "next"),
                                                                 ("shown", "aantal-kinderen"), ("q-aantal-kinderen", typed)])
                #expect(page.status == .unprocessableContent, "'\(typed)' was accepted")
                #expect(page.body.contains("Vul een getal in van 1 tot en met 10."))
                #expect(page.body.contains("value=\"\(typed)\""), "what was typed is shown again")
            }
            let plain = try await browser.post("/s/\(code)", [("page", theme.id), ("lang", "nl"), ("action", "next"),
                                                              ("shown", "aantal-kinderen"), ("q-aantal-kinderen", "3")])
            #expect(plain.status == .seeOther)
        }
        #expect(try peiling.database.response(of: "L02")?.answers["aantal-kinderen"]?.value == .number(3))
    }

    @Test(arguments: ServerTestBackend.available) func theRightCodeTypedWithDashesOpensOnlyItsOwnForm(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try InvitationCode(parsing: try #require(peiling.codes["L05"]))
        try await peiling.withServer { browser in
            let typed = try await browser.post("/", [("code", code.description.lowercased()), ("lang", "nl")])
            #expect(typed.status == .seeOther)
            #expect(typed.location == "/s/\(code.value)?lang=nl")
            let page = try await browser.follow(typed)
            #expect(page.body.contains("action=\"/s/\(code.value)\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }
}
