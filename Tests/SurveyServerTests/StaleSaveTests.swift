import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Two writers on one form over real HTTP (issue 9, point 3): a parent's two tabs, a page save that
/// started before the form was sent, the one-page form. A stale save is refused with a plain message,
/// the page comes back with what was typed, and nothing stored is undone.
@Suite struct StaleSaveTests {
    static let conflictDutch = "Uw antwoorden zijn intussen ergens anders veranderd"
    static let conflictEnglish = "Your answers were changed elsewhere in the meantime"

    /// The fields of the first page with `kanaal` ticked for "info-kanaal", the rest as `FormFiller` answers.
    func firstPage(_ page: Browser.Page, kanaal: [String], survey: Survey, action: String = "save") throws -> [(String, String)] {
        var fields = page.hiddenFields.filter { $0.0 != "shown" } + [("action", action)]
        for id in page.shownQuestions {
            fields.append(("shown", id))
            if id == "info-kanaal" {
                fields += kanaal.map { ("q-info-kanaal", $0) }
            } else {
                fields += FormFiller(survey: survey).fields(for: try #require(survey.question(id)))
            }
        }
        return fields
    }

    @Test(arguments: ServerTestBackend.available) func theSecondOfTwoTabsIsToldAndKeepsWhatWasTyped(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        try await peiling.withServer { browser in
            let tabA = try await browser.get("/s/\(code)")
            let tabB = try await browser.get("/s/\(code)")
            #expect(tabA.inputValue("version") == "0")
            #expect(try await browser.post("/s/\(code)", try firstPage(tabB, kanaal: ["email"], survey: survey)).status == .seeOther)

            let refused = try await browser.post("/s/\(code)", try firstPage(tabA, kanaal: ["papier", "deur"], survey: survey))
            #expect(refused.status == .conflict)
            #expect(refused.body.contains(Self.conflictDutch) && refused.body.contains(Self.conflictEnglish))
            #expect(refused.body.contains("Digitaal (eigen apparaat)"), "says who changed it")
            #expect(refused.checked("info-kanaal") == ["papier", "deur"], "what tab A typed is still on the page")
            #expect(refused.inputValue("version") == "1", "the page now stands on the version just saved")
            #expect(try peiling.database.response(of: "L02")?.answers["info-kanaal"]?.value == .choices(["email"]), "tab B's save stands")

            // Pressing again is the explicit choice: now it saves.
            let again = try await browser.post("/s/\(code)", try firstPage(refused, kanaal: ["papier", "deur"], survey: survey))
            #expect(again.status == .seeOther)
            #expect(try peiling.database.response(of: "L02")?.answers["info-kanaal"]?.value == .choices(["papier", "deur"]))
        }
    }

    @Test(arguments: ServerTestBackend.available) func aStalePageSaveAfterSendingNeitherUndoesAnswersNorTheSending(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L03"])
        let survey = peiling.survey
        let filler = FormFiller(survey: survey)
        try await peiling.withServer { browser in
            let stale = try await browser.get("/s/\(code)")
            try await filler.fillIn(browser, start: try await browser.get("/s/\(code)"))
            let sent = try #require(try peiling.database.response(of: "L03"))
            #expect(sent.complete)

            // The old first page posted again with the same answers (a double click that arrives late): accepted, still sent.
            let kanaal = try #require(survey.question("info-kanaal")).options.prefix(2).map(\.id)
            let same = try await browser.post("/s/\(code)", try firstPage(stale, kanaal: kanaal, survey: survey, action: "next"))
            #expect(same.status == .seeOther)
            #expect(try peiling.database.response(of: "L03")?.complete == true)

            // The old page with other answers: refused; the sent form stays complete and unchanged.
            let other = try await browser.post("/s/\(code)", try firstPage(stale, kanaal: ["deur"], survey: survey, action: "next"))
            #expect(other.status == .conflict)
            #expect(other.body.contains(Self.conflictDutch))
            let after = try #require(try peiling.database.response(of: "L03"))
            #expect(after.complete, "complete never goes back to 0")
            #expect(after.answers == sent.answers)
        }
    }

    @Test(arguments: ServerTestBackend.available) func theOnePageFormIsRefusedOverAnswersItDidNotSee(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let survey = peiling.survey
        let filler = FormFiller(survey: survey, textAnswer: "Wat ik op de lange pagina typte")
        try await peiling.withServer { browser in
            let long = try await browser.get("/s/\(code)/all")
            // Meanwhile the first page is saved in another tab.
            let paged = try await browser.get("/s/\(code)")
            #expect(try await browser.post("/s/\(code)", try firstPage(paged, kanaal: ["gesprek"], survey: survey)).status == .seeOther)

            let fields = try filler.onePageFields(on: long) + long.hiddenFields.filter { $0.0 == "version" }
            let refused = try await browser.post("/s/\(code)/all", fields)
            #expect(refused.status == .conflict)
            #expect(refused.body.contains(Self.conflictEnglish))
            #expect(refused.body.contains("Wat ik op de lange pagina typte"), "the typed text comes back")
            let stored = try #require(try peiling.database.response(of: "L04"))
            #expect(!stored.complete && stored.answers["info-kanaal"]?.value == .choices(["gesprek"]))

            let again = try await browser.post("/s/\(code)/all", try filler.onePageFields(on: refused) + refused.hiddenFields.filter { $0.0 == "version" })
            #expect(again.status == .seeOther && again.location?.contains("/thanks") == true)
            #expect(try peiling.database.response(of: "L04")?.complete == true)
        }
    }
}
