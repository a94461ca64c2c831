import ArgumentParser
import SurveyStore

extension StaffScope.Role: ExpressibleByArgument {}

/// A staff account's scope in the CLI's language, for `staff list` and the errors of `staff add`.
enum StaffScopeText {
    static func role(_ role: StaffScope.Role) -> String {
        CLILanguage.current == .dutch
            ? ["teacher": "leerkracht", "coordinator": "coördinator", "board": "bestuur"][role.rawValue]!
            : role.rawValue
    }

    static func describe(_ member: StaffMember) -> String {
        let school = member.scope.school ?? ""
        switch member.scope.role {
        case .board: return say(.staffScopeBoard)
        case .teacher where !member.peilingNames.isEmpty:
            return say(.staffScopeOwn, ["school": school, "peilingen": PeilingNames.list(member.peilingNames)])
        case .teacher, .coordinator: return say(.staffScopeSchool, ["role": role(member.scope.role), "school": school])
        }
    }
}

extension StaffScopeError {
    /// The sentence in the CLI's language.
    var cliMessage: String {
        switch self {
        case .boardHasNoSchool: say(.staffBoardHasNoSchool)
        case .needsSchool(let role): say(.staffNeedsSchool, ["role": StaffScopeText.role(role)])
        case .coordinatorHasNoPeilingen: say(.staffCoordinatorHasNoPeilingen)
        case .otherSchool(let peiling, let school, let expected):
            say(.staffOtherSchool, ["peiling": peiling, "school": school, "expected": expected])
        case .peilingWithoutSchool(let peiling): say(.staffPeilingWithoutSchool, ["peiling": peiling])
        }
    }
}
