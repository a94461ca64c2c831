import Foundation
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// The interview screen refuses what it cannot record truthfully, and paging through it creates nothing.
@Suite struct InterviewEntryTests {
    @Test(arguments: ServerTestBackend.available) func anUnknownKindOfInterpreterIsRefusedWithTheChoicesKept(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        try await peiling.withServer { browser in
            let dashboard = try await StaffTests.logIn(browser)
            let page = try await browser.get("/staff/interview/\(code)?method=oral_interpreter&interpreter=bogus&lang=en")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("&#39;bogus&#39; is geen soort tolk") || page.body.contains("&#x27;bogus&#x27; is geen soort tolk")
                    || page.body.contains("'bogus' is geen soort tolk"))
            #expect(page.body.contains("is not a kind of interpreter"))
            // The set-up page again, with what was chosen: the method and the language.
            #expect(page.body.contains("value=\"oral_interpreter\" id=\"method-oral_interpreter\" checked"))
            #expect(page.body.contains("<option value=\"en\" selected>"))
            #expect(!page.body.contains("name=\"page\""), "no form page until the interpreter is known")

            // A form page posted with a forged interpreter field saves nothing.
            let forged = try await browser.post("/staff/interview/\(code)", [
                ("csrf", dashboard.inputValue("csrf") ?? ""), ("method", "oral_interpreter"), ("interpreter", "bogus"),
                ("page", "informatie"), ("lang", "ar"), ("action", "next"), ("shown", "info-kanaal"), ("q-info-kanaal", "papier"),
            ])
            #expect(forged.status == .badRequest)
        }
        #expect(try peiling.database.response(of: "L01") == nil)
    }

    @Test(arguments: ServerTestBackend.available) func pagingThroughTheInterviewWithoutAnswersCreatesNoResponse(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            _ = try await StaffTests.logIn(browser)
            let first = try await browser.get("/staff/interview/\(code)?method=oral&lang=nl")
            let page = try #require(first.inputValue("page"))
            let carried = first.hiddenFields.filter { !["page", "lang", "shown"].contains($0.0) }
            let shown = first.shownQuestions.map { ("shown", $0) }
            // "Vorige" and "Opslaan" with nothing typed: no response. "Volgende" still asks for a required answer.
            let common = carried + shown + [("page", page), ("lang", "nl")]
            let previous = try await browser.post("/staff/interview/\(code)", common + [("action", "previous")])
            #expect(previous.status == .seeOther)
            #expect(previous.location?.contains("/staff/interview/\(code)?page=\(page)") == true)
            let save = try await browser.post("/staff/interview/\(code)", common + [("action", "save")])
            #expect(save.status == .seeOther)
            #expect(save.location == "/staff")
            let next = try await browser.post("/staff/interview/\(code)", common + [("action", "next")])
            #expect(next.status == .unprocessableContent)
            #expect(next.body.contains("Vul dit in, alstublieft."))
            // A page with only optional questions (the background section) is passed by without a save.
            let optional = try #require(peiling.survey.themes.last { theme in theme.questions.allSatisfy { !$0.required } })
            let skipped = try await browser.post("/staff/interview/\(code)", carried + [("page", optional.id), ("lang", "nl"), ("action", "next")]
                                                 + optional.questions.map { ("shown", $0.id) })
            #expect(skipped.status == .seeOther)
            // The one-page form's "save" with nothing typed.
            let all = try await browser.post("/staff/interview/\(code)/all", carried + [("lang", "nl"), ("action", "save")])
            #expect(all.status == .seeOther)
            #expect(try peiling.database.response(of: "L02") == nil)
            #expect(try peiling.database.status().inProgress == 0, "nobody is counted as still filling in")

            // Once something is typed, it is saved.
            let answered = try await browser.post("/staff/interview/\(code)", carried + [
                ("page", "informatie"), ("lang", "nl"), ("action", "next"), ("shown", "info-kanaal"), ("q-info-kanaal", "papier"),
            ])
            #expect(answered.status == .seeOther)
        }
        let stored = try #require(try peiling.database.response(of: "L02"))
        #expect(stored.answers["info-kanaal"]?.value == .choices(["papier"]))
        #expect(stored.method == .oral)
        #expect(stored.enteredBy == TestPeiling.staffName)
    }
}
