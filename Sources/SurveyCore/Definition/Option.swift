/// An answer option of a choice question, or a point of a scale.
public struct AnswerOption: Sendable, Hashable, Codable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }

    /// The id of the "other, namely ..." option that `other: true` adds.
    public static let otherID = "anders"
}
