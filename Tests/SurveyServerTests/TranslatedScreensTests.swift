import Foundation
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// The web form, the kiosk and the interview screen in Turkish, Polish and Ukrainian: the page says its
/// language (so the browser reads it aloud with the right voice and upper-cases Turkish i correctly), and
/// every text a parent reads is in that language.
@Suite struct TranslatedScreensTests {
    @Test(arguments: ["tr", "pl", "uk"])
    func parentFormIsInTheLanguageAndSavesIt(language: String) async throws {
        let peiling = try TestPeiling()
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        let survey = peiling.survey
        let first = try #require(survey.themes.first)
        try await peiling.withServer { browser in
            let form = try await browser.get("/s/\(code)?lang=\(language)")
            #expect(form.status == .ok)
            #expect(form.body.contains("<html lang=\"\(language)\" dir=\"ltr\">"))
            #expect(form.body.contains(html(first.title[language]!)))
            #expect(form.body.contains(html(first.questions[0].text[language]!)))
            #expect(form.body.contains(html(first.questions[0].options[0].label[language]!)))
            #expect(form.body.contains(html(survey.interfaceText(.readAloud, language))))
            #expect(form.body.contains(html(survey.interfaceText(.next, language))))
            for code in ["nl", "en", "ar", "tr", "pl", "uk"] {
                #expect(form.body.contains(">\(Language(code: code).nativeName)<"), "the language switch offers \(code)")
            }
            let (_, thanks) = try await FormFiller(survey: survey).fillIn(browser, start: form)
            #expect(thanks.body.contains(html(survey.interfaceText(.thanksTitle, language))))
        }
        let stored = try #require(try peiling.database.response(of: "L02"))
        #expect(stored.complete)
        #expect(stored.language == language)
    }

    @Test(arguments: ServerTestBackend.available) func kioskAndInterviewScreenInUkrainianAndTurkish(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let survey = peiling.survey
        let question = try #require(survey.questions.first)
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            let start = try await browser.get("/kiosk")
            let began = try await browser.post("/kiosk/start", [("csrf", start.inputValue("csrf") ?? ""), ("code", peiling.codes["L05"]!), ("lang", "uk")])
            let form = try await browser.follow(began)
            #expect(form.body.contains("<html lang=\"uk\" dir=\"ltr\">"))
            #expect(form.body.contains(html(question.text["uk"]!)))
            #expect(form.body.contains(html(survey.interfaceText(.kioskStop, "uk"))))

            _ = try await StaffTests.logIn(browser)
            let interview = try await browser.get("/staff/interview/\(peiling.codes["L03"]!)?method=oral_interpreter&interpreter=professional&lang=tr")
            #expect(interview.status == .ok)
            // The interviewer reads Dutch beside the Turkish the interpreter uses.
            #expect(interview.body.contains("<html lang=\"tr\" dir=\"ltr\">"))
            #expect(interview.body.contains(html(question.text["tr"]!)))
            #expect(interview.body.contains("lang=\"nl\" dir=\"ltr\"><span class=\"dutch-mark\">NL</span> \(html(question.text["nl"]!))"))
        }
    }

    /// How the templates escape a text.
    func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
