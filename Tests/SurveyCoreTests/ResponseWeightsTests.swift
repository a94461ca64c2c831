import Foundation
import SurveyCore
import Testing

/// Weights for who answered: raking (Deville & Särndal 1992; R's `survey::rake`), trimming and Kish's
/// effective sample size.
@Suite("Response weights")
struct ResponseWeightsTests {
    /// Weighted totals per category of a margin.
    static func totals(_ margin: Raking.Margin, _ weights: [Double]) -> [Double] {
        var totals = [Double](repeating: 0, count: margin.targets.count)
        for (unit, c) in margin.category.enumerated() { totals[c] += weights[unit] }
        return totals
    }

    @Test func rakingMatchesAnIndependentIPF() throws {
        // Eight respondents: group A/B, language nl/other, tag nt2 yes/no.
        let margins = [
            Raking.Margin(category: [0, 0, 0, 0, 1, 1, 1, 1], targets: [3.5, 4.5]),
            Raking.Margin(category: [0, 0, 0, 1, 0, 0, 1, 1], targets: [4.8, 3.2]),
            Raking.Margin(category: [0, 0, 1, 1, 0, 0, 0, 1], targets: [5.0, 3.0]),
        ]
        let weights = try #require(Raking.rake(margins, units: 8))
        // numpy IPF, 10,000 sweeps (python3 -m venv /tmp/w11venv && /tmp/w11venv/bin/pip install numpy;
        // /tmp/w11venv/bin/python /tmp/w11ipf.py):
        //   g = [0,0,0,0,1,1,1,1]; l = [0,0,0,1,0,0,1,1]; t = [0,0,1,1,0,0,0,1]; w = ones(8)
        //   for each margin: w *= (target / bincount(cat, weights=w))[cat]
        let numpy = [0.8435317071510806, 0.8435317071510806, 0.9056468706076162, 0.9072897150902225,
                     1.1036448575451112, 1.1036448575451112, 1.1056468706076166, 1.1870634143021612]
        for (mine, theirs) in zip(weights, numpy) { #expect(abs(mine - theirs) < 1e-9, "\(mine) vs \(theirs)") }
        for margin in margins {
            for (total, target) in zip(Self.totals(margin, weights), margin.targets) { #expect(abs(total - target) < 1e-9) }
        }
        // numpy: w.sum()**2 / (w**2).sum() = 7.86810996239024
        #expect(abs(Raking.effectiveSize(weights) - 7.86810996239024) < 1e-9)
    }

    @Test func kishEffectiveSize() {
        // numpy: x = [0.5, 1, 1.5, 2, 3]; x.sum()**2 / (x**2).sum() = 3.878787878787879
        #expect(abs(Raking.effectiveSize([0.5, 1, 1.5, 2, 3]) - 3.878787878787879) < 1e-12)
        #expect(abs(Raking.effectiveSize([2, 2, 2, 2]) - 4) < 1e-12)
    }

    @Test func aCategoryWithATargetButNobodyCannotBeMatched() {
        #expect(Raking.rake([Raking.Margin(category: [0, 0], targets: [1, 1])], units: 2) == nil)
    }

    @Test func trimmingKeepsTheBounds() throws {
        // 2 of 12 NT2 families answered against 16 of 18 others: untrimmed an NT2 answer weighs 3.6 times the mean,
        // and within [0.3, 3] × mean the NT2 margin cannot be met: the bounds win.
        let nt2 = [1, 1] + Array(repeating: 0, count: 16)
        let group = (0..<18).map { $0 % 3 == 0 ? 1 : 0 }
        let n = 18.0
        let margins = [
            Raking.Margin(category: nt2, targets: [n * 18 / 30, n * 12 / 30]),
            Raking.Margin(category: group, targets: [n / 2, n / 2]),
        ]
        let untrimmed = try #require(Raking.rake(margins, units: 18))
        #expect(untrimmed.max()! > 3 * untrimmed.reduce(0, +) / n)
        let trimmed = try #require(Raking.trimmedRake(margins, units: 18, low: 0.3, high: 3))
        let mean = trimmed.weights.reduce(0, +) / n
        #expect(!trimmed.marginsHold)
        #expect(trimmed.weights.allSatisfy { $0 >= 0.3 * mean * (1 - 1e-6) && $0 <= 3 * mean * (1 + 1e-6) })
        #expect(trimmed.weights.max()! > 2.99 * mean, "the NT2 answers weigh as much as the bound allows")

        // 4 of 12 NT2 families: the raked weights (1.8) lie within the bounds, so the margins hold exactly.
        let feasible = [Raking.Margin(category: [1, 1, 1, 1] + Array(repeating: 0, count: 14), targets: [n * 18 / 30, n * 12 / 30]), margins[1]]
        let kept = try #require(Raking.trimmedRake(feasible, units: 18))
        #expect(kept.marginsHold)
        for margin in feasible {
            for (total, target) in zip(Self.totals(margin, kept.weights), margin.targets) { #expect(abs(total - target) < 1e-9) }
        }
    }

    @Test func rosterWeightsReproduceTheRosterMargins() throws {
        // The class of 30 where every third family did not answer.
        let roster = BalanceRosters.classOf30
        let answered = roster.indices.filter { $0 % 3 != 2 }.map { roster[$0].id }
        let result = try #require(ResponseWeights.make(roster: roster, responded: Set(answered)))
        #expect(result.method == .raking)
        #expect(result.marginsHold && result.conflicting.isEmpty && result.unmatched.isEmpty)
        let n = Double(answered.count)
        let respondents = roster.filter { answered.contains($0.id) }
        func weighted(_ holds: (Respondent) -> Bool) -> Double {
            respondents.filter(holds).reduce(0) { $0 + result.weights[$1.id]! }
        }
        func share(_ holds: (Respondent) -> Bool) -> Double { Double(roster.filter(holds).count) / Double(roster.count) }
        #expect(abs(weighted { _ in true } - n) < 1e-9, "mean weight 1")
        for group in ["5A", "5B"] { #expect(abs(weighted { $0.group == group } - n * share { $0.group == group }) < 1e-9) }
        // Home-language groups of the model: nl, ar (5 families) and the rest together.
        for languages in [["nl"], ["ar"], ["tr", "pl", "uk", "ti"]] {
            #expect(abs(weighted { languages.contains($0.language) } - n * share { languages.contains($0.language) }) < 1e-9, "\(languages)")
        }
        for tag in ["nt2", "gescheiden", "samengesteld", "alleenstaand", "tweeverdieners"] {
            #expect(abs(weighted { $0.tags.contains(tag) } - n * share { $0.tags.contains(tag) }) < 1e-9, "\(tag)")
        }
        #expect(result.weights.values.allSatisfy { $0 >= 0.3 - 1e-6 && $0 <= 3 + 1e-6 })
        #expect(result.effectiveSize < n && result.effectiveSize > 1)
        #expect(abs(result.effectiveSize - Raking.effectiveSize(Array(result.weights.values))) < 1e-9)
    }

    @Test func lopsidedResponseKeepsTheBoundsAndNamesWhatCannotBeMatched() throws {
        // Every Dutch-speaking family answered and of the others only those of 5A: the answers of 5B's other
        // languages must be carried by 5A's, more than the bounds allow; the weights stay within them.
        let roster = BalanceRosters.classOf30
        let answered = Set(roster.filter { $0.language == "nl" || $0.group == "5A" }.map(\.id))
        let result = try #require(ResponseWeights.make(roster: roster, responded: answered))
        #expect(result.weights.count == answered.count)
        #expect(result.weights.values.allSatisfy { $0 >= 0.3 - 1e-6 && $0 <= 3 + 1e-6 })
    }

    @Test func everyoneAnsweredWeighsOne() throws {
        let roster = BalanceRosters.classOf30
        let result = try #require(ResponseWeights.make(roster: roster, responded: Set(roster.map(\.id))))
        #expect(result.weights.values.allSatisfy { abs($0 - 1) < 1e-9 })
        #expect(abs(result.effectiveSize - 30) < 1e-9)
        #expect(result.unmatched.isEmpty)
    }

    @Test func aGroupNobodyAnsweredFromIsNamed() throws {
        let roster = BalanceRosters.classOf30
        let result = try #require(ResponseWeights.make(roster: roster, responded: Set(roster.filter { $0.group == "5A" }.map(\.id))))
        #expect(result.unmatched.contains("groep 5B"))
        #expect(!result.variables.contains("klas"))
    }
}
