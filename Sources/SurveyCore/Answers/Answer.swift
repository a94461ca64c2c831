/// What a parent answered to one question.
public enum AnswerValue: Sendable, Hashable, Codable {
    /// One option id (single, scale).
    case choice(String)
    /// Option ids (multiple), in the order of the definition.
    case choices([String])
    case number(Double)
    case text(String)
}

/// An answer with the "other, namely ..." text when that option was chosen.
public struct Answer: Sendable, Hashable, Codable {
    public var questionID: String
    public var value: AnswerValue
    public var otherText: String?

    public init(questionID: String, value: AnswerValue, otherText: String? = nil) {
        self.questionID = questionID
        self.value = value
        self.otherText = otherText
    }

    /// The chosen option ids (empty for text and number answers).
    public var chosen: [String] {
        switch value {
        case .choice(let id): [id]
        case .choices(let ids): ids
        case .number, .text: []
        }
    }
}

/// All answers of one response, by question id.
public typealias Answers = [String: Answer]
