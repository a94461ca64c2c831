import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The staff side: login, the peilingen in the staff member's scope (`/staff`), each peiling's dashboard
/// (`/staff/p/ID`), closing and reopening, and the interview screen.
struct StaffRoutes: Sendable {
    let desks: PeilingDesks
    let limits: RateLimits
    let pages: Pages
    let sessions: SessionStore
    let configuration: ServerConfiguration
    let parent: ParentRoutes

    var auth: StaffAuth {
        StaffAuth(database: desks.root, sessions: sessions, configuration: configuration, limits: limits)
    }

    func register(on router: Router<AppContext>) {
        // Every route added from here on (staff and kiosk) answers a refused peiling with a page.
        router.add(middleware: StaffRefusalPages(staff: self))
        router.get("/staff/login") { _, _ in
            // The first run: no account yet, so nobody can log in; offer to create one.
            guard try !desks.root.staffMembers().isEmpty else { return Pages.redirect("/staff/setup") }
            return loginPage(error: nil)
        }
        router.post("/staff/login") { request, context in
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: request.cookies[StaffAuth.loginCookie]?.value)
            let name = form["name"] ?? ""
            switch try await auth.verify(name: name, password: form["password"] ?? "", client: context.clientAddress) {
            case .valid: break
            case .invalid:
                return loginPage(error: "Naam of wachtwoord klopt niet. / Name or password is not correct.", status: .unauthorized)
            case .tooManyAttempts(let wait):
                return loginPage(error: TooManyAttempts.staffMessage(wait), status: .tooManyRequests).retryAfter(wait)
            }
            let (token, _) = try sessions.startStaff(name: name)
            return Pages.redirect("/staff", cookies: [auth.cookie(StaffAuth.sessionCookie, token)])
        }
        router.post("/staff/logout") { request, context in
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: try auth.session(request)?.csrf)
            try sessions.endStaff(request.cookies[StaffAuth.sessionCookie]?.value)
            return Pages.redirect("/staff/login", cookies: [auth.cookie(StaffAuth.sessionCookie, "", maxAge: 0)])
        }
        // Without a peiling in the address: the dashboard of the only peiling in scope, else the list to choose from.
        router.get("/staff") { request, context in
            guard try !desks.root.staffMembers().isEmpty else { return Pages.redirect("/staff/setup") }
            guard let session = try auth.session(request) else { return Pages.redirect("/staff/login") }
            guard let desk = try lookUpDesk(request, context, session) else { return try PeilingListPage(staff: self).render(request, session) }
            return try dashboard(request, desk)
        }
        router.get(RouterPath(Self.peilingPrefix)) { request, context in
            guard let session = try auth.session(request) else { return Pages.redirect("/staff/login") }
            guard let desk = try lookUpDesk(request, context, session) else { return Pages.redirect("/staff") }
            return try dashboard(request, desk)
        }
        for (path, closed) in [("/staff/close", true), ("/staff/reopen", false)] {
            staffPost(router, path) { _, desk, _ in
                try desk.database.setClosed(closed)
                desk.source.refresh()
                desk.log(closed ? "closed the peiling" : "reopened the peiling")
                return Pages.redirect(desk.base)
            }
        }
        // A kiosk over its budget of unknown codes waits until a staff member resets it here.
        staffPost(router, "/staff/kiosks/reset") { _, desk, _ in
            try limits.kioskGuesses.resetAll()
            return Pages.redirect(desk.base)
        }
        PeilingListPage(staff: self).register(on: router)
        BoardOverviewPage(staff: self).register(on: router)
        InterviewRoutes(staff: self).register(on: router)
        ReportRoutes(staff: self).register(on: router)
        SetupRoutes(staff: self).register(on: router)
        RosterRoutes(staff: self).register(on: router)
        SampleRoutes(staff: self).register(on: router)
        PrintRoutes(staff: self).register(on: router)
        EntryRoutes(staff: self).register(on: router)
        LifecycleRoutes(staff: self).register(on: router)
        SettingsRoutes(staff: self).register(on: router)
    }

    func loginPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = randomToken()
        var response = pages.html("login", ["title": "Inloggen / Log in", "action": "/staff/login", "csrf": token,
                                            "error": error ?? ""], status: status)
        response.setCookie(auth.cookie(StaffAuth.loginCookie, token, path: "/"))
        return response
    }

    private func dashboard(_ request: Request, _ desk: StaffDesk) throws -> Response {
        let database = desk.database
        let status = try database.status()
        let (_, survey) = try desk.source.current()
        let codes = try database.invitationCodes()
        let respondents = try database.respondents()
        let sample = try database.sample()
        let answered: Set<String> = Set(respondents.map(\.id)).subtracting(status.missing.map(\.respondentID))
        func percent(_ count: PeilingStatus.Count) -> String {
            count.roster == 0 ? "" : "\(Int((count.rate * 100).rounded()))%"
        }
        func rows(_ counts: [PeilingStatus.Count], label: (String) -> String) -> [[String: Any]] {
            counts.map { ["label": label($0.key), "roster": $0.roster, "responded": $0.responded, "rate": percent($0),
                          "bar": $0.roster == 0 ? 0 : Int(($0.rate * 100).rounded())] }
        }
        let missingRows: [[String: Any]] = status.missing.map { missing in
            [
                "id": missing.respondentID,
                "child": missing.childName ?? "",
                "parents": missing.parentNames ?? "",
                "group": missing.group,
                "language": missing.language,
                "tags": missing.tags.joined(separator: ", "),
                "inSample": missing.inSample,
                "method": missing.suggestedMethod.label.dutch,
                "reason": missing.reason.dutch,
                "interview": codes[missing.respondentID].map { desk.path("/interview/\($0.value)") } ?? "",
            ]
        }
        let sampleRows: [[String: Any]] = (sample?.active ?? []).compactMap { id in
            guard let respondent = respondents.first(where: { $0.id == id }) else { return nil }
            return ["id": id, "child": respondent.childName ?? "", "group": respondent.group, "answered": answered.contains(id),
                    "interview": codes[id].map { desk.path("/interview/\($0.value)") } ?? ""]
        }
        let everyone: [[String: Any]] = respondents.map { respondent in
            ["id": respondent.id, "child": respondent.childName ?? "", "group": respondent.group, "language": respondent.language,
             "answered": answered.contains(respondent.id),
             "interview": codes[respondent.id].map { desk.path("/interview/\($0.value)") } ?? ""]
        }
        let waitingKiosks = try limits.kioskGuesses.limited()
        let settings = try database.settings()
        let model: [String: Any] = [
            "settings": [
                "school": settings.school ?? "–", "groups": settings.groups ?? "–", "contact": settings.contact ?? "–",
                "contactInfo": settings.contactInfo ?? "–", "deadline": settings.deadline?.text(in: "nl") ?? "–",
                "why": settings.why ?? "–", "letterNeeds": settings.missingForLetter.joined(separator: " "),
            ] as [String: Any],
            "limitedKiosks": waitingKiosks.isEmpty ? false : [
                "count": waitingKiosks.count, "minutes": TooManyAttempts.minutes(waitingKiosks.map(\.wait).max() ?? 0),
            ] as [String: Any],
            "title": "Dashboard – \(status.peilingName)",
            "kioskUnlock": "/kiosk/unlock?peiling=\(desk.peiling.id)",
            "peilingName": status.peilingName,
            "surveyTitle": survey.title.dutch,
            "closed": status.closed,
            "rosterSize": status.rosterSize,
            "responses": status.responses,
            "inProgress": status.inProgress,
            "anonymous": status.anonymous,
            "responseRate": "\(Int((status.responseRate * 100).rounded()))%",
            "responseBar": Int((status.responseRate * 100).rounded()),
            "representativeness": status.representativeness.map { ["nl": $0.meaning.dutch, "en": $0.meaning["en"] ?? ""] } ?? false,
            "byMethod": status.byMethod.map { ["label": ResponseMethod(rawValue: $0.key)?.label.dutch ?? $0.key,
                                               "labelEn": ResponseMethod(rawValue: $0.key)?.label.text("en") ?? "",
                                               "responded": $0.responded] },
            "byGroup": rows(status.byGroup) { $0 },
            "byTag": rows(status.byTag) { key in survey.tag(key)?.label.dutch ?? key },
            "hasSample": status.sampleSize > 0,
            "sampleSize": status.sampleSize,
            "sampleResponded": status.sampleResponded,
            "sample": sampleRows,
            "missing": missingRows,
            "hasMissing": !missingRows.isEmpty,
            "everyone": everyone,
        ]
        return render(request, desk, "dashboard", model)
    }
}
