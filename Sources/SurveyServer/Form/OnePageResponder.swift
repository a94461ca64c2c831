import Hummingbird
import SurveyCore
import SurveyStore

/// The one-page layout of the form ("Alle vragen op één pagina"): every theme that has a question to
/// show as a section of one form, posted once. Reading and checking are the paged form's own
/// (`FormFlow.read` over all themes); a complete form is one durable save.
extension FormResponder {
    /// The one-page form with the stored answers filled in.
    /// `prefetched` is the respondent's stored response when the caller already read it (`.some(nil)`: none yet).
    func showAll(survey: Survey, respondent: Respondent, channel: FormChannel, language: String,
                 prefetched: StoredResponse?? = nil) throws -> Response {
        let stored = try prefetched ?? database.response(of: respondent.id)
        let answers = stored?.answers ?? [:]
        return renderAll(survey: survey, channel: channel, language: language, answers: answers, values: PageValues(answers),
                         problems: [], version: stored?.version ?? 0, status: .ok)
    }

    /// Reads the posted one-page form and saves it once: to the thank-you page (303) when it is sent and
    /// nothing required is missing, to the "saved" page for "save and continue later", or the same page
    /// again with the parent's values and the messages (422), or with a newly shown follow-up question.
    func postAll(_ form: FormBody, survey: Survey, respondent: Respondent, channel: FormChannel, language: String,
                 prefetched: StoredResponse?? = nil) async throws -> Response {
        guard let action = FormFlow.Action(rawValue: form["action"] ?? "submit"), action == .submit || action == .save else {
            throw HTTPError(.badRequest, message: "The form does not belong to this page.")
        }
        let flow = FormFlow(survey: survey)
        let stored = try prefetched ?? database.response(of: respondent.id)
        let basedOn = Self.basedOnVersion(form, stored: stored)
        var posted = try flow.read(form, themes: survey.themes, stored: stored?.answers ?? [:], action: action)
        let values = PageValues(posted.answers).overlaid(with: posted.values)
        if action == .submit {
            // Every required question left open is named at once, also one the post did not carry (an old
            // page, a partial post), so a parent fixes the whole page in one go. A follow-up question that
            // just appeared is not an error yet.
            let known = Set(posted.problems.map(\.questionID)).union(posted.revealedQuestions)
            posted.problems += flow.missingRequired(posted.answers).filter { !known.contains($0.questionID) }
        }
        let notice = posted.revealed ? survey.interfaceText(.followUp, language) : nil
        if !posted.problems.isEmpty {
            return renderAll(survey: survey, channel: channel, language: language, answers: posted.answers, values: values,
                             problems: posted.problems, notice: notice, revealed: posted.revealedQuestions, version: basedOn,
                             status: .unprocessableContent)
        }
        let completes = action == .submit && !posted.revealed
        do {
            try await saves.save(NewResponse(
                respondentID: respondent.id, method: channel.method, language: language, interpreter: channel.interpreter,
                enteredBy: channel.enteredBy, answers: posted.answers, complete: completes, basedOnVersion: basedOn))
        } catch let conflict as ResponseConflict {
            // As on the paged form: what was typed comes back over what is stored now, and nothing is saved.
            let again = try flow.read(form, themes: survey.themes, stored: conflict.current.answers, action: action)
            return renderAll(survey: survey, channel: channel, language: language, answers: again.answers,
                             values: PageValues(again.answers).overlaid(with: again.values), problems: [],
                             notice: Self.changedElsewhere(conflict), version: conflict.current.version, status: .conflict)
        }
        if posted.revealed {
            return renderAll(survey: survey, channel: channel, language: language, answers: posted.answers, values: values,
                             problems: [], notice: notice, revealed: posted.revealedQuestions,
                             version: try database.response(of: respondent.id)?.version ?? 0, status: .ok)
        }
        return Pages.redirect(channel.url(action == .save ? "/saved" : "/thanks", language: language))
    }

    /// The one-page form for `answers` (which decide the follow-up questions shown), showing `values`.
    func renderAll(survey: Survey, channel: FormChannel, language: String, answers: Answers, values: PageValues,
                   problems: [AnswerProblem], notice: String? = nil, revealed: [String] = [], version: Int64,
                   status: HTTPResponse.Status) -> Response {
        let flow = FormFlow(survey: survey)
        let sections = survey.themes.map { (theme: $0, questions: flow.questions(of: $0, given: answers)) }.filter { !$0.questions.isEmpty }
        let model = PageModel(survey: survey, channel: channel, language: language)
        var page = model.onePage(sections: sections, values: values, problems: problems, notice: notice, revealed: revealed)
        page["version"] = String(version)
        page.merge(model.deadlineNote(try? database.settings())) { _, new in new }
        return pages.html("form-all", page, status: status)
    }
}
