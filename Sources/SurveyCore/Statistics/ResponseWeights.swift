import Foundation

/// A weight per family that answered, so that those who answered count as the roster is made up: by group
/// (klas), home-language group and every tag.
///
/// Post-stratification (each family weighs roster share of its cell / response share of its cell) when every
/// cell of the full cross of group, language group and tags holds at least `minimumCell` families who answered
/// and those weights lie within the bounds;
/// otherwise raking on the margins (`Raking.rake`), which needs only each category to be answered. Weights are
/// trimmed to [0.3, 3] × their mean and raked again (`Raking.trimmedRake`), and scaled to mean 1, so a weight
/// of 2 means "counts for two families like this one". Categories nobody answered from cannot be matched: they
/// are left out of their margin and named in `unmatched`.
public struct ResponseWeights: Sendable, Equatable {
    public enum Method: String, Sendable { case postStratification, raking }

    /// Respondent id -> weight (mean 1 over those who answered).
    public var weights: [String: Double]
    public var method: Method
    /// Kish's effective number of answers: (Σw)² / Σw².
    public var effectiveSize: Double
    /// Whether the weighted respondents match every roster margin used (false when the bounds did not allow it:
    /// then the bounds hold and the margins only approximately).
    public var marginsHold: Bool
    /// Categories on the roster from which nobody answered ("groep 5B", "taal: pl", "kenmerk: nt2").
    public var unmatched: [String]
    /// Margins left out because, among those who answered, they contradict the ones before ("kenmerk: nt2").
    public var conflicting: [String] = []
    /// Which variables were matched: "klas", "thuistaal", "kenmerken" (those with more than one category answered).
    public var variables: [String]

    /// Families per cell for post-stratification (below it, a cell's weight rests on too few families).
    public static let minimumCell = 5
    public static let bounds = (low: 0.3, high: 3.0)

    /// nil when nobody on the roster answered.
    public static func make(roster: [Respondent], responded: Set<String>) -> ResponseWeights? {
        let answered = roster.filter { responded.contains($0.id) }
        guard !answered.isEmpty else { return nil }
        let n = Double(answered.count), total = Double(roster.count)
        let languages = SampleBalance.languageGroups(roster, minimumFamilies: Representativeness.minimumLanguageFamilies)
        var unmatched: [String] = []
        var conflicting: [String] = []
        var variables: [String] = []
        var margins: [Raking.Margin] = []
        var marginNames: [String] = []

        /// A partition of the roster (group, language group): targets over the categories that answered.
        func partition(_ name: String, _ label: (String) -> String, _ key: (Respondent) -> String) {
            let categories = Set(roster.map(key)).sorted()
            let present = categories.filter { c in answered.contains { key($0) == c } }
            unmatched += categories.filter { !present.contains($0) }.map(label)
            guard present.count > 1 else { return }
            let rosterCounts = present.map { c in Double(roster.filter { key($0) == c }.count) }
            let covered = rosterCounts.reduce(0, +)
            margins.append(Raking.Margin(category: answered.map { present.firstIndex(of: key($0))! },
                                         targets: rosterCounts.map { n * $0 / covered }))
            marginNames.append(name)
            variables.append(name)
        }
        partition("klas", { "groep \($0)" }, \.group)
        partition("thuistaal", { "taal: \($0)" }, { languages[$0.language] ?? $0.language })
        var tagged = false
        for tag in Set(roster.flatMap(\.tags)).sorted() {
            let having = answered.filter { $0.tags.contains(tag) }.count
            if having == 0 { unmatched.append("kenmerk: \(tag)"); continue }
            let share = Double(roster.filter { $0.tags.contains(tag) }.count) / total
            guard having < answered.count, share < 1 else { continue }
            margins.append(Raking.Margin(category: answered.map { $0.tags.contains(tag) ? 1 : 0 }, targets: [n * (1 - share), n * share]))
            marginNames.append("kenmerk: \(tag)")
            tagged = true
        }
        if tagged { variables.append("kenmerken") }

        // The full cross: post-stratify when every cell the roster has is answered by enough families.
        func cell(_ r: Respondent) -> String { ([r.group, languages[r.language] ?? r.language] + r.tags).joined(separator: "\u{1F}") }
        let rosterCells = Dictionary(grouping: roster, by: cell).mapValues(\.count)
        let answeredCells = Dictionary(grouping: answered, by: cell).mapValues(\.count)
        var raw: [Double] = []
        var method = Method.postStratification
        var marginsHold = true
        if unmatched.isEmpty, rosterCells.keys.allSatisfy({ (answeredCells[$0] ?? 0) >= minimumCell }) {
            raw = answered.map { n * Double(rosterCells[cell($0)]!) / total / Double(answeredCells[cell($0)]!) }
        }
        // Post-stratified weights outside the bounds are not trimmed cell by cell: raking with trimming decides.
        if raw.isEmpty || !raw.allSatisfy({ $0 >= bounds.low && $0 <= bounds.high }) {
            method = .raking
            // Margins that contradict the others among those who answered (in a class every NT2 family that
            // answered may speak another language at home, while the roster's shares of the two differ) have no
            // exact solution: each margin is kept only when raking still matches it together with those before
            // (groups first, then languages, then tags); the others are named in `unmatched`.
            var kept: [Raking.Margin] = []
            var keptNames: [String] = []
            for (margin, name) in zip(margins, marginNames) {
                if Raking.rake(kept + [margin], units: answered.count) != nil {
                    kept.append(margin)
                    keptNames.append(name)
                } else {
                    conflicting.append(name)
                }
            }
            variables = variables.filter { variable in keptNames.contains { $0 == variable || ($0.hasPrefix("kenmerk:") && variable == "kenmerken") } }
            guard let trimmed = Raking.trimmedRake(kept, units: answered.count, low: bounds.low, high: bounds.high) else { return nil }
            raw = trimmed.weights
            marginsHold = trimmed.marginsHold
        }
        let mean = raw.reduce(0, +) / n
        let scaled = raw.map { $0 / mean }
        return ResponseWeights(weights: Dictionary(uniqueKeysWithValues: zip(answered.map(\.id), scaled)), method: method,
                               effectiveSize: Raking.effectiveSize(scaled), marginsHold: marginsHold,
                               unmatched: unmatched, conflicting: conflicting, variables: variables)
    }

    /// The weight of a response: its family's, or 1 (the mean) for a response without a code.
    public func weight(of respondentID: String?) -> Double {
        respondentID.flatMap { weights[$0] } ?? 1
    }
}
