/// What a staff account may see and manage: the peilingen of the whole file (board), of one school
/// (coordinator, or a teacher of that school), or only a teacher's own peilingen of their school.
public struct StaffScope: Sendable, Equatable {
    /// The kind of account, which decides how wide its scope can be.
    public enum Role: String, Sendable, CaseIterable {
        case teacher, coordinator, board
    }

    public var role: Role
    /// The school of a teacher or coordinator; nil for a board account.
    public var school: String?
    /// A teacher limited to their own peilingen: their ids. Empty: every peiling of the school.
    public var peilingIDs: Set<Int64>

    /// Every peiling in the file: a board account, and every account made before scopes existed.
    public static let wholeFile = StaffScope(role: .board, school: nil, peilingIDs: [])

    public init(role: Role, school: String?, peilingIDs: Set<Int64>) {
        self.role = role
        self.school = school
        self.peilingIDs = peilingIDs
    }

    /// Whether the peiling with `id`, of `school` (from its settings), is in this scope.
    public func includes(peilingID id: Int64, school peilingSchool: String?) -> Bool {
        switch role {
        case .board: true
        case .coordinator: peilingSchool == school
        case .teacher: peilingSchool == school && (peilingIDs.isEmpty || peilingIDs.contains(id))
        }
    }

    /// The peilingen of `list` in this scope.
    public func filter<Listed: PeilingOfSchool>(_ list: [Listed]) -> [Listed] {
        list.filter { includes(peilingID: $0.id, school: $0.school) }
    }
}

/// A peiling as a scope sees it: its id and its school. Listed with counts (`PeilingSummary`) or without
/// (`PeilingPlace`).
public protocol PeilingOfSchool {
    var id: Int64 { get }
    var school: String? { get }
}

extension PeilingSummary: PeilingOfSchool {}
extension PeilingPlace: PeilingOfSchool {}
