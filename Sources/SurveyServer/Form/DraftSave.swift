import Hummingbird
import SurveyCore
import SurveyStore

/// A draft: what a page shows, saved as it stands. The kiosk's idle script posts it before the screen
/// returns to the start, so a parent who walked away loses nothing they typed.
extension FormResponder {
    /// Saves the answers `form` carries for the questions of `themes` (one page, or every theme of the
    /// one-page form). Nothing is required; an answer that does not pass its check keeps the stored one;
    /// the response stays incomplete, or complete when it already was (a draft never sends a form).
    func saveDraft(_ form: FormBody, survey: Survey, themes: [Theme], respondent: Respondent, channel: FormChannel,
                   language: String) async throws {
        let stored = try database.response(of: respondent.id)
        let before = stored?.answers ?? [:]
        var posted = try FormFlow(survey: survey).read(form, themes: themes, stored: before, action: .save)
        for problem in posted.problems { posted.answers[problem.questionID] = before[problem.questionID] }
        // An untouched page of a parent with nothing saved yet is no response.
        if stored == nil && posted.answers.isEmpty { return }
        try await saves.save(NewResponse(
            respondentID: respondent.id, method: channel.method, language: language, interpreter: channel.interpreter,
            enteredBy: channel.enteredBy, answers: posted.answers, complete: stored?.complete ?? false))
    }
}
