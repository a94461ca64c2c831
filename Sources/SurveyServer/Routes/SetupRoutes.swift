import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The first run and the start of a peiling: the first staff account (only from this machine) and a
/// peiling of a shipped or uploaded survey with its settings, the same store calls as `staff add` and `init`.
struct SetupRoutes: Sendable {
    let staff: StaffRoutes

    /// A survey definition is a few dozen kilobytes; this leaves room and refuses anything else.
    static let surveyUploadLimit = 512 * 1024

    func register(on router: Router<AppContext>) {
        router.get("/staff/setup") { request, context in
            guard try staff.desks.root.staffMembers().isEmpty else { return Pages.redirect("/staff/login") }
            return setupPage(request, context, error: nil)
        }
        router.post("/staff/setup") { request, context in
            let database = staff.desks.root
            guard try database.staffMembers().isEmpty else { return Pages.redirect("/staff/login") }
            guard Self.isLocal(context) else { return setupPage(request, context, error: nil, status: .forbidden) }
            let form = try await FormBody.read(request, context: context)
            try StaffAuth.checkCSRF(form, expected: request.cookies[StaffAuth.loginCookie]?.value)
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            let text = DashboardText.table(staff.language(request))
            guard StaffPasswords.isValidName(name) else { return setupPage(request, context, error: text["setup.badName"]) }
            guard password.count >= StaffPasswords.minimumLength else { return setupPage(request, context, error: text["setup.shortPassword"]) }
            guard password == form["again"] else { return setupPage(request, context, error: text["setup.notSame"]) }
            try database.setStaff(name: name, passwordHash: StaffPasswords.hash(password))
            StaffLog.record(name, "created the first staff account from this machine")
            let (token, _) = try staff.sessions.startStaff(name: name)
            return Pages.redirect("/staff", cookies: [staff.auth.cookie(StaffAuth.sessionCookie, token)])
        }
        // Starting a peiling belongs to no peiling yet: only the login counts here.
        router.get("/staff/start") { request, _ in
            guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
            return try startPage(request, session, errors: [])
        }
        router.post("/staff/start") { request, _ in
            guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
            let form = try await MultipartBody.read(request, limit: Self.surveyUploadLimit)
            try StaffAuth.checkCSRF(form.fields, expected: session.csrf)
            return try start(request, session, form)
        }
    }

    /// Only a request from this very machine may create the first account: the peer is loopback and no
    /// proxy stands between (then the client address a trusted proxy reports would differ).
    static func isLocal(_ context: AppContext) -> Bool {
        guard let peer = context.remoteAddress?.ipAddress else { return false }
        let loopback = { (address: String) in address == "::1" || address.hasPrefix("127.") || address == "::ffff:127.0.0.1" }
        return loopback(peer) && loopback(context.clientAddress)
    }

    private func setupPage(_ request: Request, _ context: AppContext, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = randomToken()
        var response = staff.render(request, nil, "staff-setup", ["local": Self.isLocal(context), "csrf": token, "error": error ?? ""],
                                    status: error == nil ? status : .unprocessableContent)
        response.setCookie(staff.auth.cookie(StaffAuth.loginCookie, token, path: "/"))
        return response
    }

