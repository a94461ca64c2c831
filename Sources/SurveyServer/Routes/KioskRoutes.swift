import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The kiosk on a school device, `/kiosk`: a staff member unlocks it, then parent after parent types the
/// code from the letter and answers. Pages carry no code in their address and are never cached; after
/// the thank-you page, "stop", or a few idle minutes the screen returns to the start with nothing of
/// the previous parent reachable (their answers stay saved under their code).
struct KioskRoutes: Sendable {
    let source: SurveySource
    let responder: FormResponder
    let access: CodeAccess
    let pages: Pages
    let sessions: SessionStore
    let configuration: ServerConfiguration
    let staff: StaffRoutes
    let parent: ParentRoutes

    private var idle: TimeInterval { TimeInterval(configuration.kioskIdleSeconds) }

    private func kiosk(_ request: Request) -> (token: String, session: KioskSession)? {
        guard let token = request.cookies[StaffAuth.kioskCookie]?.value, let session = sessions.kiosk(token, idle: idle) else { return nil }
        return (token, session)
    }

    func register(on router: Router<AppContext>) {
        router.get("/kiosk") { request, _ in
            guard let (_, session) = kiosk(request) else { return unlockPage(error: nil) }
            if session.respondentID != nil { return Pages.redirect("/kiosk/form") }
            return try startPage(session, language: request.uri.queryParameters["lang"].map(String.init), error: nil)
        }
        // The unlock screen on an unlocked kiosk too: a staff member unlocks it again to reset it.
        router.get("/kiosk/unlock") { _, _ in unlockPage(error: nil) }
        router.post("/kiosk/unlock") { request, context in
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: request.cookies[StaffAuth.loginCookie]?.value)
            let name = form["name"] ?? ""
            switch try await staff.auth.verify(name: name, password: form["password"] ?? "", client: context.clientAddress) {
            case .valid: break
            case .invalid:
                return unlockPage(error: "Naam of wachtwoord klopt niet. / Name or password is not correct.", status: .unauthorized)
            case .tooManyAttempts(let wait):
                return unlockPage(error: TooManyAttempts.staffMessage(wait), status: .tooManyRequests).retryAfter(wait)
            }
            let method: ResponseMethod = form["mode"] == ResponseMethod.atSchoolConversation.rawValue ? .atSchoolConversation : .digitalAtSchool
            // Unlocking again replaces the kiosk's session, and with it its budget of unknown codes.
            if let previous = request.cookies[StaffAuth.kioskCookie]?.value {
                sessions.lockKiosk(previous)
                access.limits.kioskGuesses.reset(previous)
            }
            let token = sessions.startKiosk(unlockedBy: name, method: method.rawValue)
            return Pages.redirect("/kiosk", cookies: [staff.auth.cookie(StaffAuth.kioskCookie, token, path: "/kiosk")])
        }
        router.post("/kiosk/start") { request, context in
            guard let (token, session) = kiosk(request) else { return Pages.redirect("/kiosk") }
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: session.csrf)
            switch try access.openAtKiosk(form["code"] ?? "", kiosk: token) {
            case .found(let respondent, _):
                let survey = try source.current().survey
                let requested = form["lang"].flatMap { survey.language($0) != nil ? $0 : nil }
                sessions.updateKiosk(token) {
                    $0.respondentID = respondent.id
                    $0.language = requested ?? SurveySource.language(respondent.language, survey: survey, fallbacks: [])
                }
                return Pages.redirect("/kiosk/form")
            case .wrong:
                return try startPage(session, language: form["lang"], error: .codeWrong, status: .notFound)
            case .tooManyAttempts(let wait):
                return try startPage(session, language: form["lang"], error: .tooManyAttempts, wait: wait, status: .tooManyRequests)
                    .retryAfter(wait)
            }
        }
        router.get("/kiosk/form") { request, _ in
            try await page(request) { survey, respondent, channel, language in
                try responder.show(survey: survey, respondent: respondent, channel: channel, language: language,
                                   themeID: request.uri.queryParameters["page"].map(String.init),
                                   showMissing: request.uri.queryParameters["missing"] != nil)
            }
        }
        router.post("/kiosk/form") { request, context in
            try await post(request, context) { form, survey, respondent, channel, language in
                try await responder.post(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get("/kiosk/form/all") { request, _ in
            try await page(request) { survey, respondent, channel, language in
                try responder.showAll(survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.post("/kiosk/form/all") { request, context in
            try await post(request, context) { form, survey, respondent, channel, language in
                try await responder.postAll(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get("/kiosk/form/thanks") { request, _ in
            guard let (token, session) = kiosk(request) else { return Pages.redirect("/kiosk") }
            let survey = try source.current().survey
            let language = session.language ?? "nl"
            sessions.updateKiosk(token) { $0.respondentID = nil; $0.language = nil }
            let model = PageModel(survey: survey, channel: FormChannel(basePath: "/kiosk", method: .digitalAtSchool, kiosk: true),
                                  language: language)
            var page = model.layout(title: survey.interfaceText(.thanksTitle, language))
            page.merge(["heading": survey.interfaceText(.thanksTitle, language), "text": survey.interfaceText(.kioskDone, language),
                        "refresh": "8;url=/kiosk", "linkHref": "/kiosk", "linkLabel": survey.interfaceText(.start, language),
                        "noLanguages": true]) { _, new in new }
            return pages.html("message", page)
        }
        // "Stop" and the idle timer both come here: the parent is cleared from the screen.
        router.get("/kiosk/leave") { request, _ in
            if let (token, _) = kiosk(request) { sessions.updateKiosk(token) { $0.respondentID = nil; $0.language = nil } }
            return Pages.redirect("/kiosk")
        }
        router.post("/kiosk/leave") { request, _ in
            if let (token, _) = kiosk(request) { sessions.updateKiosk(token) { $0.respondentID = nil; $0.language = nil } }
            return Pages.redirect("/kiosk")
        }
    }

    /// A form page of the parent at the unlocked kiosk.
    private func page(_ request: Request,
                      _ render: (Survey, Respondent, FormChannel, String) throws -> Response) async throws -> Response {
        guard let (token, session) = kiosk(request) else { return Pages.redirect("/kiosk") }
        return try await withParent(token, session, requested: request.uri.queryParameters["lang"].map(String.init)) {
            try render($0, $1, $2, $3)
        }
    }

    /// A posted form page at the kiosk: unlocked, CSRF token checked.
    private func post(_ request: Request, _ context: AppContext,
                      _ save: (FormBody, Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        guard let (token, session) = kiosk(request) else { return Pages.redirect("/kiosk") }
        let form = try await FormBody.read(request, context: context)
        try StaffAuth.checkCSRF(form, expected: session.csrf)
        return try await withParent(token, session, requested: form["lang"]) { try await save(form, $0, $1, $2, $3) }
    }

    private func withParent(_ token: String, _ session: KioskSession, requested: String?,
                            _ body: (Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        let (peiling, survey) = try source.current()
        guard let id = session.respondentID, let respondent = try responder.database.respondent(id) else {
            return Pages.redirect("/kiosk")
        }
        let language = SurveySource.language(requested, survey: survey, fallbacks: [session.language])
        if language != session.language { sessions.updateKiosk(token) { $0.language = language } }
        let channel = FormChannel(basePath: "/kiosk/form", method: ResponseMethod(rawValue: session.method) ?? .digitalAtSchool,
                                  enteredBy: nil, csrf: session.csrf, kiosk: true, refresh: "\(Int(idle));url=/kiosk/leave")
        if peiling.isClosed { return parent.closedPage(survey: survey, language: language) }
        do {
            return try await body(survey, respondent, channel, language)
        } catch StoreError.closed {
            return parent.closedPage(survey: survey, language: language)
        }
    }

    private func unlockPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = randomToken()
        var response = pages.html("kiosk-unlock", [
            "title": "Kiosk ontgrendelen / Unlock the kiosk", "csrf": token, "error": error ?? "",
            "methods": [ResponseMethod.digitalAtSchool, .atSchoolConversation].map {
                ["value": $0.rawValue, "label": $0.label.dutch, "labelEn": $0.label.text("en"), "checked": $0 == .digitalAtSchool] as [String: Any]
            },
        ], status: status)
        response.setCookie(staff.auth.cookie(StaffAuth.loginCookie, token, path: "/"))
        return response
    }

    private func startPage(_ session: KioskSession, language: String?, error: InterfaceKey?, wait: Int? = nil,
                           status: HTTPResponse.Status = .ok) throws -> Response {
        let survey = try source.current().survey
        let language = SurveySource.language(language, survey: survey, fallbacks: [])
        let model = PageModel(survey: survey, channel: FormChannel(basePath: "/kiosk", method: .digitalAtSchool, kiosk: true), language: language)
        var page = model.codeEntry(action: "/kiosk/start", error: error, errorValues: ["minutes": String(TooManyAttempts.minutes(wait ?? 0))],
                                   kiosk: true, csrf: session.csrf)
        if wait != nil, let text = page["error"] as? String {
            page["error"] = text + " Een medewerker kan de kiosk terugzetten op het dashboard of via /kiosk/unlock."
                + " / A staff member can reset the kiosk on the dashboard or at /kiosk/unlock."
        }
        return pages.html("code", page, status: status)
    }
}
