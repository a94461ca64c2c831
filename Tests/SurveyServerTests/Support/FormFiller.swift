import Foundation
import SurveyCore
import Testing

/// Fills in a form page by page the way a parent does: answers what each page shows, presses "next"
/// (or "send" on the last page), and follows the redirects until the thank-you page.
struct FormFiller {
    let survey: Survey
    var textAnswer = "Graag vaker een kort bericht."

    /// The answer a test parent gives to `question`, as form fields.
    func fields(for question: Question) -> [(String, String)] {
        let name = "q-\(question.id)"
        switch question.type {
        case .single, .scale: return [(name, question.options[0].id)]
        case .multiple: return question.options.prefix(2).map { (name, $0.id) }
        case .number: return [(name, AnswerParser.format(question.minimum ?? 1))]
        case .text: return [(name, textAnswer)]
        }
    }

    /// Walks from `start` (a form page) to the thank-you page. Returns the pages visited (theme ids).
    @discardableResult
    func fillIn(_ browser: Browser, start: Browser.Page, extra: [(String, String)] = []) async throws -> (pages: [String], thanks: Browser.Page) {
        var page = start
        var visited: [String] = []
        for _ in 0..<40 {
            let themeID = try #require(page.inputValue("page"), "a form page has its page field")
            if visited.last != themeID { visited.append(themeID) }
            let action = page.body.contains("value=\"submit\"") ? "submit" : "next"
            var posted: [(String, String)] = [("page", themeID), ("lang", page.inputValue("lang") ?? "nl"), ("action", action)] + extra
            // The hidden fields the page carries (CSRF token, the interview's method and interpreter).
            posted += page.hiddenFields.filter { !["page", "lang", "shown"].contains($0.0) }
            for id in page.shownQuestions {
                posted.append(("shown", id))
                posted += fields(for: try #require(survey.question(id)))
            }
            let formAction = try #require(page.body.range(of: "<form method=\"post\" action=\"").map { range in
                String(page.body[range.upperBound...].prefix { $0 != "\"" })
            })
            let response = try await browser.post(formAction, posted)
            switch response.status {
            case .seeOther:
                let location = try #require(response.location)
                let next = try await browser.get(location)
                if location.contains("/thanks") { return (visited, next) }
                page = next
            case .ok:
                page = response  // a follow-up question appeared on the same page
            default:
                Issue.record("page \(themeID) answered with \(response.status): \(response.body.prefix(400))")
                throw CancellationError()
            }
        }
        throw CancellationError()
    }
}

extension FormFiller {
    /// The fields a parent posts on the one-page form for the questions `page` shows. Answers to
    /// questions that others depend on avoid the options that would show a follow-up question, unless
    /// `reveal` is set.
    func onePageFields(on page: Browser.Page, reveal: Bool = false, leaving skipped: Set<String> = [],
                       action: String = "submit") throws -> [(String, String)] {
        var fields: [(String, String)] = [("lang", page.inputValue("lang") ?? "nl"), ("action", action)]
        for id in page.shownQuestions {
            fields.append(("shown", id))
            if skipped.contains(id) { continue }
            let question = try #require(survey.question(id))
            let triggers = Set(survey.questions.compactMap(\.showIf).filter { $0.question == id }.flatMap(\.answered))
            if !reveal, !triggers.isEmpty, let quiet = question.options.first(where: { !triggers.contains($0.id) }) {
                fields.append(("q-\(id)", quiet.id))
            } else {
                fields += self.fields(for: question)
            }
        }
        return fields
    }
}
