/// A group of questions shown together (one page of the form, one sheet of the report).
public struct Theme: Sendable, Hashable, Codable {
    public var id: String
    public var title: LocalizedText
    public var intro: LocalizedText?
    /// The optional background section; its answers may set diversity tags.
    public var isBackground: Bool
    public var questions: [Question]
    /// Questions for the team meeting that discusses this theme's results.
    public var discussion: [DiscussionQuestion]

    public init(
        id: String, title: LocalizedText, intro: LocalizedText? = nil, isBackground: Bool = false,
        questions: [Question], discussion: [DiscussionQuestion] = []
    ) {
        self.id = id
        self.title = title
        self.intro = intro
        self.isBackground = isBackground
        self.questions = questions
        self.discussion = discussion
    }
}

/// A discussion question for the team meeting, with the card it comes from.
public struct DiscussionQuestion: Sendable, Hashable, Codable {
    public var source: String?
    public var text: LocalizedText

    public init(source: String?, text: LocalizedText) {
        self.source = source
        self.text = text
    }
}
