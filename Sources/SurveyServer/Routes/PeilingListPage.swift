import Foundation
import Hummingbird
import SurveyStore

/// `/staff/peilingen` (and `/staff` for a staff member with several): the peilingen in the staff member's
/// scope with their school, survey, status and responses, each leading to its own dashboard `/staff/p/ID`.
struct PeilingListPage: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        router.get("/staff/peilingen") { request, _ in
            guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
            return try render(request, session)
        }
    }

    func render(_ request: Request, _ session: StaffSession) throws -> Response {
        guard let scope = try staff.desks.root.staffScope(name: session.name) else { throw StaffRefusal.outOfScope }
        // A file without any peiling starts one first (the one-teacher laptop on its first day).
        guard try !staff.desks.places().isEmpty else { return Pages.redirect("/staff/start") }
        let peilingen = try staff.desks.list(in: scope)
        return staff.render(request, session, "staff-peilingen", [
            "scope": Self.describe(scope, DashboardText.table(staff.language(request))),
            // The overview across the peilingen in scope: for a board or coordinator, or anyone with several.
            "overview": scope.role != .teacher || peilingen.count > 1, "hasPeilingen": !peilingen.isEmpty,
            "peilingen": peilingen.map { peiling -> [String: Any] in
                ["href": "/staff/p/\(peiling.id)", "name": peiling.name, "school": peiling.school ?? "–", "survey": peiling.surveyID,
                 "closed": peiling.closed, "responses": peiling.responses, "roster": peiling.rosterSize]
            },
        ])
    }

    /// The scope in words, as the staff member reads it above the list.
    static func describe(_ scope: StaffScope, _ text: [String: String]) -> String {
        let key = switch scope.role {
        case .board: "peilingen.board"
        case .coordinator: "peilingen.coordinator"
        case .teacher: scope.peilingIDs.isEmpty ? "peilingen.teacher" : "peilingen.own"
        }
        return DashboardText.fill(text[key]!, ["school": scope.school ?? ""])
    }
}
