import SurveyCore
import SurveyStore
import Synchronization

/// The peilingen one server serves: every peiling in the file, or only the one of `serve --peiling NAME`.
/// Each peiling's services are made on first use and kept, all on the one pool of `root`. The checks made
/// on every request read only where each peiling stands (`PeilingPlace`), never its counts.
final class PeilingDesks: Sendable {
    /// The handle the server was started with; sessions, budgets and secrets are kept through it.
    let root: SurveyDatabase
    /// `serve --peiling NAME`: the id of that peiling; nil serves every peiling in the file.
    let only: Int64?
    private let pages: Pages
    private let limits: RateLimits
    private let cleanup: ExpiryCleanup
    private let made = Mutex<[Int64: PeilingServices]>([:])
    /// Code -> its peiling, for codes found before. A code never moves to another peiling, so this is never
    /// stale: a code deleted since (roster forgotten) is still refused by its peiling's own check. Saves a
    /// read on every request a parent makes; emptied when it holds a large school board's codes.
    private let peilingOfCode = Mutex<[String: Int64]>([:])
    private static let codesRemembered = 200_000

    init(root: SurveyDatabase, pages: Pages, limits: RateLimits, cleanup: ExpiryCleanup) throws {
        self.root = root
        self.pages = pages
        self.limits = limits
        self.cleanup = cleanup
        only = root.peilingName == nil ? nil : try root.peiling().id
    }

    /// The peilingen served here with their counts, by school and name: the list staff choose from.
    func list(in scope: StaffScope) throws -> [PeilingSummary] {
        scope.filter(try root.peilingen().filter { only == nil || $0.id == only })
    }

    /// The peilingen served here, by school and name, without their counts.
    func places() throws -> [PeilingPlace] {
        try root.peilingPlaces().filter { only == nil || $0.id == only }
    }

    /// The services of peiling `id`; nil when the file has no such peiling or it is not served here.
    func services(_ id: Int64) throws -> PeilingServices? {
        if let known = made.withLock({ $0[id] }) { return known }
        guard try places().contains(where: { $0.id == id }) else { return nil }
        let services = try PeilingServices(id: id, root: root, pages: pages, limits: limits, cleanup: cleanup)
        return made.withLock { made in
            if let raced = made[id] { return raced }
            made[id] = services
            return services
        }
    }

    /// The services of the peiling a parent's code belongs to; nil for a code on no roster served here.
    func services(forCode typed: String) throws -> PeilingServices? {
        guard let code = try? InvitationCode(parsing: typed) else { return nil }
        if let id = peilingOfCode.withLock({ $0[code.value] }) { return try services(id) }
        guard let id = try root.peilingID(forCode: code.value) else { return nil }
        peilingOfCode.withLock { known in
            if known.count >= Self.codesRemembered { known.removeAll() }
            known[code.value] = id
        }
        return try services(id)
    }

    /// Where a parent's typed code is checked: in its own peiling, or (a code on no roster here) in the
    /// welcome peiling, which does not know it either and counts the guess against the same budget.
    func codeServices(_ typed: String) throws -> PeilingServices {
        guard let services = try services(forCode: typed) ?? welcomeServices() else { throw StoreError.noPeiling }
        return services
    }

    /// The peiling an address without one means for a staff member (`/staff/roster`, a bookmark from
    /// before): the only peiling in their scope. With several there is no such peiling: the staff member
    /// chooses one on the list, so a form is never sent to a peiling they did not see.
    func defaultServices(in scope: StaffScope) throws -> PeilingServices? {
        let inScope = scope.filter(try places())
        guard inScope.count == 1 else { return nil }
        return try services(inScope[0].id)
    }

    /// The peiling whose texts the code page at `/` shows before a code is typed (a code then finds its own
    /// peiling): the one served, else the first open one, else the first one; nil when there is none.
    func welcomeServices() throws -> PeilingServices? {
        let all = try places()
        guard let first = all.first(where: { !$0.closed }) ?? all.first else { return nil }
        return try services(first.id)
    }
}
