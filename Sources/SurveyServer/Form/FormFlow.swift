import Hummingbird
import SurveyCore

/// The rules of the form, the same for every front door and for both layouts (one theme per page, or
/// all questions on one page): conditions applied, answers checked by `AnswerParser`, and what a posted
/// page means for the stored answers.
struct FormFlow: Sendable {
    let survey: Survey

    /// What the parent pressed.
    enum Action: String, Sendable {
        case next, previous, save, submit
        /// Moving back or stopping for now never insists on required answers.
        var checksRequired: Bool { self == .next || self == .submit }
    }

    /// The outcome of a posted page.
    struct Posted: Sendable {
        /// The stored answers with this page's answers in place of the old ones.
        var answers: Answers
        var problems: [AnswerProblem]
        /// What was posted, for showing the page again.
        var values: PageValues
        /// Follow-up questions on this page that became visible, in form order.
        var revealedQuestions: [String]
        /// A follow-up question became visible: show the page again so it can be answered.
        var revealed: Bool { !revealedQuestions.isEmpty }
    }

    /// The themes that have at least one question to show, given the answers so far.
    func pages(given answers: Answers) -> [Theme] {
        survey.themes.filter { !questions(of: $0, given: answers).isEmpty }
    }

    func questions(of theme: Theme, given answers: Answers) -> [Question] {
        theme.questions.filter { survey.isVisible($0, given: answers) }
    }

    /// Reads a posted page of the paged form: the questions of `theme`.
    func read(_ form: FormBody, theme: Theme, stored: Answers, action: Action) throws -> Posted {
        try read(form, themes: [theme], stored: stored, action: action)
    }

    /// Reads a posted form that showed the questions of `themes` (one theme per page, or every theme on
    /// the one-page form). Field names that are not questions of these themes mean a forged request (400);
    /// everything a parent can type or tick gives a problem to show instead.
    func read(_ form: FormBody, themes: [Theme], stored: Answers, action: Action) throws -> Posted {
        let questions = themes.flatMap(\.questions)
        let ids = Set(questions.map(\.id))
        for name in form.names(withPrefix: "q-") where !ids.contains(String(name.dropFirst(2))) {
            throw HTTPError(.badRequest, message: "The form does not belong to this page.")
        }
        for name in form.names(withPrefix: "other-") where !ids.contains(String(name.dropFirst(6))) {
            throw HTTPError(.badRequest, message: "The form does not belong to this page.")
        }
        let shown = Set(form.all("shown")).intersection(ids)
        var values = PageValues()
        var answers = stored
        // Only what the page showed is replaced: an answer the page did not show is kept as it was.
        for question in questions where shown.contains(question.id) { answers[question.id] = nil }
        var problems: [AnswerProblem] = []
        for question in questions where shown.contains(question.id) {
            let posted = form.all("q-\(question.id)")
            let other = form["other-\(question.id)"]
            values.values[question.id] = posted
            if let other { values.other[question.id] = other }
            do {
                if let answer = try AnswerParser.parse(question, values: posted, otherText: other) {
                    answers[question.id] = answer
                }
            } catch {
                if error.key == .required && !action.checksRequired { continue }
                problems.append(error)
            }
        }
        // Questions whose condition no longer holds are dropped; their problems too.
        let visible = Set(themes.flatMap { self.questions(of: $0, given: answers) }.map(\.id))
        problems.removeAll { !visible.contains($0.questionID) }
        let revealed = questions.filter { $0.showIf != nil && visible.contains($0.id) && !shown.contains($0.id) }.map(\.id)
        if !revealed.isEmpty {
            // A newly shown follow-up question is not an error yet.
            problems.removeAll { $0.key == .required }
        }
        return Posted(answers: answers, problems: problems, values: values, revealedQuestions: revealed)
    }

    /// Problems for required questions still open anywhere in the form, in form order (the one-page form).
    func missingRequired(_ answers: Answers) -> [AnswerProblem] {
        survey.missingRequired(answers).map { AnswerProblem(questionID: $0.id, .required) }
    }

    /// Required questions still open anywhere in the form, by page.
    func firstPageMissingRequired(_ answers: Answers) -> (theme: Theme, problems: [AnswerProblem])? {
        let missing = Set(survey.missingRequired(answers).map(\.id))
        guard !missing.isEmpty else { return nil }
        for theme in pages(given: answers) {
            let problems = theme.questions.filter { missing.contains($0.id) }.map { AnswerProblem(questionID: $0.id, .required) }
            if !problems.isEmpty { return (theme, problems) }
        }
        return nil
    }
}
