import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The interview screen, `/staff/interview/CODE`: staff read the questions aloud (with an interpreter if
/// needed) and enter the answers. Dutch stands beside the parent's language; options are numbered.
struct InterviewRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        for address in StaffRoutes.addresses("/staff/interview/:code") {
            register(on: router, address)
        }
        staff.staffGet(router, "/staff/interview/:code/thanks") { _, desk in
            staff.pages.html("staff-message", [
                "title": "Opgeslagen / Saved",
                "heading": "Het gesprek is opgeslagen / The interview has been saved",
                "text": "Dank aan de ouder (en de tolk). / Thank the parent (and the interpreter).",
                "linkHref": desk.base, "linkLabel": "Terug naar het overzicht / Back to the dashboard",
            ])
        }
    }

    /// The interview's pages at one of its two addresses (with or without the peiling in it).
    private func register(on router: Router<AppContext>, _ address: String) {
        router.get(RouterPath(address)) { request, context in
            try await page(request, context) { desk, survey, respondent, channel, language in
                try desk.responder.show(survey: survey, respondent: respondent, channel: channel, language: language,
                                         themeID: request.uri.queryParameters["page"].map(String.init),
                                         showMissing: request.uri.queryParameters["missing"] != nil)
            }
        }
        router.post(RouterPath(address)) { request, context in
            try await post(request, context) { desk, form, survey, respondent, channel, language in
                try await desk.responder.post(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get(RouterPath(address + "/all")) { request, context in
            try await page(request, context) { desk, survey, respondent, channel, language in
                try desk.responder.showAll(survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.post(RouterPath(address + "/all")) { request, context in
            try await post(request, context) { desk, form, survey, respondent, channel, language in
                try await desk.responder.postAll(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
    }

    /// A logged-in staff member's interview page; the set-up page until the method is chosen.
    private func page(_ request: Request, _ context: AppContext,
                      _ render: (StaffDesk, Survey, Respondent, FormChannel, String) throws -> Response) async throws -> Response {
        guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
        guard let desk = try staff.lookUpDesk(request, context, session) else { return Pages.redirect("/staff") }
        return try await withInterview(request, context, desk: desk, fields: nil) { survey, respondent, channel, language in
            guard channel.carried.contains(where: { $0.name == "method" }) else {
                return setupPage(desk, survey: survey, respondent: respondent, code: channel.basePath)
            }
            return try render(desk, survey, respondent, channel, language)
        }
    }

    /// A posted interview page: logged in, CSRF token checked, method chosen.
    private func post(_ request: Request, _ context: AppContext,
                      _ save: (StaffDesk, FormBody, Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
        let form = try await FormBody.read(request, context: context)
        try StaffAuth.checkCSRF(form, expected: session.csrf)
        guard let desk = try staff.lookUpDesk(request, context, session) else { throw StaffRefusal.choosePeiling }
        return try await withInterview(request, context, desk: desk, fields: form) { survey, respondent, channel, language in
            guard channel.carried.contains(where: { $0.name == "method" }) else {
                throw HTTPError(.badRequest, message: "Choose how the interview is held first.")
            }
            if let moved = try moveWithoutSaving(desk, form, survey: survey, respondent: respondent, channel: channel, language: language) {
                return moved
            }
            return try await save(desk, form, survey, respondent, channel, language)
        }
    }

    /// The respondent of the code, and the interview's method, language and interpreter from the query
    /// (GET) or the posted fields (POST).
    private func withInterview(_ request: Request, _ context: AppContext, desk: StaffDesk, fields: FormBody?,
                               _ body: (Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        let session = desk.session
        let (peiling, survey) = try desk.source.current()
        let typed = context.parameters.get("code") ?? ""
        // Only a code of this peiling: another peiling's code is not found here, whatever its scope.
        guard let found = try? desk.database.respondent(forCode: typed) else {
            throw HTTPError(.notFound, message: "There is no parent with this code.")
        }
        func value(_ name: String) -> String? {
            fields?[name] ?? request.uri.queryParameters[Substring(name)].map(String.init)
        }
        let language = SurveySource.language(value("lang"), survey: survey, fallbacks: [found.respondent.language])
        var channel = FormChannel(basePath: desk.path("/interview/\(found.code.value)"), method: .oral, enteredBy: session.name,
                                  csrf: session.csrf, bilingual: true)
        if let method = value("method").flatMap(ResponseMethod.init(rawValue:)) {
            guard method == .oral || method == .oralInterpreter || method == .atSchoolConversation else {
                throw HTTPError(.badRequest, message: "An interview is oral, oral with an interpreter, or at the conversation.")
            }
            channel.method = method
            channel.carried.append(("method", method.rawValue))
            if method == .oralInterpreter {
                guard let kind = value("interpreter").flatMap(InterpreterKind.init(rawValue:)) else {
                    let typed = value("interpreter") ?? ""
                    // The set-up page's own choices can only be wrong in an edited address or a forged post.
                    let problem = typed.isEmpty
                        ? "Kies wie er tolkt. / Choose who interprets."
                        : "'\(typed)' is geen soort tolk: kies er een hieronder. / '\(typed)' is not a kind of interpreter: choose one below."
                    if fields != nil { throw HTTPError(.badRequest, message: problem) }
                    return setupPage(desk, survey: survey, respondent: found.respondent, code: channel.basePath,
                                     chosen: (method, language), error: problem)
                }
                channel.interpreter = kind
                channel.carried.append(("interpreter", kind.rawValue))
            }
        }
        channel.banner = "\(channel.method.label.dutch) / \(channel.method.label.text("en"))"
            + (channel.interpreter.map { " (\($0.label.dutch))" } ?? "")
            + " · \(found.respondent.id)\(found.respondent.childName.map { " · \($0)" } ?? "") · \(session.name)"
        if peiling.isClosed {
            return staff.pages.html("staff-message", [
                "title": "Gesloten / Closed", "heading": "De peiling is gesloten / The peiling is closed",
                "text": "Heropen de peiling op het overzicht om nog antwoorden in te voeren. / Reopen the peiling on the dashboard to enter more answers.",
                "linkHref": desk.base, "linkLabel": "Terug naar het overzicht / Back to the dashboard",
            ])
        }
        return try await body(survey, found.respondent, channel, language)
    }

    /// The set-up page: how the interview is held, the language, the interpreter. `chosen` and `error`
    /// show a refused choice again with what was chosen.
    private func setupPage(_ desk: StaffDesk, survey: Survey, respondent: Respondent, code: String,
                           chosen: (method: ResponseMethod, language: String)? = nil, error: String? = nil) -> Response {
        let stored = try? desk.database.response(of: respondent.id)
        let method = chosen?.method ?? (respondent.language == "nl" ? .oral : .oralInterpreter)
        let language = chosen?.language ?? respondent.language
        let model: [String: Any] = [
            "title": "Gesprek / Interview – \(respondent.id)",
            "error": error ?? "",
            "action": code,
            "respondent": respondent.id,
            "child": respondent.childName ?? "",
            "parents": respondent.parentNames ?? "",
            "group": respondent.group,
            "hasResponse": stored != nil,
            "methods": [ResponseMethod.oral, .oralInterpreter, .atSchoolConversation].map {
                ["value": $0.rawValue, "label": $0.label.dutch, "labelEn": $0.label.text("en"), "checked": $0 == method] as [String: Any]
            },
            "languages": survey.languages.map {
                ["code": $0.code, "name": $0.nativeName, "selected": $0.code == language] as [String: Any]
            },
            "interpreters": InterpreterKind.allCases.map { kind in
                ["value": kind.rawValue, "label": kind.label.dutch, "labelEn": kind.label.text("en"),
                 "checked": kind == .professional] as [String: Any]
            },
        ]
        return staff.pages.html("interview-setup", model, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Moving through pages without typing anything, before the parent has any response, creates none:
    /// an empty response would count as "still filling in". Answers the page to go to instead, or nil
    /// when the post is a real save or has problems to show (the responder shows them, saving nothing).
    private func moveWithoutSaving(_ desk: StaffDesk, _ form: FormBody, survey: Survey, respondent: Respondent, channel: FormChannel,
                                   language: String) throws -> Response? {
        let typed = form.names(withPrefix: "q-").union(form.names(withPrefix: "other-")).contains { name in
            form.all(name).contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        guard !typed, let action = FormFlow.Action(rawValue: form["action"] ?? "next"),
              try desk.database.response(of: respondent.id) == nil else { return nil }
        // The one-page form has no page field: "send" shows what is missing, "save" has nothing to save.
        guard let theme = survey.themes.first(where: { $0.id == form["page"] }) else { return action == .save ? Pages.redirect(desk.base) : nil }
        let flow = FormFlow(survey: survey)
        guard try flow.read(form, theme: theme, stored: [:], action: action).problems.isEmpty else { return nil }
        let pages = flow.pages(given: [:])
        let index = pages.firstIndex { $0.id == theme.id } ?? 0
        switch action {
        case .next: return Pages.redirect(channel.url(page: pages[min(index + 1, pages.count - 1)].id, language: language))
        case .previous: return Pages.redirect(channel.url(page: pages[max(index - 1, 0)].id, language: language))
        case .save: return Pages.redirect(desk.base)
        case .submit:
            guard let missing = flow.firstPageMissingRequired([:]) else { return nil }
            return Pages.redirect(channel.url(page: missing.theme.id, language: language, extra: [("missing", "1")]))
        }
    }
}
