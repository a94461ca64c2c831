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
    /// Smaller than the minimum group: none of its figures are shown.
    public var hidden: Bool
}

/// The respondents who share every value (group, method, language and the exact set of tags): the finest
/// sets a reader who knows the roster can tell apart, and the unknowns of the attacker's linear program.
struct Atom {
    /// The segments it belongs to, overall (0) first.
    var segments: [Int]
    /// Its tags, sorted.
    var tags: [String]
    /// Complete responses in it.
    var size: Int
}

/// The segments of a peiling and which of them are too small to show, decided from the response profiles
/// before any answer is read; and the atoms the segments are made of.
struct SegmentTable {
    private(set) var segments: [Segment] = [Segment(dimension: nil, key: "", size: 0, hidden: false)]
    private var index: [Dimension: [String: Int]] = [:]
    private(set) var atoms: [Atom] = []
    private var atomIndex: [String: Int] = [:]

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
        let a = atom(group: group, tags: tags, method: method, language: language) ?? addAtom(group: group, tags: tags, method: method, language: language)
        atoms[a].size += 1
    }

    private static func atomKey(group: String?, tags: [String], method: String, language: String) -> String {
        // Unit separators cannot occur in ids, so two different profiles never share a key.
        ([group ?? "", method, language] + Set(tags).sorted()).joined(separator: "\u{1F}")
    }

    /// The atom of a profile, if it has been recorded.
    func atom(group: String?, tags: [String], method: String, language: String) -> Int? {
        atomIndex[SegmentTable.atomKey(group: group, tags: tags, method: method, language: language)]
    }

    /// Adds an empty atom for a profile (a response that arrived after the profiles were read lands in one too).
    mutating func addAtom(group: String?, tags: [String], method: String, language: String) -> Int {
        let key = SegmentTable.atomKey(group: group, tags: tags, method: method, language: language)
        if let existing = atomIndex[key] { return existing }
        atomIndex[key] = atoms.count
        let known = Set(tags)
        atoms.append(Atom(segments: indices(group: group, tags: tags, method: method, language: language),
                          tags: known.sorted(), size: 0))
        return atoms.count - 1
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

    /// Marks segments smaller than the minimum (never the overall one: it is the peiling itself). Which figures
    /// of the larger ones may be shown is decided per question by `DisclosureControl`.
    mutating func finish(minGroup: Int) {
        for i in segments.indices.dropFirst() where segments[i].size < minGroup { segments[i].hidden = true }
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
