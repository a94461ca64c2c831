import Foundation
import SurveyCore
import SurveyStore
import Testing

/// "Alle vragen op één pagina": a parent answers every question in one form and sends it with one post,
/// over real HTTP, with the same checks as the paged form.
@Suite struct OnePageFormTests {
    /// The fields a parent posts for the questions `page` shows (see `FormFiller.onePageFields`).
    func answers(on page: Browser.Page, survey: Survey, reveal: Bool = false, leaving skipped: Set<String> = [],
                 action: String = "submit") throws -> [(String, String)] {
        try FormFiller(survey: survey).onePageFields(on: page, reveal: reveal, leaving: skipped, action: action)
    }

    /// What the posted fields mean, read with the shared answer rules: what the stored response must hold.
    func expected(_ fields: [(String, String)], survey: Survey) throws -> Answers {
        var answers: Answers = [:]
        for (name, _) in fields where name.hasPrefix("q-") && answers[String(name.dropFirst(2))] == nil {
            let id = String(name.dropFirst(2))
            let question = try #require(survey.question(id))
            answers[id] = try AnswerParser.parse(question, values: fields.filter { $0.0 == name }.map(\.1), otherText: nil)
        }
        return answers
    }

    @Test(arguments: ServerTestBackend.available) func dutchParentSendsTheWholeFormInOnePost(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)/all")
            #expect(page.status == .ok)
            #expect(page.body.contains("<html lang=\"nl\" dir=\"ltr\">"))
            // Every theme is a section with its heading; one form, one "send" button, no "next".
            for theme in survey.themes {
                #expect(page.body.contains("<h2 id=\"t-\(theme.id)-title\">\(theme.title.dutch)</h2>"))
            }
            #expect(page.body.contains("<p class=\"part\">Deel 1 van \(survey.themes.count)</p>"), "each part says where the parent is")
            #expect(page.body.components(separatedBy: "<form method=\"post\"").count == 2)
            #expect(page.body.components(separatedBy: "name=\"action\" value=\"submit\"").count == 2)
            #expect(!page.body.contains("value=\"next\""))
            #expect(page.body.contains(">Versturen</button>"))
            #expect(page.body.contains(">Opslaan, later verder</button>"))
            #expect(page.body.contains("<a href=\"/s/\(code)?lang=nl\">Eén onderwerp per pagina</a>"))
            // A follow-up question waits for its trigger.
            #expect(!page.shownQuestions.contains("meedoen-wat"))
            #expect(page.shownQuestions.count == survey.questions.filter { $0.showIf == nil }.count)

            let fields = try answers(on: page, survey: survey)
            let sent = try await browser.post("/s/\(code)/all", fields)
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/s/\(code)/thanks?lang=nl")
            #expect(try await browser.follow(sent).body.contains("Dank u wel!"))

