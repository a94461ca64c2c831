import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The kiosk on a school device, `/kiosk`: a staff member unlocks it, then parent after parent types the
/// code from the letter and answers. Pages carry no code in their address and are never cached.
///
/// Between parents nothing is reachable: every parent gets a visit of their own (`KioskVisit`) that ends
/// with "Versturen", "Stoppen" or the idle time, and every page shown carries a one-time token, so a page
/// from before (one the browser restored from its cache, a previous parent's) can never be sent: such a
/// post is refused and the start screen follows. `kiosk.js` is the courtesy on top: it replaces a restored
/// page, counts the idle time from the last input, and saves what was typed as a draft before leaving.
///
/// A kiosk serves the peiling it was unlocked for: its second cookie names that peiling, and the kiosk's
/// row is looked up within it, so a changed cookie finds no kiosk at all.
struct KioskRoutes: Sendable {
    let desks: PeilingDesks
    let pages: Pages
    let configuration: ServerConfiguration
    let staff: StaffRoutes
    let parent: ParentRoutes

    private var idle: KioskIdle { KioskIdle(seconds: configuration.kioskIdleSeconds) }

    static let peilingCookie = "ouderstem_kiosk_peiling"

    private func kiosk(_ request: Request) throws -> (token: String, session: KioskSession, peiling: PeilingServices)? {
        guard let token = request.cookies[StaffAuth.kioskCookie]?.value,
              let id = request.cookies[Self.peilingCookie].flatMap({ Int64($0.value) }),
              let peiling = try desks.services(id),
              let session = try peiling.kiosks.kiosk(token, forgetAfter: idle.forgetAfter) else { return nil }
        return (token, session, peiling)
    }

