import Foundation
import Hummingbird

/// How every dashboard page is made: its texts in the staff member's language (Dutch unless they chose
/// English with `?lang=en`, remembered in a cookie), the menu, and the session's CSRF token for its forms.
extension StaffRoutes {
    static let languageCookie = "ouderstem_staff_lang"

    /// "nl" or "en": the `lang` query parameter, else the cookie, else Dutch.
    func language(_ request: Request) -> String {
        let asked = request.uri.queryParameters["lang"].map(String.init) ?? request.cookies[Self.languageCookie]?.value
        return asked == "en" ? "en" : "nl"
    }

    /// A page about the desk's peiling: its links and forms stay on that peiling (`StaffDesk.base`).
    func render(_ request: Request, _ desk: StaffDesk, _ template: String, _ model: [String: Any],
                status: HTTPResponse.Status = .ok) -> Response {
        render(request, desk.session, template, model, status: status, base: desk.base)
    }

    func render(_ request: Request, _ session: StaffSession?, _ template: String, _ model: [String: Any],
                status: HTTPResponse.Status = .ok, base: String = "/staff") -> Response {
        let lang = language(request)
        var model = model
        model["base"] = base
        let titles = ["staff-setup": "setup.title", "staff-start": "start.title", "staff-roster": "roster.title",
                      "staff-roster-preview": "roster.previewTitle", "staff-sample": "sample.title", "staff-letters": "letters.title",
                      "staff-entry-code": "entry.title", "staff-entry-question": "entry.title", "staff-entry-summary": "entry.summaryTitle",
                      "staff-report": "report.title", "staff-settings": "settings.title", "staff-peilingen": "peilingen.title"]
        if model["title"] == nil, let key = titles[template] { model["title"] = DashboardText.table(lang)[key] }
        if model["title"] == nil, let heading = model["heading"] { model["title"] = heading }
        model["t"] = DashboardText.templateTable(lang)
        // Which step of the menu this page belongs to.
        let steps = ["staff-start": "start", "staff-roster": "roster", "staff-roster-preview": "roster", "staff-sample": "sample",
                     "staff-letters": "letters", "staff-entry-code": "entry", "staff-entry-question": "entry", "staff-entry-summary": "entry",
                     "dashboard": "status", "staff-report": "report", "staff-confirm": "close", "staff-peilingen": "peilingen"]
        if let step = steps[template] { model["step_" + step] = true }
        model["lang"] = lang
        model["switchTo"] = lang == "nl" ? ["code": "en", "label": "English"] : ["code": "nl", "label": "Nederlands"]
        // After a form post the page's address cannot be opened again: switch on the overview instead.
        model["path"] = request.method == .get ? request.uri.path : base
        if let session {
            model["staffName"] = session.name
            model["csrf"] = session.csrf
            model["nav"] = true
        }
        var response = pages.html(template, model, status: status)
        if let asked = request.uri.queryParameters["lang"], asked == "en" || asked == "nl" {
            response.setCookie(auth.cookie(Self.languageCookie, String(asked), maxAge: 365 * 24 * 3600))
        }
        return response
    }

    /// A page with one message and a way on, in the staff member's language.
    func message(_ request: Request, _ desk: StaffDesk, heading: String, text: String, link: String, label: String,
                 status: HTTPResponse.Status = .ok) -> Response {
        render(request, desk, "staff-note", ["heading": heading, "text": text, "linkHref": link, "linkLabel": label], status: status)
    }

    /// Runs `body` for a logged-in staff member's form post about a peiling in their scope, whose CSRF token
    /// is right; else the login page, 403 or 409, and nothing is changed.
    func staffPost(_ router: Router<AppContext>, _ path: String,
                   _ body: @escaping @Sendable (Request, StaffDesk, FormBody) async throws -> Response) {
        for address in Self.addresses(path) {
            router.post(RouterPath(address)) { request, context in
                guard let session = try auth.session(request) else { return Pages.redirect("/staff/login") }
                let form = try await FormBody.read(request, context: context)
                try StaffAuth.checkCSRF(form, expected: session.csrf)
                guard let desk = try lookUpDesk(request, context, session) else { throw StaffRefusal.choosePeiling }
                return try await body(request, desk, form)
            }
        }
    }

    /// The same for an upload (`multipart/form-data`), at most `limit` bytes.
    func staffUpload(_ router: Router<AppContext>, _ path: String, limit: Int,
                     _ body: @escaping @Sendable (Request, StaffDesk, MultipartBody) async throws -> Response) {
        for address in Self.addresses(path) {
            router.post(RouterPath(address)) { request, context in
                guard let session = try auth.session(request) else { return Pages.redirect("/staff/login") }
                let form = try await MultipartBody.read(request, limit: limit)
                try StaffAuth.checkCSRF(form.fields, expected: session.csrf)
                guard let desk = try lookUpDesk(request, context, session) else { throw StaffRefusal.choosePeiling }
                return try await body(request, desk, form)
            }
        }
    }

    /// Runs `body` for a logged-in staff member's page about a peiling in their scope; else the login page,
    /// the list of peilingen to choose from, or 403.
    func staffGet(_ router: Router<AppContext>, _ path: String,
                  _ body: @escaping @Sendable (Request, StaffDesk) async throws -> Response) {
        for address in Self.addresses(path) {
            router.get(RouterPath(address)) { request, context in
                guard let session = try auth.session(request) else { return Pages.redirect("/staff/login") }
                guard let desk = try lookUpDesk(request, context, session) else { return Pages.redirect("/staff") }
                return try await body(request, desk)
            }
        }
    }
}
