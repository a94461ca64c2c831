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
            "scope": Self.describe(scope, dutch: true), "scopeEn": Self.describe(scope, dutch: false),
            "board": scope.role == .board, "hasPeilingen": !peilingen.isEmpty,
            "peilingen": peilingen.map { peiling -> [String: Any] in
                ["href": "/staff/p/\(peiling.id)", "name": peiling.name, "school": peiling.school ?? "–", "survey": peiling.surveyID,
                 "closed": peiling.closed, "responses": peiling.responses, "roster": peiling.rosterSize]
            },
        ])
    }

    /// The scope in words, as the staff member reads it above the list.
    static func describe(_ scope: StaffScope, dutch: Bool) -> String {
        let school = scope.school ?? ""
        switch scope.role {
        case .board: return dutch ? "Alle peilingen van alle scholen" : "Every peiling of every school"
        case .coordinator: return dutch ? "Alle peilingen van \(school)" : "Every peiling of \(school)"
        case .teacher where scope.peilingIDs.isEmpty: return dutch ? "De peilingen van \(school)" : "The peilingen of \(school)"
        case .teacher: return dutch ? "Uw eigen peilingen van \(school)" : "Your own peilingen of \(school)"
        }
    }
}
