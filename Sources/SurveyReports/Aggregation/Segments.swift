import SurveyCore

/// A way of splitting the responses: by diversity tag, by group (class), by response method, by language.
public enum Dimension: String, Sendable, CaseIterable {
    case tag, group, method, language

    /// Whether every response falls in exactly one value (then one hidden value could be found by subtraction).
    var isPartition: Bool { self != .tag }
}

/// One column of a breakdown: all responses, or those with one value of a dimension.
public struct Segment: Sendable {
    /// Nil for all responses.
    public var dimension: Dimension?
    /// The stored value: a tag id, group name ("" for none), method raw value or language code.
    public var key: String
    /// The complete responses in this segment.
    public var size: Int
    /// Hidden because it is smaller than the minimum, or to protect a hidden neighbour (complementary suppression).
    public var hidden: Bool
}

/// The segments of a peiling and which of them are hidden, decided from the response profiles before any answer is read.
struct SegmentTable {
    private(set) var segments: [Segment] = [Segment(dimension: nil, key: "", size: 0, hidden: false)]
    private var index: [Dimension: [String: Int]] = [:]

    /// An empty table with the survey's tags and the response methods in their defined order.
    init(survey: Survey) {
        for tag in survey.tags { add(.tag, tag.id) }
        for method in ResponseMethod.allCases { add(.method, method.rawValue) }
    }

    private mutating func add(_ dimension: Dimension, _ key: String) {
        if index[dimension]?[key] == nil {
            index[dimension, default: [:]][key] = segments.count
            segments.append(Segment(dimension: dimension, key: key, size: 0, hidden: false))
        }
    }

    /// Counts one response in its segments.
    mutating func record(group: String?, tags: [String], method: String, language: String) {
        add(.group, group ?? "")
        add(.method, method)
        add(.language, language)
        for tag in tags { add(.tag, tag) }
        segments[0].size += 1
        for i in indices(group: group, tags: tags, method: method, language: language).dropFirst() { segments[i].size += 1 }
    }

    /// The segments one response belongs to, overall (0) first.
    func indices(group: String?, tags: [String], method: String, language: String) -> [Int] {
        var result = [0]
        if let i = index[.group]?[group ?? ""] { result.append(i) }
        if let i = index[.method]?[method] { result.append(i) }
        if let i = index[.language]?[language] { result.append(i) }
        for tag in tags { if let i = index[.tag]?[tag] { result.append(i) } }
        return result
    }

    /// Hides small segments (never the overall one: it is the peiling itself); in a partition with exactly one hidden value, also hides the next smallest.
    mutating func finish(minGroup: Int) {
        for i in segments.indices.dropFirst() where segments[i].size < minGroup { segments[i].hidden = true }
        for dimension in Dimension.allCases where dimension.isPartition {
            let members = segmentIndices(of: dimension).filter { segments[$0].size > 0 }
            let hidden = members.filter { segments[$0].hidden }
            if hidden.count == 1, members.count >= 2,
               let next = members.filter({ !segments[$0].hidden }).min(by: { segments[$0].size < segments[$1].size }) {
                segments[next].hidden = true
            }
        }
    }

    /// The segments of one dimension in display order (groups and languages sorted, empty ones left out for those).
    func segmentIndices(of dimension: Dimension) -> [Int] {
        let all = segments.indices.filter { segments[$0].dimension == dimension }
        switch dimension {
        case .tag, .method: return all
        case .group: return all.sorted { segments[$0].key.localizedStandardCompare(segments[$1].key) == .orderedAscending }
        case .language:
            return all.sorted { (segments[$0].key == "nl" ? 0 : 1, segments[$0].key) < (segments[$1].key == "nl" ? 0 : 1, segments[$1].key) }
        }
    }

    var count: Int { segments.count }

    subscript(_ i: Int) -> Segment { segments[i] }

    func index(of dimension: Dimension, _ key: String) -> Int? { index[dimension]?[key] }
}
