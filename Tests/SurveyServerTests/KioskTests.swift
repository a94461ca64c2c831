import Foundation
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// The kiosk on a school device: unlocked by staff, one parent after another, nothing of the previous one reachable.
@Suite struct KioskTests {
    @Test(arguments: ServerTestBackend.available) func parentAnswersAtTheKioskAndTheScreenReturnsToTheStart(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L05"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            // Without the staff password the kiosk stays locked.
            let locked = try await browser.get("/kiosk")
            let wrong = try await browser.post("/kiosk/unlock", [("csrf", locked.inputValue("csrf") ?? ""), ("name", TestPeiling.staffName),
                                                                 ("password", "raden"), ("mode", "digital_at_school")])
            #expect(wrong.status == .unauthorized)
            #expect(browser.cookies["ouderstem_kiosk"] == nil)

            try await browser.unlockKiosk()
            let start = try await browser.get("/kiosk")
            #expect(start.body.contains("name=\"code\""))
            #expect(start.body.contains("autocomplete=\"off\""))
            let began = try await browser.post("/kiosk/start", [("csrf", start.inputValue("csrf") ?? ""), ("code", code), ("lang", "ar")])
            #expect(began.status == .seeOther)
            let form = try await browser.follow(began)
            #expect(form.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(!form.body.contains(code), "the code is not in the kiosk page or its address")
            #expect(form.body.contains("http-equiv=\"refresh\""), "an idle screen clears itself")
            let (_, thanks) = try await FormFiller(survey: survey).fillIn(browser, start: form)
            #expect(thanks.body.contains(survey.interfaceText(.kioskDone, "ar")))

            // The next parent finds the start screen in Dutch; the previous form is not reachable.
            let after = try await browser.get("/kiosk/form")
            #expect(after.status == .seeOther)
            #expect(after.location == "/kiosk")
            let fresh = try await browser.get("/kiosk")
            #expect(fresh.body.contains("<html lang=\"nl\""))
            #expect(!fresh.body.contains(code))
        }
        let stored = try #require(try peiling.database.response(of: "L05"))
        #expect(stored.method == .digitalAtSchool)
        #expect(stored.complete)
        #expect(stored.language == "ar")
    }

    @Test(arguments: ServerTestBackend.available) func idleKioskForgetsTheParentButKeepsTheAnswers(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        // 3 s, not less: with every suite running at once, the steps from the code screen to the first save
        // took over a second, and the parent was forgotten before the test could save.
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, kioskIdleSeconds: 3)
        try await peiling.withServer(configuration) { browser in
            try await browser.unlockKiosk(mode: "at_school_conversation")
            let form = try await browser.startKioskParent(code: code)
            let saved = try await browser.post("/kiosk/form", [("csrf", form.inputValue("csrf") ?? ""), ("page", "informatie"), ("lang", "nl"),
                                                               ("action", "next"), ("shown", "info-kanaal"), ("q-info-kanaal", "papier")])
            #expect(saved.status == .seeOther)
            let next = try await browser.follow(saved)
            // Without the kiosk script the page clears itself after the idle time.
            #expect(next.body.contains("<noscript><meta http-equiv=\"refresh\" content=\"3;url=/kiosk/leave\"></noscript>"))
            try await Task.sleep(for: .milliseconds(4500))
            let later = try await browser.get("/kiosk/form")
            #expect(later.status == .seeOther)
            #expect(later.location == "/kiosk")
            // The page that was on the screen cannot be sent any more: the server forgot the parent.
            let stale = try await browser.post("/kiosk/form", [("csrf", next.inputValue("csrf") ?? ""), ("page", "contact"), ("lang", "nl"),
                                                               ("action", "next")])
            #expect(stale.status == .seeOther)
            #expect(stale.location?.hasPrefix("/kiosk") == true)
            let start = try await browser.follow(stale)
            #expect(start.body.contains("name=\"code\""))
            // A forged post without the kiosk's token changes nothing.
            let forged = try await browser.post("/kiosk/form", [("page", "informatie"), ("action", "next")])
            #expect(forged.status == .forbidden || forged.status == .seeOther)
        }
        let stored = try #require(try peiling.database.response(of: "L04"))
        #expect(stored.answers["info-kanaal"]?.value == .choices(["papier"]))
        #expect(stored.method == .atSchoolConversation)
        #expect(!stored.complete)
    }
}
