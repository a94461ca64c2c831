
/// A bad combination of `--role`, `--school` and `--peiling`, in one plain sentence each.
public enum StaffScopeError: Error, Equatable, CustomStringConvertible {
    case boardHasNoSchool
    case needsSchool(StaffScope.Role)
    case coordinatorHasNoPeilingen
    case otherSchool(peiling: String, school: String, expected: String)
    case peilingWithoutSchool(String)

    public var description: String {
        switch self {
        case .boardHasNoSchool: "A board account sees every school; leave out --school and --peiling."
        case .needsSchool(let role): "A \(role.rawValue) account needs --school SCHOOL (the school in `ouderstem peilingen`)."
        case .coordinatorHasNoPeilingen: "A coordinator sees every peiling of the school; --peiling is only for a teacher."
        case .otherSchool(let peiling, let school, let expected):
            "Peiling '\(peiling)' belongs to '\(school)', not to '\(expected)'; choose a peiling of that school."
        case .peilingWithoutSchool(let peiling):
            "Peiling '\(peiling)' has no school yet; give it one with `ouderstem settings --peiling '\(peiling)' --school SCHOOL`."
        }
    }
}

extension SurveyDatabase {
    /// The scope that `staff add --role --school --peiling` asks for, checked against the peilingen in the
    /// file; nil when no option is given. A school or peiling without a role makes a teacher.
    public func staffScope(role: StaffScope.Role?, school: String?, peilingen names: [String]) throws -> StaffScope? {
        guard role != nil || school != nil || !names.isEmpty else { return nil }
        let role = role ?? .teacher
        switch role {
        case .board:
            guard school == nil, names.isEmpty else { throw StaffScopeError.boardHasNoSchool }
            return .wholeFile
        case .coordinator, .teacher:
            guard let school, !school.isEmpty else { throw StaffScopeError.needsSchool(role) }
            guard role == .teacher || names.isEmpty else { throw StaffScopeError.coordinatorHasNoPeilingen }
            let all = try peilingen()
            let ids = try names.map { name in
                guard let peiling = all.first(where: { $0.name == name }) else {
                    throw StoreError.unknownPeiling(name: name, choices: all.map(\.name))
                }
                guard let own = peiling.school else { throw StaffScopeError.peilingWithoutSchool(name) }
                guard own == school else { throw StaffScopeError.otherSchool(peiling: name, school: own, expected: school) }
                return peiling.id
            }
            return StaffScope(role: role, school: school, peilingIDs: Set(ids))
        }
    }
}
