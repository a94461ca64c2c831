import Foundation
import SurveyCore
import Testing

/// A parent's complete one-page form, as their browser sends it to a running `ouderstem serve`.
enum ParentForm {
    static let survey = try! SurveyLoader.load(path: CLIFlowTests.surveyPath).survey

    /// The one-page web form as a parent sends it: every question the page shows, answered without
    /// bringing up follow-up questions, with the hidden fields the page carries.
    static func fields(_ server: RunningServer, code: String, text: String = "Via de link ingevuld door de ouder") throws -> [(String, String)] {
        let page = try server.request("GET", "/s/\(code)/all")
        #expect(page.status == 200)
        let shown = page.body.components(separatedBy: "name=\"shown\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let version = page.body.components(separatedBy: "name=\"version\" value=\"").dropFirst().first.map { String($0.prefix { $0 != "\"" }) }
        var fields: [(String, String)] = [("lang", "nl"), ("action", "submit"), ("version", try #require(version))]
        for id in shown {
            fields.append(("shown", id))
            let question = try #require(survey.question(id))
            let triggers = Set(survey.questions.compactMap(\.showIf).filter { $0.question == id }.flatMap(\.answered))
            switch question.type {
            case .text: fields.append(("q-\(id)", text))
            case .number: fields.append(("q-\(id)", AnswerParser.format(question.minimum ?? 1)))
            default: fields.append(("q-\(id)", try #require(question.options.first { !triggers.contains($0.id) }).id))
            }
        }
        return fields
    }

    /// Sends the complete form for `code`; true when the server acknowledged it (the thank-you page).
    static func send(_ server: RunningServer, code: String, text: String = "Via de link ingevuld door de ouder") throws -> Bool {
        let sent = try server.request("POST", "/s/\(code)/all", form: try fields(server, code: code, text: text))
        return sent.status == 303 && sent.location?.contains("/thanks") == true
    }
}
