/// A named answer scale, such as a 5-point agreement scale or a 4-point need scale.
public struct Scale: Sendable, Hashable, Codable {
    public var id: String
    /// The points from lowest to highest.
    public var points: [AnswerOption]
    /// How many of the highest points count as the positive share in reports ("(helemaal) eens").
    public var top: Int
    /// The name of that share, e.g. "(helemaal) eens" or "grote behoefte".
    public var topLabel: LocalizedText

    public init(id: String, points: [AnswerOption], top: Int, topLabel: LocalizedText) {
        self.id = id
        self.points = points
        self.top = top
        self.topLabel = topLabel
    }

    /// The 1-based score of a point id, for means.
    public func score(of pointID: String) -> Int? {
        points.firstIndex { $0.id == pointID }.map { $0 + 1 }
    }

    /// Whether a point counts in the positive share.
    public func isTop(_ pointID: String) -> Bool {
        guard let score = score(of: pointID) else { return false }
        return score > points.count - top
    }
}
