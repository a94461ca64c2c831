import Foundation
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// Issue 9.1 and 9.2 on the server: every page of the kiosk carries a one-time token, every parent a new
/// CSRF token; a page from before is refused; a draft is saved without sending; "still here" keeps a parent
/// who answers without sending a page. (The same in a real browser: Tests/browser/.)
@Suite struct KioskBetweenParentsTests {
    func informatie(_ csrf: String, _ choice: String, action: String = "next") -> [(String, String)] {
        [("csrf", csrf), ("page", "informatie"), ("lang", "nl"), ("action", action), ("shown", "info-kanaal"), ("q-info-kanaal", choice)]
    }

    @Test(arguments: ServerTestBackend.available) func aPageThatWasSentAlreadyCannotBeSentAgain(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            let form = try await browser.startKioskParent(code: try #require(peiling.codes["L01"]))
            let token = try #require(form.inputValue("csrf"))
            let sent = try await browser.post("/kiosk/form", informatie(token, "papier"))
            #expect(sent.status == .seeOther)
            #expect(sent.location?.hasPrefix("/kiosk/form?page=") == true)

            // The same page again (Back to a page restored from the browser's cache, then "Volgende").
            let again = try await browser.post("/kiosk/form", informatie(token, "app"))
            #expect(again.status == .seeOther)
            #expect(again.location == "/kiosk?expired=1")
            let start = try await browser.follow(again)
            #expect(start.body.contains("name=\"code\""), "the start screen follows")
            #expect(start.body.contains(peiling.survey.interfaceText(.kioskExpired, "nl")))
            // The parent's visit ended: their form is not reachable without the code.
            let form2 = try await browser.get("/kiosk/form")
            #expect(form2.location == "/kiosk")
        }
        let stored = try #require(try peiling.database.response(of: "L01"))
        #expect(stored.answers["info-kanaal"]?.value == .choices(["papier"]), "the refused post changed nothing")
    }

    @Test(arguments: ServerTestBackend.available) func aPreviousParentsPageCannotBeSentIntoTheNextParentsResponse(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            let pageOfA = try await browser.startKioskParent(code: try #require(peiling.codes["L02"]))
            let stopped = try await browser.post("/kiosk/leave", [])
            #expect(stopped.location == "/kiosk")
            _ = try await browser.startKioskParent(code: try #require(peiling.codes["L03"]))
            // Parent B presses Back until parent A's page shows, and sends it.
            let restored = try await browser.post("/kiosk/form", informatie(try #require(pageOfA.inputValue("csrf")), "telefoon"))
            #expect(restored.location == "/kiosk?expired=1")
        }
        #expect(try peiling.database.response(of: "L03") == nil, "nothing of parent A in parent B's response")
        #expect(try peiling.database.response(of: "L02") == nil)
    }

    @Test(arguments: ServerTestBackend.available) func everyParentGetsANewCSRFToken(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            let startA = try await browser.get("/kiosk")
            let formA = try await browser.startKioskParent(code: try #require(peiling.codes["L04"]))
            _ = try await browser.post("/kiosk/leave", [])
            let startB = try await browser.get("/kiosk")
            let formB = try await browser.startKioskParent(code: try #require(peiling.codes["L05"]))
            let tokens = [startA, formA, startB, formB].map { $0.inputValue("csrf") ?? "" }
            #expect(Set(tokens).count == 4, "\(tokens)")
            #expect(!tokens.contains(""))

            // The start screen parent A used cannot start anyone again (Back to it, with A's code typed in).
            _ = try await browser.post("/kiosk/leave", [])
            let reused = try await browser.post("/kiosk/start", [("csrf", tokens[0]), ("code", try #require(peiling.codes["L04"]))])
            #expect(reused.location == "/kiosk?expired=1")
            let form = try await browser.get("/kiosk/form")
            #expect(form.location == "/kiosk", "nobody was started by the old start page")
        }
    }

    @Test(arguments: ServerTestBackend.available) func theIdleScriptsDraftIsSavedUnsentAndEndsTheVisit(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            // The paged form: one page, required question left open, the typed text kept.
            let page = try await browser.startKioskParent(code: try #require(peiling.codes["L01"]))
            let draft = try await browser.post("/kiosk/form", [
                ("csrf", page.inputValue("csrf") ?? ""), ("page", "informatie"), ("lang", "nl"), ("action", "draft"),
                ("shown", "info-kanaal"), ("q-info-kanaal", "anders"), ("other-info-kanaal", "Via de buurvrouw"),
                ("shown", "info-duidelijk")])
            #expect(draft.status == .seeOther)
            #expect(draft.location == "/kiosk")
            let after = try await browser.get("/kiosk/form")
            #expect(after.location == "/kiosk", "the screen returned to the start and the parent is gone")

            // The one-page form the same way.
            _ = try await browser.startKioskParent(code: try #require(peiling.codes["L02"]))
            let all = try await browser.get("/kiosk/form/all")
            let draftAll = try await browser.post("/kiosk/form/all", [
                ("csrf", all.inputValue("csrf") ?? ""), ("lang", "nl"), ("action", "draft"),
                ("shown", "school-doen"), ("q-school-doen", "Ik lees nog even verder."), ("shown", "info-kanaal")])
            #expect(draftAll.location == "/kiosk")
        }
        let paged = try #require(try peiling.database.response(of: "L01"))
        #expect(paged.answers["info-kanaal"]?.value == .choices(["anders"]))
        #expect(paged.answers["info-kanaal"]?.otherText == "Via de buurvrouw")
        #expect(!paged.complete)
        let onePage = try #require(try peiling.database.response(of: "L02"))
        #expect(onePage.answers["school-doen"]?.value == .text("Ik lees nog even verder."))
        #expect(!onePage.complete)
    }

    @Test(arguments: ServerTestBackend.available) func stillHereKeepsAParentWhoAnswersWithoutSendingAPage(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        // The server forgets a parent 6 s after the kiosk's last request (idle time 4 s plus the margin). The
        // parent keeps answering for 8 s, the script saying "still here" every second: a request may come up
        // to 5 s late (a busy machine) and the parent is still kept, yet without the pings they would be gone.
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, kioskIdleSeconds: 4)
        try await peiling.withServer(configuration) { browser in
            try await browser.unlockKiosk()
            let page = try await browser.startKioskParent(code: try #require(peiling.codes["L03"]))
            let token = try #require(page.inputValue("csrf"))
            for _ in 0..<8 {
                try await Task.sleep(for: .seconds(1))
                let alive = try await browser.post("/kiosk/alive", [("csrf", token)])
                #expect(alive.status == .noContent)
            }
            let sent = try await browser.post("/kiosk/form", informatie(token, "deur"))
            #expect(sent.status == .seeOther)
            #expect(sent.location?.hasPrefix("/kiosk/form?page=") == true, "the parent answering for 8 s is still in")
            // The page that was sent is not the current one any more.
            let stale = try await browser.post("/kiosk/alive", [("csrf", token)])
            #expect(stale.status == .conflict)
        }
        let stored = try #require(try peiling.database.response(of: "L03"))
        #expect(stored.answers["info-kanaal"]?.value == .choices(["deur"]))
    }
}
