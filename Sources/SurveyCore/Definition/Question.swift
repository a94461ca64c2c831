/// The kind of answer a question takes.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case single, multiple, scale, text, number

    /// Whether the answer is one or more option ids.
    public var isChoice: Bool { self == .single || self == .multiple || self == .scale }
}

/// One question of a survey.
public struct Question: Sendable, Hashable, Codable {
    public var id: String
    public var type: QuestionType
    public var text: LocalizedText
    public var help: LocalizedText?
    public var required: Bool
    /// The options of `single` and `multiple`; the scale's points for `scale` (filled in on loading).
    public var options: [AnswerOption]
    /// Whether an "other, namely ..." option with a text box is offered.
    public var allowsOther: Bool
    public var scaleID: String?
    public var showIf: Condition?
    /// Background questions: tag id -> the option ids that set it.
    public var tagMapping: [String: [String]]
    public var minimum: Double?
    public var maximum: Double?
    public var maxLength: Int
    /// For `multiple`: how many options a parent may choose at most (`max_choices`), nil for no limit.
    public var maxChoices: Int?

    public init(
        id: String, type: QuestionType, text: LocalizedText, help: LocalizedText? = nil, required: Bool = false,
        options: [AnswerOption] = [], allowsOther: Bool = false, scaleID: String? = nil, showIf: Condition? = nil,
        tagMapping: [String: [String]] = [:], minimum: Double? = nil, maximum: Double? = nil,
        maxLength: Int = Question.defaultMaxLength
    ) {
        self.id = id
        self.type = type
        self.text = text
        self.help = help
        self.required = required
        self.options = options
        self.allowsOther = allowsOther
        self.scaleID = scaleID
        self.showIf = showIf
        self.tagMapping = tagMapping
        self.minimum = minimum
        self.maximum = maximum
        self.maxLength = maxLength
    }

    public static let defaultMaxLength = 2000

    /// The options a person can pick, with the "other" option last when it is offered.
    public func choices(otherLabel: LocalizedText) -> [AnswerOption] {
        allowsOther ? options + [AnswerOption(id: AnswerOption.otherID, label: otherLabel)] : options
    }

    /// Whether `id` names an option that can be chosen.
    public func hasOption(_ id: String) -> Bool {
        options.contains { $0.id == id } || (allowsOther && id == AnswerOption.otherID)
    }
}