    /// The shipped surveys: every `.yaml` file in the surveys folder, with its Dutch title.
    private func shippedSurveys() -> [(file: String, title: String)] {
        guard let folder = staff.configuration.surveysDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            guard let loaded = try? SurveyLoader.load(path: (folder as NSString).appendingPathComponent(name)) else { return nil }
            return (name, loaded.survey.title.dutch)
        }
    }

    /// The school a staff member's new peiling must have: their own, unless they are a board account (nil).
    private func fixedSchool(_ scope: StaffScope) -> String? {
        scope.role == .board ? nil : scope.school
    }

    private func startPage(_ request: Request, _ session: StaffSession, errors: [String], form: MultipartBody? = nil,
                           status: HTTPResponse.Status = .ok) throws -> Response {
        guard let scope = try staff.desks.root.staffScope(name: session.name) else { throw StaffRefusal.outOfScope }
        let places = try staff.desks.places()
        // A server limited to one peiling (`serve --peiling`) serves no other: that one starts with `ouderstem init --name`.
        let running = staff.desks.only == nil ? nil : places.first
        let chosen = form?["survey"] ?? shippedSurveys().first?.file ?? ""
        let surveys: [[String: Any]] = shippedSurveys().map { ["file": $0.file, "title": $0.title, "checked": $0.file == chosen] }
        let school = fixedSchool(scope)
        var model: [String: Any] = [
            "running": running.map { ["name": $0.name] as [String: Any] } ?? false,
            "another": !places.isEmpty, "fixedSchool": school != nil,
            "surveys": surveys, "hasSurveys": !surveys.isEmpty, "uploadChecked": chosen == "upload",
            "errors": errors.map { ["text": $0] }, "hasErrors": !errors.isEmpty,
        ]
        // What was typed comes back after an error, so nothing has to be typed twice.
        for key in ["name", "school", "groups", "contact", "contactInfo", "deadline", "why"] { model["v_" + key] = form?[key] ?? "" }
        if let school { model["v_school"] = school }
        return staff.render(request, session, "staff-start", model, status: status)
    }

    private func start(_ request: Request, _ session: StaffSession, _ form: MultipartBody) throws -> Response {
        let database = staff.desks.root
        let text = DashboardText.table(staff.language(request))
        guard let scope = try database.staffScope(name: session.name) else { throw StaffRefusal.outOfScope }
        let places = try staff.desks.places()
        guard staff.desks.only == nil || places.isEmpty else { return Pages.redirect("/staff/start") }
        var yaml = ""
        var file = ""
        if form["survey"] == "upload" {
            guard let upload = form.file("upload") else { return try startPage(request, session, errors: [text["start.noFile"]!], form: form, status: .unprocessableContent) }
            guard let decoded = String(validating: upload.bytes, as: UTF8.self) else {
                return try startPage(request, session, errors: [text["start.notUTF8"]!], form: form, status: .unprocessableContent)
            }
            yaml = decoded
            file = upload.filename ?? "upload.yaml"
        } else {
            guard let name = form["survey"], shippedSurveys().contains(where: { $0.file == name }),
                  let folder = staff.configuration.surveysDirectory,
                  let shipped = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8) else {
                return try startPage(request, session, errors: [text["start.chooseSurvey"]!], form: form, status: .unprocessableContent)
            }
            yaml = shipped
            file = name
        }
        let survey: Survey
        do {
            survey = try SurveyLoader.load(yaml: yaml, file: file).survey
        } catch let error as SurveyDefinitionError {
            let problems = error.errors.map { DashboardText.fill(text["start.problem"]!, ["file": $0.file, "line": "\($0.line)", "message": $0.message]) }
            return try startPage(request, session, errors: problems, form: form, status: .unprocessableContent)
        }
        let change = SettingsChange(school: form["school"], groups: form["groups"], contact: form["contact"],
                                    contactInfo: form["contactInfo"], deadline: form["deadline"], why: form["why"])
        if let deadline = change.deadline?.trimmingCharacters(in: .whitespaces), !deadline.isEmpty {
            do { _ = try Deadline(parsing: deadline) } catch {
                return try startPage(request, session, errors: [error.description], form: form, status: .unprocessableContent)
            }
        }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let school = (form["school"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // The school decides who sees the peiling: a teacher or coordinator starts one of their own school only.
        if let own = fixedSchool(scope), school != own {
            return try startPage(request, session, errors: [DashboardText.fill(text["start.schoolOutOfScope"]!, ["school": school, "own": own])],
                                 form: form, status: .unprocessableContent)
        }
        guard places.isEmpty else {
            return try startAnother(request, session, form, name: name, survey: survey, yaml: yaml, file: file, change: change, scope: scope)
        }
        try database.initialize(name: name.isEmpty ? survey.title.dutch : name, survey: survey, yaml: yaml)
        try database.applySettings(change)
        StaffLog.record(session.name, "started the peiling of '\(survey.id)' v\(survey.version) (\(file))")
        return Pages.redirect("/staff/roster")
    }

    /// Another peiling beside those in the file: a name of its own, on the server's one pool, and for a teacher
    /// limited to her own peilingen, one more of her own.
    private func startAnother(_ request: Request, _ session: StaffSession, _ form: MultipartBody, name: String, survey: Survey,
                              yaml: String, file: String, change: SettingsChange, scope: StaffScope) throws -> Response {
        let database = staff.desks.root
        let text = DashboardText.table(staff.language(request))
        guard !name.isEmpty else {
            return try startPage(request, session, errors: [text["start.nameRequired"]!], form: form, status: .unprocessableContent)
        }
        guard try !staff.desks.places().contains(where: { $0.name == name }) else {
            return try startPage(request, session, errors: [DashboardText.fill(text["start.nameTaken"]!, ["name": name])],
                                 form: form, status: .unprocessableContent)
        }
        let peiling = database.view(named: name)
        try peiling.initialize(name: name, survey: survey, yaml: yaml)
        try peiling.applySettings(change)
        let id = try peiling.peiling().id!
        if scope.role == .teacher, !scope.peilingIDs.isEmpty, let hash = try database.staffPasswordHash(name: session.name) {
            var own = scope
            own.peilingIDs.insert(id)
            try database.setStaff(name: session.name, passwordHash: hash, scope: own)
        }
        StaffLog.record(session.name, "started another peiling of '\(survey.id)' v\(survey.version) (\(file))", peiling: id)
        return Pages.redirect("/staff/p/\(id)/roster")
    }
}
