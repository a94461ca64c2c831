import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The parent's own form: `GET /` to type the code, `/s/CODE` for the personal link from the letter. The
/// code alone finds its peiling (codes are unique in the file), so one server serves every peiling's parents.
struct ParentRoutes: Sendable {
    let desks: PeilingDesks
    let pages: Pages

    func register(on router: Router<AppContext>) {
        router.get("/") { request, _ in try codePage(language: request.uri.queryParameters["lang"].map(String.init), error: nil) }
        router.post("/") { request, context in
            let form = try await FormBody.read(request, context: context)
            let language = form["lang"]
            switch try desks.codeServices(form["code"] ?? "").access.open(form["code"] ?? "", client: context.clientAddress) {
            case .found(_, let code):
                return Pages.redirect("/s/\(code.value)" + (language.map { "?lang=\($0)" } ?? ""))
            case .wrong:
                return try codePage(language: language, error: .codeWrong, typed: form["code"] ?? "", status: .notFound)
            case .tooManyAttempts(let wait):
                return try limitedPage(language: language, typed: form["code"] ?? "", wait: wait)
            }
        }
        router.get("/s/:code") { request, context in
            try await withRespondent(request, context) { responder, survey, respondent, stored, channel, language in
                try responder.show(survey: survey, respondent: respondent, channel: channel, language: language,
                                   themeID: request.uri.queryParameters["page"].map(String.init),
                                   showMissing: request.uri.queryParameters["missing"] != nil, prefetched: .some(stored))
            }
        }
        router.post("/s/:code") { request, context in
            let form = try await FormBody.read(request, context: context)
            return try await withRespondent(request, context, requested: form["lang"]) { responder, survey, respondent, stored, channel, language in
                try await responder.post(form, survey: survey, respondent: respondent, channel: channel, language: language,
                                         prefetched: .some(stored))
            }
        }
        // The one-page layout: every question in one form, sent with one post.
        router.get("/s/:code/all") { request, context in
            try await withRespondent(request, context) { responder, survey, respondent, stored, channel, language in
                try responder.showAll(survey: survey, respondent: respondent, channel: channel, language: language,
                                      prefetched: .some(stored))
            }
        }
        router.post("/s/:code/all") { request, context in
            let form = try await FormBody.read(request, context: context)
            return try await withRespondent(request, context, requested: form["lang"]) { responder, survey, respondent, stored, channel, language in
                try await responder.postAll(form, survey: survey, respondent: respondent, channel: channel, language: language,
                                            prefetched: .some(stored))
            }
        }
        router.get("/s/:code/thanks") { request, context in
            try await withRespondent(request, context) { _, survey, _, _, channel, language in
                message(survey: survey, language: language, channel: channel, suffix: "/thanks",
                        title: survey.interfaceText(.thanksTitle, language), text: survey.interfaceText(.thanksText, language),
                        link: (channel.url(language: language), survey.interfaceText(.changeAnswers, language)))
            }
        }
        router.get("/s/:code/saved") { request, context in
            try await withRespondent(request, context) { _, survey, _, _, channel, language in
                message(survey: survey, language: language, channel: channel, suffix: "/saved",
                        title: survey.interfaceText(.savedTitle, language), text: survey.interfaceText(.savedText, language),
                        link: (channel.url(language: language), survey.interfaceText(.continueAnswering, language)))
            }
        }
    }

    /// Resolves the code in the path and the language, or answers with the code page / closed page.
    private func withRespondent(_ request: Request, _ context: AppContext, requested: String? = nil,
                                _ body: (FormResponder, Survey, Respondent, StoredResponse?, FormChannel, String) async throws -> Response) async throws -> Response {
        let typed = context.parameters.get("code") ?? ""
        let query = request.uri.queryParameters["lang"].map(String.init)
        let services = try desks.codeServices(typed)
        let (peiling, survey) = try services.source.current()
        switch try services.access.open(typed, client: context.clientAddress) {
        case .wrong:
            return try codePage(language: requested ?? query, error: .codeWrong, status: .notFound)
        case .tooManyAttempts(let wait):
            return try limitedPage(language: requested ?? query, wait: wait)
        case .found(let respondent, let code):
            let responder = services.responder
            let stored = try responder.database.response(of: respondent.id)
            let language = SurveySource.language(requested ?? query, survey: survey, fallbacks: [stored?.language, respondent.language])
            let channel = FormChannel(basePath: "/s/\(code.value)", method: .digital)
            if peiling.isClosed { return closedPage(survey: survey, language: language) }
            do {
                return try await body(responder, survey, respondent, stored, channel, language)
            } catch StoreError.closed {
                return closedPage(survey: survey, language: language)
            }
        }
    }

    /// The code page, in the texts of the peiling `desks.welcomeServices` chooses: no code is known yet.
    func codePage(language: String?, error: InterfaceKey?, errorValues: [String: String] = [:], typed: String = "",
                  status: HTTPResponse.Status = .ok) throws -> Response {
        guard let services = try desks.welcomeServices() else { throw StoreError.noPeiling }
        let survey = try services.source.current().survey
        let language = SurveySource.language(language, survey: survey, fallbacks: [])
        let model = PageModel(survey: survey, channel: FormChannel(basePath: "/", method: .digital), language: language)
        let page = model.codeEntry(action: "/", error: error, errorValues: errorValues, typed: typed)
        return pages.html("code", page, status: status)
    }

    /// 429: the code page with the time to wait, in the text and in `Retry-After`; what was typed stays.
    func limitedPage(language: String?, typed: String = "", wait: Int) throws -> Response {
        try codePage(language: language, error: .tooManyAttempts, errorValues: ["minutes": String(TooManyAttempts.minutes(wait))],
                     typed: typed, status: .tooManyRequests).retryAfter(wait)
    }

    func closedPage(survey: Survey, language: String) -> Response {
        let model = PageModel(survey: survey, channel: FormChannel(basePath: "/", method: .digital), language: language)
        var page = model.layout(title: survey.title.text(language))
        page.merge(["heading": survey.title.text(language), "text": survey.interfaceText(.closed, language)]) { _, new in new }
        return pages.html("message", page)
    }

    private func message(survey: Survey, language: String, channel: FormChannel, suffix: String, title: String, text: String,
                         link: (href: String, label: String)) -> Response {
        let model = PageModel(survey: survey, channel: channel, language: language)
        var page = model.layout(title: title, switchPath: channel.url(suffix))
        page.merge(["heading": title, "text": text, "linkHref": link.href, "linkLabel": link.label]) { _, new in new }
        return pages.html("message", page)
    }
}
