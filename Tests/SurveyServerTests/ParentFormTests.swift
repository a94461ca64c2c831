import Foundation
import SurveyCore
import SurveyStore
import Testing

/// A parent fills in the form through the personal link, over real HTTP.
@Suite struct ParentFormTests {
    @Test(arguments: ServerTestBackend.available) func arabicParentFillsInEveryPageAndIsSavedOnceAsDigital(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let first = try await browser.get("/s/\(code)")
            #expect(first.status == .ok)
            // The roster says Arabic: the page is in Arabic, right to left, with a switch to the other languages.
            #expect(first.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(first.body.contains(survey.themes[0].title["ar"]!))
            #expect(first.body.contains("hreflang=\"nl\""))
            #expect(first.body.contains(survey.interfaceText(.pageOf, "ar").replacingOccurrences(of: "{n}", with: "1")
                .replacingOccurrences(of: "{total}", with: String(survey.themes.count))))
            let (pages, thanks) = try await FormFiller(survey: survey).fillIn(browser, start: first)
            #expect(pages.count > 3)
            #expect(pages.contains("meedoen"))
            #expect(thanks.body.contains(survey.interfaceText(.thanksTitle, "ar")))
        }
        let stored = try #require(try peiling.database.response(of: "L01"))
        #expect(stored.complete)
        #expect(stored.method == .digital)
        #expect(stored.language == "ar")
        #expect(stored.answers["info-kanaal"]?.value == .choices(Array(survey.question("info-kanaal")!.options.prefix(2).map(\.id))))
        // The follow-up question appeared after "meedoen-wil" was answered on the same page, and was answered.
        #expect(stored.answers["meedoen-wat"] != nil)
        #expect(survey.missingRequired(stored.answers).isEmpty)
        #expect(try peiling.database.status().responses == 1)
    }

    @Test(arguments: ServerTestBackend.available) func dutchParentStopsComesBackGoesBackAndChangesAfterSending(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        let firstTheme = survey.themes[0]
        try await peiling.withServer { browser in
            let first = try await browser.get("/s/\(code)")
            #expect(first.body.contains("<html lang=\"nl\" dir=\"ltr\">"))
            // Answer page 1 and stop for now.
            var fields: [(String, String)] = [("page", firstTheme.id), ("lang", "nl"), ("action", "save")]
            for id in first.shownQuestions { fields.append(("shown", id)) }
            fields += [("q-info-kanaal", "email"), ("q-info-kanaal", "gesprek")]
            let saved = try await browser.post("/s/\(code)", fields)
            #expect(saved.status == .seeOther)
            #expect(try await browser.follow(saved).body.contains(survey.interfaceText(.savedTitle, "nl")))
            #expect(try peiling.database.response(of: "L02")?.complete == false)

            // Later, the same link opens with the answers kept.
            let again = try await browser.get("/s/\(code)")
            #expect(again.checked("info-kanaal") == ["email", "gesprek"])

            // Next, then back: page 1 still shows what was ticked.
            let next = try await browser.post("/s/\(code)", [("page", firstTheme.id), ("lang", "nl"), ("action", "next"),
                                                             ("shown", "info-kanaal"), ("q-info-kanaal", "email")])
            let page2 = try await browser.follow(next)
            #expect(page2.inputValue("page") == survey.themes[1].id)
            let back = try await browser.post("/s/\(code)", [("page", survey.themes[1].id), ("lang", "nl"), ("action", "previous")])
            let page1 = try await browser.follow(back)
            #expect(page1.inputValue("page") == firstTheme.id)
            #expect(page1.checked("info-kanaal") == ["email"])

            // Fill in everything and send; then open again and change one answer.
            try await FormFiller(survey: survey).fillIn(browser, start: page1)
            let reopened = try await browser.get("/s/\(code)")
            let change = try await browser.post("/s/\(code)", [("page", firstTheme.id), ("lang", "nl"), ("action", "next"),
                                                               ("shown", "info-kanaal"), ("q-info-kanaal", "telefoon")])
            #expect(reopened.status == .ok)
            #expect(change.status == .seeOther)
        }
        let stored = try #require(try peiling.database.response(of: "L02"))
        #expect(stored.answers["info-kanaal"]?.value == .choices(["telefoon"]))
        #expect(stored.complete, "changing a sent form keeps it sent")
        let count = try peiling.database.read { try $0.value("SELECT COUNT(*) FROM response") as Int? }
        #expect(count == 1)
    }

    @Test(arguments: ServerTestBackend.available) func resubmittedFinalPageNeverMakesASecondResponse(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L03"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let start = try await browser.get("/s/\(code)")
            try await FormFiller(survey: survey).fillIn(browser, start: start)
            // The browser posts the last page again (double click, or "resend" after going back).
            let last = try #require(survey.themes.last)
            var fields: [(String, String)] = [("page", last.id), ("lang", "nl"), ("action", "submit")]
            for question in last.questions { fields += [("shown", question.id)] + FormFiller(survey: survey).fields(for: question) }
            let first = try await browser.post("/s/\(code)", fields)
            let second = try await browser.post("/s/\(code)", fields)
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            #expect(second.location?.contains("/thanks") == true)
        }
        let count = try peiling.database.read { try $0.value("SELECT COUNT(*) FROM response WHERE respondent_id = 'L03'") as Int? }
        #expect(count == 1)
        #expect(try peiling.database.status().responses == 1)
    }

    @Test(arguments: ServerTestBackend.available) func sendingWithARequiredAnswerMissingLeadsToThatPage(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let survey = peiling.survey
        let last = try #require(survey.themes.last)
        try await peiling.withServer { browser in
            let response = try await browser.post("/s/\(code)", [("page", last.id), ("lang", "nl"), ("action", "submit")])
            #expect(response.status == .seeOther)
            let page = try await browser.follow(response)
            #expect(page.status == .unprocessableContent)
            #expect(page.inputValue("page") == survey.themes[0].id)
            #expect(page.body.contains(survey.interfaceText(.errorSummary, "nl")))
            #expect(page.body.contains("href=\"#q-info-kanaal\""))
        }
        #expect(try peiling.database.response(of: "L04")?.complete != true)
    }

    @Test(arguments: ServerTestBackend.available) func closedPeilingShowsAKindPageAndSavesNothing(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try peiling.database.setClosed(true)
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)?lang=en")
            #expect(page.body.contains(peiling.survey.interfaceText(.closed, "en")))
            let post = try await browser.post("/s/\(code)", [("page", "informatie"), ("lang", "nl"), ("action", "next"),
                                                             ("shown", "info-kanaal"), ("q-info-kanaal", "email")])
            #expect(post.body.contains(peiling.survey.interfaceText(.closed, "nl")))
        }
        #expect(try peiling.database.response(of: "L02") == nil)
    }
}
