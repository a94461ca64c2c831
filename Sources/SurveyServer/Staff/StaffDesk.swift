import Foundation
import Hummingbird
import SurveyStore

/// A staff member's request about one peiling: who asks, the peiling, and the address prefix the request
/// came in on. Every link and form of the page answering it starts with that prefix, so a page open in one
/// tab keeps posting to its own peiling whatever another tab chooses.
struct StaffDesk: Sendable {
    let session: StaffSession
    let peiling: PeilingServices
    /// `/staff/p/ID`, or `/staff` for an address without a peiling (the only peiling in the staff member's scope).
    let base: String

    var database: SurveyDatabase { peiling.database }
    var source: SurveySource { peiling.source }
    var responder: FormResponder { peiling.responder }

    /// An address on this desk: `path("/roster")` is `/staff/p/3/roster` or `/staff/roster`.
    func path(_ suffix: String) -> String { base + suffix }

    /// Logs a change the staff member made in this peiling.
    func log(_ action: String) {
        StaffLog.record(session.name, action, peiling: peiling.id)
    }
}

extension StaffRoutes {
    /// Where a peiling's staff pages live: `/staff/p/ID/roster` names peiling ID in the address.
    static let peilingPrefix = "/staff/p/:peiling"

    /// A staff route's two addresses: without a peiling (`/staff/roster`) and with one (`/staff/p/:peiling/roster`).
    static func addresses(_ path: String) -> [String] {
        [path, peilingPrefix + path.dropFirst("/staff".count)]
    }

    /// The peiling this request is about, checked against the staff member's scope: the one in the address,
    /// else the only one in their scope. Nil when the address names none and they have several to choose
    /// from; a refusal (404 for a peiling not served here, 403 for one outside their scope) and nothing is done.
    func lookUpDesk(_ request: Request, _ context: AppContext, _ session: StaffSession) throws -> StaffDesk? {
        guard let scope = try desks.root.staffScope(name: session.name) else { throw StaffRefusal.outOfScope }
        guard let named = context.parameters.get("peiling") else {
            return try desks.defaultServices(in: scope).map { StaffDesk(session: session, peiling: $0, base: "/staff") }
        }
        guard let id = Int64(named), let place = try desks.places().first(where: { $0.id == id }),
              let services = try desks.services(id) else { throw StaffRefusal.noSuchPeiling }
        guard scope.includes(peilingID: id, school: place.school) else { throw StaffRefusal.outOfScope }
        return StaffDesk(session: session, peiling: services, base: "/staff/p/\(id)")
    }
}
