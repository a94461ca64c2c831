import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// Shows and saves the pages of one respondent's form through one channel. Every page that is accepted
/// is saved at once (the same response row, never a second one), so a parent can stop and come back.
struct FormResponder: Sendable {
    let database: SurveyDatabase
    let pages: Pages
    let saves: SaveBatcher

    /// A form page for `respondent`, at `themeID` or the first page.
    /// `prefetched` is the respondent's stored response when the caller already read it (`.some(nil)`: none yet).
    func show(survey: Survey, respondent: Respondent, channel: FormChannel, language: String, themeID: String?,
              showMissing: Bool = false, prefetched: StoredResponse?? = nil) throws -> Response {
        let stored = try prefetched ?? database.response(of: respondent.id)
        let answers = stored?.answers ?? [:]
        let flow = FormFlow(survey: survey)
        let visible = flow.pages(given: answers)
        let index = visible.firstIndex { $0.id == themeID } ?? 0
        let theme = visible[index]
        var problems: [AnswerProblem] = []
        if showMissing, let missing = flow.firstPageMissingRequired(answers), missing.theme.id == theme.id {
            problems = missing.problems
        }
        return render(survey: survey, channel: channel, language: language, theme: theme, answers: answers,
                      values: PageValues(answers), problems: problems, version: stored?.version ?? 0,
                      status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// Reads a posted page, saves it, and answers with the next page (303) or the same page with messages.
    func post(_ form: FormBody, survey: Survey, respondent: Respondent, channel: FormChannel, language: String,
              prefetched: StoredResponse?? = nil) async throws -> Response {
        guard let action = FormFlow.Action(rawValue: form["action"] ?? "next"),
              let theme = survey.themes.first(where: { $0.id == form["page"] }) else {
            throw HTTPError(.badRequest, message: "The form does not belong to this survey.")
        }
        let flow = FormFlow(survey: survey)
        let stored = try prefetched ?? database.response(of: respondent.id)
        let basedOn = Self.basedOnVersion(form, stored: stored)
        let posted = try flow.read(form, theme: theme, stored: stored?.answers ?? [:], action: action)
        if !posted.problems.isEmpty {
            return render(survey: survey, channel: channel, language: language, theme: theme, answers: posted.answers,
                          values: posted.values, problems: posted.problems, version: basedOn, status: .unprocessableContent)
        }
        let missing = flow.firstPageMissingRequired(posted.answers)
        let completes = action == .submit && missing == nil && !posted.revealed
        do {
            try await saves.save(NewResponse(
                respondentID: respondent.id, method: channel.method, language: language, interpreter: channel.interpreter,
                enteredBy: channel.enteredBy, answers: posted.answers, complete: completes, basedOnVersion: basedOn))
        } catch let conflict as ResponseConflict {
            // Show the page again over what is stored now, with what was typed, and save nothing until the
            // parent presses again (then against the version they have now seen).
            let again = try flow.read(form, theme: theme, stored: conflict.current.answers, action: action)
            return render(survey: survey, channel: channel, language: language, theme: theme, answers: again.answers,
                          values: PageValues(again.answers).overlaid(with: again.values), problems: [],
                          notice: Self.changedElsewhere(conflict), version: conflict.current.version, status: .conflict)
        }
        if posted.revealed {
            return render(survey: survey, channel: channel, language: language, theme: theme, answers: posted.answers,
                          values: posted.values, problems: [], notice: survey.interfaceText(.followUp, language),
                          revealed: posted.revealedQuestions, version: try database.response(of: respondent.id)?.version ?? 0,
                          status: .ok)
        }
        let visible = flow.pages(given: posted.answers)
        let order = survey.themes.map(\.id)
        let position = order.firstIndex(of: theme.id) ?? 0
        switch action {
        case .next:
            if let next = visible.first(where: { (order.firstIndex(of: $0.id) ?? 0) > position }) {
                return Pages.redirect(channel.url(page: next.id, language: language))
            }
            return Pages.redirect(channel.url(page: theme.id, language: language))
        case .previous:
            let previous = visible.last { (order.firstIndex(of: $0.id) ?? 0) < position } ?? visible.first ?? theme
            return Pages.redirect(channel.url(page: previous.id, language: language))
        case .save:
            return Pages.redirect(channel.url("/saved", language: language))
        case .submit:
            if let missing {
                return Pages.redirect(channel.url(page: missing.theme.id, language: language, extra: [("missing", "1")]))
            }
            return Pages.redirect(channel.url("/thanks", language: language))
        }
    }

    func render(survey: Survey, channel: FormChannel, language: String, theme: Theme, answers: Answers, values: PageValues,
                problems: [AnswerProblem], notice: String? = nil, revealed: [String] = [], version: Int64,
                status: HTTPResponse.Status) -> Response {
        let flow = FormFlow(survey: survey)
        var visible = flow.pages(given: answers)
        if !visible.contains(where: { $0.id == theme.id }) { visible.append(theme) }
        let index = visible.firstIndex { $0.id == theme.id } ?? 0
        let model = PageModel(survey: survey, channel: channel, language: language)
        var form = model.form(theme: theme, pageIndex: index, pageCount: visible.count,
                              questions: flow.questions(of: theme, given: answers), values: values, problems: problems, notice: notice,
                              revealed: revealed)
        form.merge(model.layout(title: form["title"] as? String ?? "", switchPath: channel.url(page: theme.id))) { _, new in new }
        form["version"] = String(version)
        if index == 0 { form.merge(model.deadlineNote(try? database.settings())) { _, new in new } }
        return pages.html("form", form, status: status)
    }
}

extension FormResponder {
    /// The response version a posted page started from: the hidden field the page carried, or (a page
    /// without it) the version this request read, so a save never lands on answers it did not see.
    static func basedOnVersion(_ form: FormBody, stored: StoredResponse?) -> Int64 {
        form["version"].flatMap { Int64($0) } ?? stored?.version ?? 0
    }

    /// The plain message above a page whose save was refused because the answers changed elsewhere
    /// (another tab, the kiosk, staff typing the paper form), in Dutch with English beside it.
    static func changedElsewhere(_ conflict: ResponseConflict) -> String {
        let who = conflict.changedBy
        return "Uw antwoorden zijn intussen ergens anders veranderd (\(who.dutch), \(conflict.changedAt)). "
            + "Wat u net invulde staat hieronder, maar is nog niet bewaard: kijk het na en druk nog een keer op de knop om het te bewaren. "
            + "/ Your answers were changed elsewhere in the meantime (\(who.english), \(conflict.changedAt)). "
            + "What you just entered is shown below but has not been saved: check it and press the button again to save it."
    }
}
