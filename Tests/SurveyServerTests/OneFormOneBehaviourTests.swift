import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The web form, the kiosk, the interview screen and the paper form agree: the same numbers, the same limits.
@Suite struct OneFormOneBehaviourTests {
    @Test("'Kies er hoogstens drie': a fourth choice is refused with a message, and nothing of it is stored")
    func atMostThreeChoices() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let question = try #require(peiling.survey.question("samen-belangrijk"))
        #expect(question.maxChoices == 3)
        let four = question.options.prefix(4).map { ("q-samen-belangrijk", $0.id) }
        try await peiling.withServer { browser in
            let refused = try await browser.post("/s/\(code)", [("page", "samenwerken"), ("lang", "nl"), ("action", "save"),
                                                                ("shown", "samen-belangrijk")] + four)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("U koos er te veel. Kies er hoogstens 3."))
            #expect(refused.checked("samen-belangrijk").count == 4, "what was ticked comes back to be fixed")
            let three = try await browser.post("/s/\(code)", [("page", "samenwerken"), ("lang", "nl"), ("action", "save"),
                                                              ("shown", "samen-belangrijk")] + four.prefix(3))
            #expect(three.status == .seeOther)
        }
        let stored = try #require(try peiling.database.response(of: "L02"))
        #expect(stored.answers["samen-belangrijk"]?.chosen.count == 3)
    }

    @Test("Questions are numbered 1.1 to 8.2 on the web, as on paper and in `enter`; a follow-up keeps its number")
    func paperNumbersOnTheWeb() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            let first = try await browser.get("/s/\(code)")
            #expect(first.body.contains("<span class=\"qnum\" dir=\"ltr\">1.1</span>"))
            let all = try await browser.get("/s/\(code)/all")
            let last = try #require(peiling.survey.themes.last?.questions.last)
            let number = "\(peiling.survey.themes.count).\(peiling.survey.themes.last!.questions.count)"
            #expect(peiling.survey.questionNumber(last.id) == number)
            #expect(all.body.contains("<span class=\"qnum\" dir=\"ltr\">\(number)</span>"))
            #expect(!all.body.contains("<span class=\"qnum\" dir=\"ltr\">37</span>"))
        }
    }

    @Test("Interview screen: buttons, progress, hints, help and errors in Dutch beside the parent's Arabic")
    func interviewScreenIsBilingual() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            _ = try await StaffTests.logIn(browser)
            let page = try await browser.get("/staff/interview/\(code)?method=oral_interpreter&interpreter=professional&lang=ar")
            #expect(page.status == .ok)
            #expect(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            let beside = { (text: String) in "<span class=\"nl-beside\" lang=\"nl\" dir=\"ltr\">\(text)" }
            #expect(page.body.contains(survey.interfaceText(.next, "ar") + " " + beside("Volgende")))
            #expect(page.body.contains(beside("Deel 1 van \(survey.themes.count)")))
            #expect(page.body.contains(beside("Kies één antwoord.")))
            #expect(page.body.contains(beside("Kies wat bij u past. Meer antwoorden mag.")))
            #expect(page.body.contains("(mag u overslaan)"), "a Dutch staff member sees which questions are optional")
            #expect(page.body.contains(beside("Alle vragen op één pagina")))

            // A required question left open: the error in Arabic and in Dutch, at the field and in the summary.
            let carried = page.hiddenFields.filter { !["page", "lang", "shown"].contains($0.0) }
            let pageID = try #require(page.inputValue("page"))
            let fields = carried + [("page", pageID), ("lang", "ar"), ("action", "next")] + page.shownQuestions.map { ("shown", $0) }
            let posted = try await browser.post("/staff/interview/\(code)", fields)
            #expect(posted.status == .unprocessableContent)
            #expect(posted.body.contains(survey.interfaceText(.required, "ar")))
            #expect(posted.body.contains(beside("Vul dit in, alstublieft.")))
            #expect(posted.body.contains(beside("Nog niet alles is goed ingevuld:")))
        }
    }

    @Test("The parent's own form stays in one language: no Dutch interface texts beside Arabic")
    func parentFormIsNotBilingual() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L01"])
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)")
            #expect(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(!page.body.contains("nl-beside"))
        }
    }

    @Test("A follow-up question waits hidden in the page for follow-up.js, not posted as shown; /favicon.ico is an icon")
    func followUpWaitsInThePage() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            let page = try await browser.get("/s/\(code)?page=meedoen&lang=nl")
            #expect(page.status == .ok)
            #expect(page.body.contains("<script src=\"/static/follow-up.js\" defer></script>"))
            #expect(page.body.contains("hidden data-if=\"q-meedoen-wil\" data-if-answered=\"ja-graag soms\">"))
            #expect(page.body.contains("<input type=\"hidden\" name=\"shown\" value=\"meedoen-wat\" disabled>"))
            #expect(!page.shownQuestions.contains("meedoen-wat"))
            let script = try await browser.get("/static/follow-up.js")
            #expect(script.status == .ok)
            #expect(script.body.contains("data-if"))
            let icon = try await browser.get("/favicon.ico")
            #expect(icon.status == .movedPermanently)
            #expect(icon.location == "/static/favicon.ico")
            #expect(try await browser.get("/static/favicon.ico").status == .ok)
        }
    }

    @Test("The dashboard shows the settings and, until they are complete, what the letter still needs")
    func dashboardShowsTheSettings() async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            let before = try await StaffTests.logIn(browser)
            #expect(before.body.contains("De brief mist nog: --school --contact --contact-info --deadline."))
            try peiling.database.updateSettings { settings in
                settings.school = "Basisschool De Regenboog"
                settings.contact = "juf Anna de Vries"
                settings.contactInfo = "anna@deregenboog.nl"
                settings.deadline = try? Deadline(parsing: "2026-12-18")
            }
            let after = try await browser.get("/staff")
            #expect(after.body.contains("<dd>Basisschool De Regenboog</dd>"))
            #expect(after.body.contains("<dd>vrijdag 18 december 2026</dd>"))
            #expect(!after.body.contains("De brief mist nog"))
        }
    }
}
