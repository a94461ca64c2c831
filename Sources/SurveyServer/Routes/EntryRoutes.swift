import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// Typing in a paper form in the browser, as fast as `ouderstem enter`: the code, then per question the
/// answer number(s) and Enter, with the answers so far beside it; a summary where Enter saves. A second,
/// blind entry checks the first (`--verify`): each difference is settled before saving. No JavaScript:
/// every Enter posts the form, and the entry travels in hidden fields (`PaperEntry`).
struct EntryRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/entry") { request, desk in
            return codePage(request, desk, error: nil, saved: request.uri.queryParameters["saved"].map(String.init),
                            mode: request.uri.queryParameters["mode"] == "verify" ? .verify : .enter)
        }
        staff.staffPost(router, "/staff/entry") { request, desk, form in
            try step(request, desk, form)
        }
        staff.staffPost(router, "/staff/entry/save") { request, desk, form in
            try save(request, desk, form)
        }
    }

    private func codePage(_ request: Request, _ desk: StaffDesk, error: String?, saved: String? = nil, mode: PaperEntry.Mode,
                          code: String = "", method: ResponseMethod = .paperHome) -> Response {
        let lang = staff.language(request)
        let methods: [[String: Any]] = ResponseMethod.allCases.filter { $0 != .digital && $0 != .oralInterpreter }.map {
            ["value": $0.rawValue, "label": $0.label.text(lang), "selected": $0 == method]
        }
        return staff.render(request, desk, "staff-entry-code", [
            "error": error ?? "", "saved": saved ?? "", "code": code, "methods": methods,
            "verify": mode == .verify, "enter": mode == .enter,
        ], status: error == nil ? .ok : .unprocessableContent)
    }

    /// One Enter: the code (start), an answer, "<" back, a question number to go to from the summary.
    private func step(_ request: Request, _ desk: StaffDesk, _ form: FormBody) throws -> Response {
        let database = desk.database
        let text = DashboardText.table(staff.language(request))
        let survey = try database.currentSurvey()
        var entry: PaperEntry
        if form["start"] == nil, let carried = PaperEntry(form) {
            entry = carried
        } else {
            // The first page: only the code, the method and the mode.
            let mode = PaperEntry.Mode(rawValue: form["mode"] ?? "") ?? .enter
            let method = ResponseMethod(rawValue: form["method"] ?? "") ?? .paperHome
            let typedCode = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
            guard try !database.peiling().isClosed else {
                return codePage(request, desk, error: StoreError.closed.description, mode: mode, code: typedCode, method: method)
            }
            let respondent: Respondent
            let code: InvitationCode
            do {
                let found = try database.respondent(forCode: typedCode)
                respondent = found.respondent
                code = found.code
            } catch let error as StoreError {
                return codePage(request, desk, error: DashboardText.storeError(error, text), mode: mode, code: typedCode, method: method)
            }
            entry = PaperEntry(code: code.description, method: method, mode: mode)
            let existing = try database.response(of: respondent.id)
            if mode == .verify {
                guard existing != nil else {
                    return codePage(request, desk, error: DashboardText.fill(text["entry.notAnswered"]!, ["code": code.description]),
                                    mode: mode, code: typedCode, method: method)
                }
            }
            entry.basedOn = existing?.version ?? 0
            return questionPage(request, desk, entry, index: 0, survey: survey, problem: nil)
        }
        let visible = entry.visible(in: survey)
        if let target = form["goto"] {
            let number = target.trimmingCharacters(in: .whitespaces)
            guard let index = visible.firstIndex(where: { survey.questionNumber($0.id) == number }) else {
                return try summaryPage(request, desk, entry, survey: survey, error: DashboardText.fill(text["entry.noSuchNumber"]!, ["number": number]))
            }
            return questionPage(request, desk, entry, index: index, survey: survey, problem: nil)
        }
        let index = Int(form["index"] ?? "") ?? 0
        guard visible.indices.contains(index) else { return try summaryPage(request, desk, entry, survey: survey, error: nil) }
        let question = visible[index]
        switch entry.take(form["line"] ?? "", other: form["other"], for: question, in: survey) {
        case .back:
            return questionPage(request, desk, entry, index: max(0, index - 1), survey: survey, problem: nil)
        case .needsOther:
            return questionPage(request, desk, entry, index: index, survey: survey, problem: nil, askOther: form["line"] ?? "")
        case .problem(let problem):
            return questionPage(request, desk, entry, index: index, survey: survey, problem: problem, typed: form["line"] ?? "")
        case .next:
            let next = entry.visible(in: survey)
            // The next question in order after this one, among those shown now (an answer may show or hide follow-ups).
            let position = next.firstIndex { $0.id == question.id }.map { $0 + 1 } ?? index + 1
            guard position < next.count else { return try summaryPage(request, desk, entry, survey: survey, error: nil) }
            return questionPage(request, desk, entry, index: position, survey: survey, problem: nil)
        }
    }

    /// The answers typed so far as the running summary: number, question id, answer as staff read it back.
    private func running(_ entry: PaperEntry, survey: Survey, text: [String: String]) -> [[String: Any]] {
        let answers = entry.answers(in: survey)
        return entry.visible(in: survey).compactMap { question in
            guard let line = entry.typed[question.id] else { return nil }
            let shown = answers[question.id].map { TypedEntry.display($0, of: question, in: survey) }
                ?? (TypedEntry.leftOpen.contains(line) ? text["entry.leftOpen"]! : text["entry.skipped"]!)
            return ["number": survey.questionNumber(question.id) ?? "", "id": question.id, "answer": shown]
        }
    }

    private func questionPage(_ request: Request, _ desk: StaffDesk, _ entry: PaperEntry, index: Int, survey: Survey,
                              problem: AnswerProblem?, typed: String? = nil, askOther: String? = nil) -> Response {
        let lang = staff.language(request)
        let text = DashboardText.table(lang)
        let visible = entry.visible(in: survey)
        let question = visible[index]
        let language = (try? desk.database.respondent(forCode: entry.code))?.respondent.language ?? "nl"
        let second = language != "nl" && survey.language(language) != nil ? language : nil
        let options: [[String: Any]] = question.choices(otherLabel: survey.interfaceTexts(.other)).enumerated().map { number, option in
            ["number": number + 1, "label": option.label.dutch, "second": second.map { option.label.text($0) } ?? ""]
        }
        var hint = ""
        switch question.type {
        case .multiple: hint = text["entry.hintMultiple"]!
        case .number: hint = survey.interfaceText(.numberHint, "nl")
        default: hint = question.type.isChoice ? text["entry.hintSingle"]! : text["entry.hintText"]!
        }
        var problemText = ""
        if let problem {
            problemText = problem.message(in: survey, language: "nl") + (lang == "en" ? " / " + problem.message(in: survey, language: "en") : "")
            if problem.key == .required { problemText += " " + text["entry.leftOpenHint"]! }
        }
        return staff.render(request, desk, "staff-entry-question", [
            "hidden": entry.hiddenFields, "index": index, "code": entry.code, "verify": entry.mode == .verify,
            "progress": DashboardText.fill(text["entry.progress"]!, ["n": "\(index + 1)", "of": "\(visible.count)"]),
            "theme": survey.theme(containing: question.id)?.title.dutch ?? "",
            "number": survey.questionNumber(question.id) ?? "", "required": question.required, "questionID": question.id,
            "question": question.text.dutch, "questionSecond": second.map { question.text.text($0) } ?? "",
            "options": options, "hasOptions": !options.isEmpty, "hint": hint, "problem": problemText,
            "value": askOther ?? typed ?? entry.typed[question.id] ?? "",
            "askOther": askOther != nil, "otherLabel": survey.interfaceText(.other, "nl"), "otherValue": entry.others[question.id] ?? "",
            "existing": entry.basedOn > 0 && entry.mode == .enter,
            "running": running(entry, survey: survey, text: text), "hasRunning": !entry.typed.isEmpty,
        ], status: problem == nil ? .ok : .unprocessableContent)
    }

    private func summaryPage(_ request: Request, _ desk: StaffDesk, _ entry: PaperEntry, survey: Survey, error: String?) throws -> Response {
        let text = DashboardText.table(staff.language(request))
        var model: [String: Any] = [
            "hidden": entry.hiddenFields, "code": entry.code, "error": error ?? "", "verify": entry.mode == .verify,
            "existing": entry.basedOn > 0 && entry.mode == .enter,
            "answers": entry.visible(in: survey).map { question -> [String: Any] in
                let answer = entry.answers(in: survey)[question.id]
                return ["number": survey.questionNumber(question.id) ?? "", "id": question.id, "question": question.text.dutch,
                        "answer": answer.map { TypedEntry.display($0, of: question, in: survey) } ?? text["entry.notAnswered.short"]!]
            },
        ]
        if entry.mode == .verify {
            let (respondent, _) = try desk.database.respondent(forCode: entry.code)
            guard let first = try desk.database.response(of: respondent.id) else { throw StoreError.notAnswered(code: entry.code) }
            let second = entry.answers(in: survey)
            model["differences"] = TypedEntry.differences(first: first.answers, second: second, in: survey).map { question -> [String: Any] in
                ["id": question.id, "number": survey.questionNumber(question.id) ?? "", "question": question.text.dutch,
                 "first": first.answers[question.id].map { TypedEntry.display($0, of: question, in: survey) } ?? "–",
                 "second": second[question.id].map { TypedEntry.display($0, of: question, in: survey) } ?? "–"]
            }
        }
        return staff.render(request, desk, "staff-entry-summary", model, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Saves the entry (or the settled double entry); a response changed meanwhile is never overwritten unasked.
    private func save(_ request: Request, _ desk: StaffDesk, _ form: FormBody) throws -> Response {
        let database = desk.database
        let text = DashboardText.table(staff.language(request))
        guard var entry = PaperEntry(form) else { throw HTTPError(.badRequest, message: "The form could not be read.") }
        let survey = try database.currentSurvey()
        let (respondent, code) = try database.respondent(forCode: entry.code)
        let answers = entry.answers(in: survey)
        let response: NewResponse
        if entry.mode == .verify {
            guard let first = try database.response(of: respondent.id) else { throw StoreError.notAnswered(code: entry.code) }
            let differing = TypedEntry.differences(first: first.answers, second: answers, in: survey)
            let unsettled = differing.filter { !["1", "2"].contains(form["settle.\($0.id)"] ?? "") }
            guard unsettled.isEmpty else {
                return try summaryPage(request, desk, entry, survey: survey, error: DashboardText.fill(text["entry.settleAll"]!, [
                    "numbers": unsettled.compactMap { survey.questionNumber($0.id) }.joined(separator: ", ")]))
            }
            let takeSecond = Set(differing.filter { form["settle.\($0.id)"] == "2" }.map(\.id))
            response = NewResponse(respondentID: respondent.id, method: first.method, language: first.language, interpreter: first.interpreter,
                                   enteredBy: first.enteredBy, answers: TypedEntry.settle(first: first.answers, second: answers, takeSecond: takeSecond),
                                   verifiedBy: desk.session.name, basedOnVersion: first.version)
        } else {
            response = NewResponse(respondentID: respondent.id, method: entry.method, language: respondent.language,
                                   enteredBy: desk.session.name, answers: answers, basedOnVersion: entry.basedOn)
        }
        do {
            _ = try database.save(response, existing: .replace)
        } catch let conflict as ResponseConflict {
            // Someone else saved meanwhile: say who and when; saving again replaces exactly that version.
            entry.basedOn = conflict.current.version
            return try summaryPage(request, desk, entry, survey: survey, error: DashboardText.fill(text["entry.conflict"]!, [
                "code": code.description, "who": staff.language(request) == "en" ? conflict.changedBy.english : conflict.changedBy.dutch,
                "when": conflict.changedAt]))
        }
        desk.log(entry.mode == .verify ? "verified the paper form of \(respondent.id)" :
                            "entered the paper form of \(respondent.id) (\(answers.count) answers, \(entry.method.rawValue))")
        return Pages.redirect(desk.path("/entry?saved=\(code.description)") + (entry.mode == .verify ? "&mode=verify" : ""))
    }
}
