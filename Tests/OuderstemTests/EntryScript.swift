import SurveyCore

/// The lines a staff member types for `ouderstem enter`, one per question the parent sees, from a plan of
/// answers by question id (option numbers as on the paper form; questions not in the plan are skipped).
enum EntryScript {
    static func lines(for survey: Survey, plan: [String: String], other: [String: String] = [:], confirm: String = "j") -> String {
        var given: Answers = [:]
        var lines: [String] = []
        for question in survey.questions where survey.isVisible(question, given: given) {
            let line = plan[question.id] ?? ""
            lines.append(line)
            let choices = question.choices(otherLabel: [:])
            let values = question.type.isChoice
                ? line.split(separator: ",").compactMap { Int($0).map { choices[$0 - 1].id } }
                : [line]
            if values.contains(AnswerOption.otherID) { lines.append(other[question.id] ?? "iets anders") }
            if let answer = try? AnswerParser.parse(question, values: values, otherText: other[question.id] ?? "iets anders") {
                given[question.id] = answer
            }
        }
        return (lines + [confirm]).joined(separator: "\n") + "\n"
    }

    /// The required questions answered with their first option: the least a complete entry needs.
    static func minimal(_ survey: Survey) -> [String: String] {
        Dictionary(uniqueKeysWithValues: survey.questions.filter(\.required).map { ($0.id, "1") })
    }
}