            // The save is committed before the thank-you redirect: one complete response with every answer.
            let stored = try #require(try peiling.database.response(of: "L04"))
            #expect(stored.complete)
            #expect(stored.method == .digital)
            #expect(stored.language == "nl")
            #expect(stored.answers == (try expected(fields, survey: survey)), "every answer of the one post is stored")
            #expect(stored.answers.count == survey.questions.filter { $0.showIf == nil }.count)
        }
        #expect(try peiling.database.status().responses == 1)
    }

    @Test(arguments: ServerTestBackend.available) func aMissingRequiredAnswerComesBackWithEverythingTypedKept(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)/all")
            var fields = try answers(on: page, survey: survey, leaving: ["contact-welkom"])
            fields = fields.map { $0.0 == "q-school-doen" ? ($0.0, "Een <b>koffie</b>ochtend & meer") : $0 }
            fields = fields.map { $0.0 == "q-aantal-kinderen" ? ($0.0, "3") : $0 }
            let response = try await browser.post("/s/\(code)/all", fields)
            #expect(response.status == .unprocessableContent)
            // The summary at the top names the question and links to it; the question shows the message.
            let summary = try #require(response.body.range(of: "class=\"error-summary\""))
            let firstQuestion = try #require(response.body.range(of: "class=\"question"))
            #expect(summary.lowerBound < firstQuestion.lowerBound)
            #expect(response.body.contains("Nog niet alles is goed ingevuld:"))
            let contact = try #require(survey.question("contact-welkom"))
            #expect(response.body.contains("<a href=\"#q-contact-welkom\">\(contact.text.dutch) – Vul dit in, alstublieft.</a>"))
            #expect(response.body.contains("<p class=\"error\" id=\"err-contact-welkom\">Vul dit in, alstublieft.</p>"))
            #expect(response.body.components(separatedBy: "class=\"error\" id=").count == 2, "only the missing answer is marked")
            // Everything typed or ticked is still there.
            #expect(response.checked("info-kanaal") == Array(survey.question("info-kanaal")!.options.prefix(2).map(\.id)))
            #expect(response.checked("meedoen-wil") == ["geen-tijd"])
            #expect(response.body.contains("id=\"q-aantal-kinderen\" value=\"3\""))
            #expect(response.body.contains("Een &lt;b&gt;koffie&lt;/b&gt;ochtend &amp; meer</textarea>"))
            #expect(response.shownQuestions == page.shownQuestions)
        }
        #expect(try peiling.database.response(of: "L02") == nil, "nothing half-written")
    }

    @Test(arguments: ServerTestBackend.available) func answeringATriggerShowsTheFollowUpThenTheFormIsSent(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)/all")
            #expect(!page.shownQuestions.contains("meedoen-wat"))
            let fields = try answers(on: page, survey: survey, reveal: true)
            #expect(fields.contains { $0 == ("q-meedoen-wil", "ja-graag") })
            let again = try await browser.post("/s/\(code)/all", fields)
            // The page comes back with the new question, a notice linking to it, and every answer kept.
            #expect(again.status == .ok)
            #expect(again.body.contains("Er is een vraag bijgekomen. Kijk die even na."))
            #expect(again.body.contains("<a href=\"#q-meedoen-wat\">"))
            #expect(again.shownQuestions.contains("meedoen-wat"))
            #expect(again.checked("meedoen-wil") == ["ja-graag"])
            #expect(again.checked("meedoen-wat").isEmpty)
            #expect(!again.body.contains("class=\"error-summary\""), "a new question is not an error")
            #expect(try peiling.database.response(of: "L02")?.complete == false, "saved, but not sent yet")

            let final = try answers(on: again, survey: survey, reveal: true)
            let sent = try await browser.post("/s/\(code)/all", final)
            #expect(sent.status == .seeOther)
            #expect(sent.location?.contains("/thanks") == true)
        }
        let stored = try #require(try peiling.database.response(of: "L02"))
        #expect(stored.complete)
        #expect(stored.answers["meedoen-wat"]?.value == .choices(Array(survey.question("meedoen-wat")!.options.prefix(2).map(\.id))))
        #expect(survey.missingRequired(stored.answers).isEmpty)
    }

    @Test(arguments: ServerTestBackend.available) func aNewFollowUpAndAnOpenRequiredAnswerAreShownTogether(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)/all")
            let fields = try answers(on: page, survey: survey, reveal: true, leaving: ["contact-welkom"])
            let again = try await browser.post("/s/\(code)/all", fields)
            // One round trip names both: the open required question and the question that appeared.
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("<a href=\"#q-contact-welkom\">"))
            #expect(again.body.contains("Er is een vraag bijgekomen. Kijk die even na."))
            #expect(again.body.contains("<a href=\"#q-meedoen-wat\">"))
            #expect(!again.body.contains("id=\"err-meedoen-wat\""), "the new question is not an error")
            #expect(again.shownQuestions.contains("meedoen-wat"))

            let final = try answers(on: again, survey: survey, reveal: true)
            let sent = try await browser.post("/s/\(code)/all", final)
            #expect(sent.status == .seeOther)
            #expect(sent.location?.contains("/thanks") == true)
        }
        let stored = try #require(try peiling.database.response(of: "L04"))
        #expect(stored.complete)
        #expect(stored.answers["contact-welkom"] != nil)
        #expect(stored.answers["meedoen-wat"] != nil)
    }

    @Test(arguments: ServerTestBackend.available) func aResentFormNeverMakesASecondResponse(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L03"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let fields = try answers(on: try await browser.get("/s/\(code)/all"), survey: survey)
            // A double click, or "resend" after the back button.
            let first = try await browser.post("/s/\(code)/all", fields)
            let second = try await browser.post("/s/\(code)/all", fields)
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            #expect(second.location?.contains("/thanks") == true)
        }
        let count = try peiling.database.read { try $0.value("SELECT COUNT(*) FROM response WHERE respondent_id = 'L03'") as Int? }
        #expect(count == 1)
        #expect(try peiling.database.response(of: "L03")?.complete == true)
    }

    @Test(arguments: ServerTestBackend.available) func forgedFieldsAreRefusedAndSaveNothing(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let fields = try answers(on: try await browser.get("/s/\(code)/all"), survey: survey)
            #expect(try await browser.post("/s/\(code)/all", fields + [("q-bestaat-niet", "ja")]).status == .badRequest)
            #expect(try await browser.post("/s/\(code)/all", fields + [("other-bestaat-niet", "x")]).status == .badRequest)
            let next = fields.map { $0.0 == "action" ? ("action", "next") : $0 }
            #expect(try await browser.post("/s/\(code)/all", next).status == .badRequest, "the one page has no 'next'")
            #expect(try await browser.post("/s/\(code)/all", raw: Array("q-info-kanaal=%G1".utf8)).status == .badRequest)
            let wrong = try await browser.post("/s/AAAAAAAAAAAAAAAAAA/all", fields)
            #expect(wrong.status == .notFound)
        }
        #expect(try peiling.database.response(of: "L04") == nil)
        #expect(try peiling.database.status().responses == 0)
    }

    @Test(arguments: ServerTestBackend.available) func switchingBetweenPagedAndOnePageKeepsTheStoredAnswers(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        let survey = peiling.survey
        let firstTheme = survey.themes[0]
        let numberTheme = try #require(survey.theme(containing: "aantal-kinderen"))
        try await peiling.withServer { browser in
            // Paged, in Arabic (the roster's language): the link to the one page is there, in Arabic.
            let paged = try await browser.get("/s/\(code)")
            #expect(paged.body.contains("<a href=\"/s/\(code)/all?lang=ar#t-\(firstTheme.id)\">\(survey.interfaceText(.allOnOnePage, "ar"))</a>"))
            let saved = try await browser.post("/s/\(code)", [("page", firstTheme.id), ("lang", "ar"), ("action", "save"),
                                                              ("shown", "info-kanaal"), ("q-info-kanaal", "email"), ("q-info-kanaal", "gesprek")])
            #expect(saved.status == .seeOther)

            // The one page shows what was saved on the paged form, in Arabic, right to left.
            let all = try await browser.get("/s/\(code)/all")
            #expect(all.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(all.body.contains(survey.interfaceText(.onePagePerTheme, "ar")))
            #expect(all.body.contains(survey.themes[1].title["ar"]!))
            #expect(all.checked("info-kanaal") == ["email", "gesprek"])

            // Save for later on the one page (nothing required is asked yet), then back to the paged form.
            var fields: [(String, String)] = [("lang", "ar"), ("action", "save")]
            fields += all.shownQuestions.map { ("shown", $0) }
            fields += [("q-info-kanaal", "email"), ("q-info-kanaal", "gesprek"), ("q-aantal-kinderen", "2")]
            let later = try await browser.post("/s/\(code)/all", fields)
            #expect(later.status == .seeOther)
            #expect(later.location == "/s/\(code)/saved?lang=ar")
            let page = try await browser.get("/s/\(code)?page=\(numberTheme.id)")
            #expect(page.body.contains("id=\"q-aantal-kinderen\" value=\"2\""))
            let first = try await browser.get("/s/\(code)?page=\(firstTheme.id)")
            #expect(first.checked("info-kanaal") == ["email", "gesprek"])
        }
        let stored = try #require(try peiling.database.response(of: "L01"))
        #expect(!stored.complete)
        #expect(stored.answers["aantal-kinderen"]?.value == .number(2))
        #expect(stored.answers.count == 2)
    }

    @Test(arguments: ServerTestBackend.available) func theKioskAtTheConversationTakesTheWholeFormInOnePost(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L05"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            try await browser.unlockKiosk(mode: ResponseMethod.atSchoolConversation.rawValue)
            let start = try await browser.get("/kiosk")
            let began = try await browser.post("/kiosk/start", [("csrf", start.inputValue("csrf") ?? ""), ("code", code), ("lang", "nl")])
            let paged = try await browser.follow(began)
            #expect(paged.body.contains("<a href=\"/kiosk/form/all?lang=nl#t-\(survey.themes[0].id)\">Alle vragen op één pagina</a>"))

            let page = try await browser.get("/kiosk/form/all?lang=nl")
            #expect(page.body.contains("<form method=\"post\" action=\"/kiosk/form/all\""))
            #expect(!page.body.contains(code), "the code is not in the kiosk page")
            #expect(!page.body.contains("value=\"save\""), "nothing is kept for later on a shared screen")
            let csrf = try #require(page.inputValue("csrf"))
            let fields = try answers(on: page, survey: survey)
            #expect(try await browser.post("/kiosk/form/all", fields).status == .forbidden, "a post without the kiosk's token")
            let sent = try await browser.post("/kiosk/form/all", fields + [("csrf", csrf)])
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/kiosk/form/thanks?lang=nl")
        }
        let stored = try #require(try peiling.database.response(of: "L05"))
        #expect(stored.method == .atSchoolConversation)
        #expect(stored.complete)
        #expect(survey.missingRequired(stored.answers).isEmpty)
    }
}