    func register(on router: Router<AppContext>) {
        router.get("/kiosk") { request, _ in
            guard let (token, session, peiling) = try kiosk(request) else { return unlockPage(peiling: nil, error: nil) }
            if session.visit != nil { return Pages.redirect("/kiosk/form") }
            let expired = request.uri.queryParameters["expired"] != nil
            return try startPage(token, peiling, language: request.uri.queryParameters["lang"].map(String.init), error: expired ? .kioskExpired : nil)
        }
        // The unlock screen on an unlocked kiosk too: a staff member unlocks it again to reset it.
        router.get("/kiosk/unlock") { request, _ in
            unlockPage(peiling: request.uri.queryParameters["peiling"].flatMap { Int64($0) }, error: nil)
        }
        router.post("/kiosk/unlock") { request, context in
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: request.cookies[StaffAuth.loginCookie]?.value)
            let name = form["name"] ?? ""
            let asked = form["peiling"].flatMap { Int64($0) }
            switch try await staff.auth.verify(name: name, password: form["password"] ?? "", client: context.clientAddress) {
            case .valid: break
            case .invalid:
                return unlockPage(peiling: asked, error: "Naam of wachtwoord klopt niet. / Name or password is not correct.", status: .unauthorized)
            case .tooManyAttempts(let wait):
                return unlockPage(peiling: asked, error: TooManyAttempts.staffMessage(wait), status: .tooManyRequests).retryAfter(wait)
            }
            let peiling: PeilingServices
            switch try unlockedPeiling(staff: name, asked: asked) {
            case .success(let chosen): peiling = chosen
            case .failure(let refusal): return unlockPage(peiling: asked, error: refusal.message, status: refusal.status)
            }
            let method: ResponseMethod = form["mode"] == ResponseMethod.atSchoolConversation.rawValue ? .atSchoolConversation : .digitalAtSchool
            // Unlocking again replaces the kiosk's session, and with it its budget of unknown codes.
            if let previous = request.cookies[StaffAuth.kioskCookie]?.value {
                try peiling.kiosks.lockKiosk(previous)
                try staff.limits.kioskGuesses.reset(previous)
            }
            let token = try peiling.kiosks.startKiosk(unlockedBy: name, method: method.rawValue)
            return Pages.redirect("/kiosk", cookies: [staff.auth.cookie(StaffAuth.kioskCookie, token, path: "/kiosk"),
                                                      staff.auth.cookie(Self.peilingCookie, String(peiling.id), path: "/kiosk")])
        }
        router.post("/kiosk/start") { request, context in
            guard let (token, session, peiling) = try kiosk(request) else { return Pages.redirect("/kiosk") }
            let form = try await FormBody.read(request, context: context)
            // A start page that was sent or replaced before (restored by Back) is not sent again.
            guard session.startTokenHash.matches(form["csrf"]) else { return Pages.redirect("/kiosk?expired=1") }
            switch try peiling.access.openAtKiosk(form["code"] ?? "", kiosk: token) {
            case .found(let respondent, _):
                let survey = try peiling.source.current().survey
                let requested = form["lang"].flatMap { survey.language($0) != nil ? $0 : nil }
                let language = requested ?? SurveySource.language(respondent.language, survey: survey, fallbacks: [])
                guard try peiling.kiosks.startVisit(token, given: form["csrf"], respondentID: respondent.id, language: language) else {
                    return Pages.redirect("/kiosk?expired=1")
                }
                return Pages.redirect("/kiosk/form")
            case .wrong:
                return try startPage(token, peiling, language: form["lang"], error: .codeWrong, status: .notFound)
            case .tooManyAttempts(let wait):
                return try startPage(token, peiling, language: form["lang"], error: .tooManyAttempts, wait: wait, status: .tooManyRequests)
                    .retryAfter(wait)
            }
        }
        router.get("/kiosk/form") { request, _ in
            try await page(request) { responder, survey, respondent, channel, language in
                try responder.show(survey: survey, respondent: respondent, channel: channel, language: language,
                                   themeID: request.uri.queryParameters["page"].map(String.init),
                                   showMissing: request.uri.queryParameters["missing"] != nil)
            }
        }
        router.post("/kiosk/form") { request, context in
            try await post(request, context) { responder, form, survey, respondent, channel, language in
                if form["action"] == Self.draftAction {
                    guard let theme = survey.themes.first(where: { $0.id == form["page"] }) else {
                        throw HTTPError(.badRequest, message: "The form does not belong to this survey.")
                    }
                    try await responder.saveDraft(form, survey: survey, themes: [theme], respondent: respondent, channel: channel,
                                                  language: language)
                    return Pages.redirect("/kiosk")
                }
                return try await responder.post(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.get("/kiosk/form/all") { request, _ in
            try await page(request) { responder, survey, respondent, channel, language in
                try responder.showAll(survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        router.post("/kiosk/form/all") { request, context in
            try await post(request, context) { responder, form, survey, respondent, channel, language in
                if form["action"] == Self.draftAction {
                    try await responder.saveDraft(form, survey: survey, themes: survey.themes, respondent: respondent,
                                                  channel: channel, language: language)
                    return Pages.redirect("/kiosk")
                }
                return try await responder.postAll(form, survey: survey, respondent: respondent, channel: channel, language: language)
            }
        }
        // The parent's visit ended with the post that led here; this page only thanks, in their language.
        router.get("/kiosk/form/thanks") { request, _ in
            guard let (_, _, peiling) = try kiosk(request) else { return Pages.redirect("/kiosk") }
            let survey = try peiling.source.current().survey
            let language = SurveySource.language(request.uri.queryParameters["lang"].map(String.init), survey: survey, fallbacks: [])
            let model = PageModel(survey: survey, channel: FormChannel(basePath: "/kiosk", method: .digitalAtSchool, kiosk: true),
                                  language: language)
            var page = model.layout(title: survey.interfaceText(.thanksTitle, language))
            page.merge(["heading": survey.interfaceText(.thanksTitle, language), "text": survey.interfaceText(.kioskDone, language),
                        "refresh": "8;url=/kiosk", "linkHref": "/kiosk", "linkLabel": survey.interfaceText(.start, language),
                        "noLanguages": true, "kiosk": true]) { _, new in new }
            return pages.html("message", page)
        }
        // The idle script's "still here" while a parent answers without sending a page: the idle time counts
        // from the last input. 409 when the page is not the current parent's any more.
        router.post("/kiosk/alive") { request, context in
            guard let (token, _, peiling) = try kiosk(request) else { return Response(status: .conflict) }
            let form = try await FormBody.read(request, context: context)
            return Response(status: try peiling.kiosks.isCurrentPage(token, given: form["csrf"]) ? .noContent : .conflict)
        }
        // "Stoppen" and the idle page refresh (without the script) both come here: the parent is cleared
        // from the screen.
        router.get("/kiosk/leave") { request, _ in
            if let (token, _, peiling) = try kiosk(request) { try peiling.kiosks.endVisit(token) }
            return Pages.redirect("/kiosk")
        }
        router.post("/kiosk/leave") { request, _ in
            if let (token, _, peiling) = try kiosk(request) { try peiling.kiosks.endVisit(token) }
            return Pages.redirect("/kiosk")
        }
    }

    /// What the idle script posts when the time is up: the page as a draft, then the start screen.
    static let draftAction = "draft"

    /// A form page of the parent at the unlocked kiosk, with a new one-time token.
    private func page(_ request: Request,
                      _ render: (FormResponder, Survey, Respondent, FormChannel, String) throws -> Response) async throws -> Response {
        guard let (token, session, peiling) = try kiosk(request), let visit = session.visit else { return Pages.redirect("/kiosk") }
        let survey = try peiling.source.current().survey
        let language = SurveySource.language(request.uri.queryParameters["lang"].map(String.init), survey: survey,
                                             fallbacks: [visit.language])
        guard let current = try peiling.kiosks.newPage(token, language: language) else { return Pages.redirect("/kiosk") }
        return try await withParent(token, session, peiling, current) { try render(peiling.responder, $0, $1, $2, $3) }
    }

    /// A posted form page at the kiosk. Its token must be the current page's, and is used up; any other
    /// (a page from before, restored by Back, or a previous parent's) ends the visit and nothing is saved.
    /// The post that sends the form ends the visit too.
    private func post(_ request: Request, _ context: AppContext,
                      _ save: (FormResponder, FormBody, Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        guard let (token, session, peiling) = try kiosk(request) else { return Pages.redirect("/kiosk") }
        let form = try await FormBody.read(request, context: context)
        // No token at all is not a page of this kiosk (403, nothing changes); a stale one is a page from before.
        if form["csrf"] == nil { try StaffAuth.checkCSRF(form, expected: nil) }
        guard let visit = try peiling.kiosks.takePage(token, given: form["csrf"]) else { return Pages.redirect("/kiosk?expired=1") }
        let survey = try peiling.source.current().survey
        let language = SurveySource.language(form["lang"], survey: survey, fallbacks: [visit.language])
        guard let current = try peiling.kiosks.newPage(token, language: language) else { return Pages.redirect("/kiosk") }
        let response = try await withParent(token, session, peiling, current) { try await save(peiling.responder, form, $0, $1, $2, $3) }
        if form["action"] == Self.draftAction || response.headers[.location]?.hasPrefix("/kiosk/form/thanks") == true {
            try peiling.kiosks.endVisit(token)
        }
        return response
    }

    private func withParent(_ token: String, _ session: KioskSession, _ services: PeilingServices, _ visit: KioskVisit,
                            _ body: (Survey, Respondent, FormChannel, String) async throws -> Response) async throws -> Response {
        let (peiling, survey) = try services.source.current()
        guard let respondent = try services.database.respondent(visit.respondentID) else {
            try services.kiosks.endVisit(token)
            return Pages.redirect("/kiosk")
        }
        let channel = FormChannel(basePath: "/kiosk/form", method: ResponseMethod(rawValue: session.method) ?? .digitalAtSchool,
                                  enteredBy: nil, csrf: visit.pageToken, kiosk: true, idle: idle)
        if peiling.isClosed { return parent.closedPage(survey: survey, language: visit.language) }
        do {
            return try await body(survey, respondent, channel, visit.language)
        } catch StoreError.closed {
            return parent.closedPage(survey: survey, language: visit.language)
        }
    }

    /// The peiling a kiosk is unlocked for: the one asked for (from its dashboard's link), else the only one in
    /// the staff member's scope. Refused with a sentence when it is outside their scope, or when they have
    /// several and did not say which.
    private func unlockedPeiling(staff name: String, asked: Int64?) throws -> Result<PeilingServices, UnlockRefusal> {
        guard let scope = try desks.root.staffScope(name: name) else { return .failure(.outOfScope) }
        guard let asked else { return try desks.defaultServices(in: scope).map { .success($0) } ?? .failure(.choosePeiling) }
        guard scope.filter(try desks.places()).contains(where: { $0.id == asked }),
              let services = try desks.services(asked) else { return .failure(.outOfScope) }
        return .success(services)
    }

    /// Why a right password still unlocks no kiosk, in Dutch and English.
    enum UnlockRefusal: Error {
        case outOfScope, choosePeiling

        var message: String {
            switch self {
            case .outOfScope: "Deze kiosk kan niet worden ontgrendeld voor deze peiling: die hoort niet bij uw account. "
                + "/ This kiosk cannot be unlocked for this peiling: it is not in your account's scope."
            case .choosePeiling: "Kies eerst een peiling: open de kiosk via de kioskkoppeling op het dashboard van die peiling. "
                + "/ Choose a peiling first: open the kiosk through the kiosk link on that peiling's dashboard."
            }
        }

        var status: HTTPResponse.Status { self == .outOfScope ? .forbidden : .conflict }
    }

    private func unlockPage(peiling: Int64?, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = randomToken()
        var response = pages.html("kiosk-unlock", [
            "title": "Kiosk ontgrendelen / Unlock the kiosk", "csrf": token, "error": error ?? "", "peiling": peiling.map { String($0) as Any } ?? false,
            "methods": [ResponseMethod.digitalAtSchool, .atSchoolConversation].map {
                ["value": $0.rawValue, "label": $0.label.dutch, "labelEn": $0.label.text("en"), "checked": $0 == .digitalAtSchool] as [String: Any]
            },
        ], status: status)
        response.setCookie(staff.auth.cookie(StaffAuth.loginCookie, token, path: "/"))
        return response
    }

    /// The start screen, with a new token: the code field is always empty (a previous parent's code is never
    /// sent back), and the idle script clears a code typed by someone who walked away.
    private func startPage(_ token: String, _ peiling: PeilingServices, language: String?, error: InterfaceKey?, wait: Int? = nil,
                           status: HTTPResponse.Status = .ok) throws -> Response {
        let survey = try peiling.source.current().survey
        let language = SurveySource.language(language, survey: survey, fallbacks: [])
        let model = PageModel(survey: survey, channel: FormChannel(basePath: "/kiosk", method: .digitalAtSchool, kiosk: true), language: language)
        var page = model.codeEntry(action: "/kiosk/start", error: error, errorValues: ["minutes": String(TooManyAttempts.minutes(wait ?? 0))],
                                   kiosk: true, csrf: try peiling.kiosks.newStartToken(token))
        page.merge(idle.pageFields) { _, new in new }
        if wait != nil, let text = page["error"] as? String {
            page["error"] = text + " Een medewerker kan de kiosk terugzetten op het dashboard of via /kiosk/unlock."
                + " / A staff member can reset the kiosk on the dashboard or at /kiosk/unlock."
        }
        return pages.html("code", page, status: status)
    }
}
