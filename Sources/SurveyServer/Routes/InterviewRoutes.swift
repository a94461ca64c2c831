import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The interview screen, `/staff/interview/CODE`: staff read the questions aloud (with an interpreter if
/// needed) and enter the answers. Dutch stands beside the parent's language; options are numbered.
struct InterviewRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        router.get("/staff/interview/:code") { request, context in
            try await page(request, context) { survey, respondent, channel, language in
                try staff.responder.show(survey: survey, respondent: respondent, channel: channel, language: language,
                                         themeID: request.uri.queryParameters["page"].map(String.init),
                                         showMissing: request.uri.queryParameters["missing"] != nil)
            }
        }
        router.post("/staff/interview/:code") { request, context in
            try await post(request, context) { form, survey, respondent, channel, language in
                try await staff.responder.post(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get("/staff/interview/:code/all") { request, context in
            try await page(request, context) { survey, respondent, channel, language in
                try staff.responder.showAll(survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.post("/staff/interview/:code/all") { request, context in
            try await post(request, context) { form, survey, respondent, channel, language in
                try await staff.responder.postAll(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get("/staff/interview/:code/thanks") { request, context in
            guard staff.auth.session(request) != nil else { return Pages.redirect("/staff/login") }
            return staff.pages.html("staff-message", [
                "title": "Opgeslagen / Saved",
                "heading": "Het gesprek is opgeslagen / The interview has been saved",
                "text": "Dank aan de ouder (en de tolk). / Thank the parent (and the interpreter).",
                "linkHref": "/staff", "linkLabel": "Terug naar het overzicht / Back to the dashboard",
            ])
        }
    }

    /// A logged-in staff member's interview page; the set-up page until the method is chosen.
    private func page(_ request: Request, _ context: AppContext,
                      _ render: (Survey, Respondent, FormChannel, String) throws -> Response) async throws -> Response {
        guard let session = staff.auth.session(request) else { return Pages.redirect("/staff/login") }
        return try await withInterview(request, context, session: session, fields: nil) { survey, respondent, channel, language in
            guard channel.carried.contains(where: { $0.name == "method" }) else {
                return setupPage(survey: survey, respondent: respondent, code: channel.basePath, session: session)
            }
            return try render(survey, respondent, channel, language)
        }
    }

    /// A posted interview page: logged in, CSRF token checked, method chosen.
    private func post(_ request: Request, _ context: AppContext,
                      _ save: (FormBody, Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        guard let session = staff.auth.session(request) else { return Pages.redirect("/staff/login") }
        let form = try await FormBody.read(request, context: context)
        try StaffAuth.checkCSRF(form, expected: session.csrf)
        return try await withInterview(request, context, session: session, fields: form) { survey, respondent, channel, language in
            guard channel.carried.contains(where: { $0.name == "method" }) else {
                throw HTTPError(.badRequest, message: "Choose how the interview is held first.")
            }
            return try await save(form, survey, respondent, channel, language)
        }
    }

    /// The respondent of the code, and the interview's method, language and interpreter from the query
    /// (GET) or the posted fields (POST).
    private func withInterview(_ request: Request, _ context: AppContext, session: StaffSession, fields: FormBody?,
                               _ body: (Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        let (peiling, survey) = try staff.source.current()
        let typed = context.parameters.get("code") ?? ""
        guard let found = try? staff.responder.database.respondent(forCode: typed) else {
            throw HTTPError(.notFound, message: "There is no parent with this code.")
        }
        func value(_ name: String) -> String? {
            fields?[name] ?? request.uri.queryParameters[Substring(name)].map(String.init)
        }
        let language = SurveySource.language(value("lang"), survey: survey, fallbacks: [found.respondent.language])
        var channel = FormChannel(basePath: "/staff/interview/\(found.code.value)", method: .oral, enteredBy: session.name,
                                  csrf: session.csrf, bilingual: true)
        if let method = value("method").flatMap(ResponseMethod.init(rawValue:)) {
            guard method == .oral || method == .oralInterpreter || method == .atSchoolConversation else {
                throw HTTPError(.badRequest, message: "An interview is oral, oral with an interpreter, or at the conversation.")
            }
            channel.method = method
            channel.carried.append(("method", method.rawValue))
            if method == .oralInterpreter {
                let kind = value("interpreter").flatMap(InterpreterKind.init(rawValue:)) ?? .other
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
                "linkHref": "/staff", "linkLabel": "Terug naar het overzicht / Back to the dashboard",
            ])
        }
        return try await body(survey, found.respondent, channel, language)
    }

    private func setupPage(survey: Survey, respondent: Respondent, code: String, session: StaffSession) -> Response {
        let stored = try? staff.responder.database.response(of: respondent.id)
        let model: [String: Any] = [
            "title": "Gesprek / Interview – \(respondent.id)",
            "action": code,
            "respondent": respondent.id,
            "child": respondent.childName ?? "",
            "parents": respondent.parentNames ?? "",
            "group": respondent.group,
            "hasResponse": stored != nil,
            "methods": [ResponseMethod.oral, .oralInterpreter, .atSchoolConversation].map { method in
                ["value": method.rawValue, "label": method.label.dutch, "labelEn": method.label.text("en"),
                 "checked": method == (respondent.language == "nl" ? .oral : .oralInterpreter)] as [String: Any]
            },
            "languages": survey.languages.map { language in
                ["code": language.code, "name": language.nativeName, "selected": language.code == respondent.language] as [String: Any]
            },
            "interpreters": InterpreterKind.allCases.map { kind in
                ["value": kind.rawValue, "label": kind.label.dutch, "labelEn": kind.label.text("en"),
                 "checked": kind == .professional] as [String: Any]
            },
        ]
        return staff.pages.html("interview-setup", model)
    }
}
