/// How well a sample mirrors the roster: per tag and home-language group the roster share, the expected
/// number in a sample of this size and the number drawn.
public enum SampleBalance {
    /// A balancing variable: a tag or a home-language group.
    public struct Variable: Sendable {
        /// "nt2", or "taal: ar" / "taal: overig" for a language group.
        public var name: String
        public var holds: @Sendable (Respondent) -> Bool
    }

    /// One line of the coverage table.
    public struct Line: Sendable, Equatable, Codable {
        public var name: String
        public var roster: Int
        /// The share of the roster, 0...1.
        public var share: Double
        /// The proportional number in the sample: share × sample size.
        public var expected: Double
        public var drawn: Int

        /// Drawn minus expected, in families.
        public var off: Double { Double(drawn) - expected }
    }

    /// The name of the language group of the languages too rare for a group of their own.
    public static let otherLanguages = "overig"

    /// The home-language groups: Dutch, each other language with at least `minimumFamilies` families, the
    /// rest together as "overig". Returns language -> group.
    public static func languageGroups(_ roster: [Respondent], minimumFamilies: Int) -> [String: String] {
        let counts = Dictionary(grouping: roster, by: \.language).mapValues(\.count)
        return counts.reduce(into: [:]) { groups, entry in
            groups[entry.key] = entry.key == "nl" || entry.value >= minimumFamilies ? entry.key : otherLanguages
        }
    }

    /// The balancing variables of a sample of `size`: language groups (a language has a group of its own when
    /// at least one of its families is expected in the sample), then the tags.
    public static func variables(roster: [Respondent], size: Int, tags: [String]) -> [Variable] {
        let minimum = size > 0 ? (roster.count + size - 1) / size : roster.count + 1
        let groups = languageGroups(roster, minimumFamilies: minimum)
        let languageVariables = Set(groups.values).sorted { ($0 == otherLanguages ? 1 : 0, $0) < ($1 == otherLanguages ? 1 : 0, $1) }.map { group in
            Variable(name: "taal: \(group)") { groups[$0.language] == group }
        }
        return languageVariables + tags.map { tag in Variable(name: tag) { $0.tags.contains(tag) } }
    }

    /// The coverage table of `members` as a sample of `size` from `roster`.
    public static func lines(roster: [Respondent], members: [String], size: Int, tags: [String]) -> [Line] {
        let drawn = Set(members)
        return variables(roster: roster, size: size, tags: tags).map { variable in
            let families = roster.filter(variable.holds)
            let share = roster.isEmpty ? 0 : Double(families.count) / Double(roster.count)
            return Line(name: variable.name, roster: families.count, share: share, expected: share * Double(size),
                        drawn: families.filter { drawn.contains($0.id) }.count)
        }
    }

    /// Which reserve takes the place of a parent who declined: the one after whom the sample is best balanced
    /// (fewest tags or language groups more than one family off, then the smallest sum of squared
    /// differences), the first in line among equals.
    public static func bestReplacement(roster: [Respondent], active: [String], candidates: [String], size: Int, tags: [String]) -> String? {
        func imbalance(_ candidate: String) -> Double {
            lines(roster: roster, members: active + [candidate], size: size, tags: tags).reduce(0) { total, line in
                total + line.off * line.off + (abs(line.off) > 1 + 1e-9 ? 1_000 : 0)
            }
        }
        let scored = candidates.map { ($0, imbalance($0)) }
        return scored.min { $0.1 < $1.1 - 1e-9 }?.0
    }
}
