import Foundation
import Hummingbird
import SurveyCore
import SurveyReports
import SurveyStore

/// Letters and paper forms to open and print from the browser, and the links CSV: the same printables as
/// `ouderstem invite` and `ouderstem survey print`. Giving codes changes the database, so it is a form post;
/// the pages themselves only show what is stored.
struct PrintRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/letters") { request, desk in
            try page(request, desk, error: nil)
        }
        staff.staffPost(router, "/staff/invite") { request, desk, form in
            let database = desk.database
            let text = DashboardText.table(staff.language(request))
            let roster = try database.respondents()
            guard !roster.isEmpty else { return try page(request, desk, error: text["letters.emptyRoster"]!) }
            let chosen: [Respondent]
            if form["who"] == "sample" {
                guard let sampled = try database.sampledRespondents(of: roster) else { return try page(request, desk, error: text["letters.noSample"]!) }
                chosen = sampled
            } else {
                chosen = roster
            }
            let invited = try database.invite(chosen.map(\.id))
            desk.log("gave codes to \(invited.count) families (\(form["who"] == "sample" ? "the sample" : "the whole roster"))")
            return Pages.redirect(desk.path("/letters"))
        }
        staff.staffGet(router, "/staff/letters.html") { request, desk in
            let (survey, invitations, link) = try invited(request, desk)
            let html = try InvitationLetters(survey: survey, link: link, settings: try desk.database.settings()).html(invitations)
            return Self.file(html, type: "text/html; charset=utf-8", name: nil)
        }
        staff.staffGet(router, "/staff/links.csv") { request, desk in
            let (_, invitations, link) = try invited(request, desk)
            return Self.file(LinksCSV.render(invitations, link: link), type: "text/csv; charset=utf-8", name: "links.csv")
        }
        staff.staffGet(router, "/staff/forms.html") { request, desk in
            let database = desk.database
            let survey = try database.currentSurvey()
            let copies = PaperForm.copies(of: try database.respondents(), codes: try database.invitationCodes(), survey: survey, language: nil)
            return Self.file(PaperForm(survey: survey, settings: try database.settings()).html(copies), type: "text/html; charset=utf-8", name: nil)
        }
        staff.staffGet(router, "/staff/form-blank.html") { request, desk in
            let database = desk.database
            let survey = try database.currentSurvey()
            let language = request.uri.queryParameters["lang"].map(String.init).flatMap { survey.language($0) != nil ? $0 : nil } ?? "nl"
            return Self.file(PaperForm(survey: survey, settings: try database.settings()).blank(language: language), type: "text/html; charset=utf-8", name: nil)
        }
    }

    /// The address parents' phones open: `?base=` when given, else the address this dashboard is reached at.
    private func link(_ request: Request) throws -> PersonalLink {
        if let base = request.uri.queryParameters["base"], !base.isEmpty { return try PersonalLink(base: String(base)) }
        let host = request.head.authority ?? "localhost:8080"
        return try PersonalLink(base: "\(staff.configuration.secureCookies ? "https" : "http")://\(host)")
    }

    private func invited(_ request: Request, _ desk: StaffDesk) throws -> (Survey, [InvitationLetters.Invitation], PersonalLink) {
        let database = desk.database
        let codes = try database.invitationCodes()
        let invitations = try database.respondents().compactMap { respondent in
            codes[respondent.id].map { InvitationLetters.Invitation(respondent: respondent, code: $0) }
        }
        return (try database.currentSurvey(), invitations, try link(request))
    }

    static func file(_ text: String, type: String, name: String?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        // The printables are whole documents with their style, QR codes (data: images) and page-count script
        // inline, made by the report library from the survey and the roster (escaped); they load nothing else.
        if type.hasPrefix("text/html") {
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; "
                + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func page(_ request: Request, _ desk: StaffDesk, error: String?) throws -> Response {
        let database = desk.database
        guard (try? database.peiling()) != nil else { return Pages.redirect("/staff/start") }
        let codes = try database.invitationCodes()
        let roster = try database.respondents()
        let settings = try database.settings()
        let base = try link(request).base
        let text = DashboardText.table(staff.language(request))
        return staff.render(request, desk, "staff-letters", [
            "error": error ?? "",
            "codesLine": DashboardText.fill(text["letters.codes"]!, ["n": "\(roster.filter { codes[$0.id] != nil }.count)", "of": "\(roster.count)"]),
            "baseLine": DashboardText.fill(text["letters.base"]!, ["base": base]),
            "hasCodes": !codes.isEmpty, "hasSample": try database.sample() != nil, "base": base,
            "localOnly": (try? PersonalLink(base: base))?.isLocalOnly ?? false,
            "letterNeeds": settings.missingForLetter.isEmpty ? "" : DashboardText.fill(text["letters.needs"]!, ["fields": settings.missingForLetter.joined(separator: ", ")]),
            "languages": try database.currentSurvey().languages.map { ["code": $0.code, "name": Language(code: $0.code).nativeName] },
        ], status: error == nil ? .ok : .unprocessableContent)
    }
}
