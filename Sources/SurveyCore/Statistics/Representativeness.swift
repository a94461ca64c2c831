import Foundation

/// Whether the parents who answered speak for all parents on the roster: the R-indicator of the response
/// (`RIndicator`) from propensities estimated on the roster's tags, home-language group and group
/// (`ResponsePropensity.logistic`), and per category the partial indicator that says whose voice is missing.
public struct Representativeness: Sendable, Codable, Equatable {
    /// The partial R-indicator of one category: a tag, a home-language group or a group.
    public struct Partial: Sendable, Codable, Equatable {
        /// "kenmerk" (tag), "taal" (home-language group) or "groep" (group or class).
        public var variable: String
        public var category: String
        public var roster: Int
        public var responded: Int
        /// Negative: this category answers less than the rest.
        public var value: Double
    }

    /// R = 1 − 2·SD of the propensities: 1 when every family is as likely to answer as any other.
    public var r: Double
    /// What R means, in one sentence (Dutch and English).
    public var meaning: LocalizedText
    /// Every category, the one whose voice is most missing first.
    public var partials: [Partial]
    /// Home language -> its group in the model (the language itself, or "overig").
    public var languageGroups: [String: String]

    /// Languages with at least this many families get a group of their own in the model; rarer ones are
    /// "overig" together (the report's smallest group).
    public static let minimumLanguageFamilies = 5

    /// nil when the roster is empty or nobody answered yet.
    public static func assess(roster: [Respondent], responded: Set<String>) -> Representativeness? {
        guard !roster.isEmpty, roster.contains(where: { responded.contains($0.id) }) else { return nil }
        let categories = Self.categories(roster)
        let design = roster.map { family in categories.map { $0.holds(family) ? 1.0 : 0.0 } }
        let propensities = ResponsePropensity.logistic(design: design, responded: roster.map { responded.contains($0.id) })
        let partials = categories.map { category in
            let members = roster.map(category.holds)
            return Partial(variable: category.variable, category: category.name, roster: members.filter { $0 }.count,
                           responded: zip(roster, members).filter { $1 && responded.contains($0.id) }.count,
                           value: RIndicator.partial(propensities: propensities, inCategory: members))
        }.sorted { ($0.value, $0.variable, $0.category) < ($1.value, $1.variable, $1.category) }
        let r = RIndicator.value(propensities: propensities)
        return Representativeness(r: r, meaning: meaning(of: r), partials: partials,
                                  languageGroups: SampleBalance.languageGroups(roster, minimumFamilies: minimumLanguageFamilies))
    }

    /// The partial indicator of the category of `family` whose voice is most missing (the most negative).
    public func voiceMissing(for family: Respondent) -> Double {
        partials.filter { partial in
            switch partial.variable {
            case "kenmerk": family.tags.contains(partial.category)
            case "taal": languageGroups[family.language] == partial.category
            default: family.group == partial.category
            }
        }.map(\.value).min() ?? 0
    }

    /// One sentence on what R means for the teacher.
    static func meaning(of r: Double) -> LocalizedText {
        let shown = String(format: "%.2f", r)
        let (nl, en) = r >= 0.9 ? ("sterk", "closely") : r >= 0.7 ? ("redelijk", "fairly") : ("weinig", "little")
        return ["nl": "R = \(shown.replacingOccurrences(of: ".", with: ",")): de ouders die antwoordden lijken \(nl) op alle ouders van de lijst (1 = even grote kans op antwoord voor elk gezin; hoe lager, hoe meer de stem van sommige gezinnen ontbreekt).",
                "en": "R = \(shown): the parents who answered resemble all parents on the roster \(en) (1 = every family equally likely to answer; the lower, the more some families' voice is missing)."]
    }

    private struct Category {
        var variable: String
        var name: String
        var holds: (Respondent) -> Bool
    }

    /// The model's covariates: every tag, every home-language group, every group.
    private static func categories(_ roster: [Respondent]) -> [Category] {
        let languages = SampleBalance.languageGroups(roster, minimumFamilies: minimumLanguageFamilies)
        return Set(roster.flatMap(\.tags)).sorted().map { tag in Category(variable: "kenmerk", name: tag) { $0.tags.contains(tag) } }
            + Set(languages.values).sorted().map { group in Category(variable: "taal", name: group) { languages[$0.language] == group } }
            + Set(roster.map(\.group)).sorted().map { group in Category(variable: "groep", name: group) { $0.group == group } }
    }
}
