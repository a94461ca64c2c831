/// Shows a question only when an earlier choice question got one of the listed answers.
public struct Condition: Sendable, Hashable, Codable {
    public var question: String
    public var answered: [String]

    public init(question: String, answered: [String]) {
        self.question = question
        self.answered = answered
    }
}
