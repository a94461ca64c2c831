import Foundation
import SurveyCore
import Testing

/// The R-indicator of the response and its partial indicators (Schouten, Cobben & Bethlehem 2009;
/// Schouten, Shlomo & Skinner 2011).
@Suite("R-indicator")
struct RIndicatorTests {
    static let demoRoster: [Respondent] = {
        let bytes = FileManager.default.contents(atPath: Paths.survey("demo/roster-groep5.csv")) ?? Data()
        return (try? RosterCSV.parse(RosterEncoding.decode([UInt8](bytes)).text, knownTags: Tag.standard)) ?? []
    }()

    @Test func everyoneAnsweredIsOne() throws {
        let roster = BalanceRosters.classOf30
        let result = try #require(Representativeness.assess(roster: roster, responded: Set(roster.map(\.id))))
        #expect(abs(result.r - 1) < 1e-9)
        #expect(result.partials.allSatisfy { abs($0.value) < 1e-9 })
        #expect(result.meaning["nl"]?.hasPrefix("R = 1,00") == true)
        #expect(result.meaning["en"]?.contains("closely") == true)
    }

    @Test func nobodyAnsweredHasNoIndicator() {
        #expect(Representativeness.assess(roster: BalanceRosters.classOf30, responded: []) == nil)
    }

    @Test func oneGroupNeverAnswersGivesTheKnownValue() throws {
        // Group 5B (15 of 30) never answers, 5A always: the propensities are 1 and 0 (the limit of the
        // separated logistic fit), SD = √(15·15 / (30·29)), so R = 1 − 2·√(225/870) = 1 − √(30/29).
        let roster = BalanceRosters.classOf30
        let answered = Set(roster.filter { $0.group == "5A" }.map(\.id))
        let result = try #require(Representativeness.assess(roster: roster, responded: answered))
        #expect(abs(result.r - (1 - (30.0 / 29).squareRoot())) < 1e-6, "R = \(result.r)")
        // The partial indicator of 5B: √(15/30) · (0 − 0.5); 5B's voice is the most missing.
        let first = try #require(result.partials.first)
        #expect(first.variable == "groep" && first.category == "5B")
        #expect(abs(first.value + 0.5 * (0.5).squareRoot()) < 1e-6)
        #expect(first.roster == 15 && first.responded == 0)
    }

    @Test func demoClassMatchesStatsmodels() throws {
        // Computed independently with Python 3.11, numpy 2.4.6 and statsmodels 0.15.0 from PyPI in a venv
        // (GLM Binomial, tol 1e-12; python3 -m venv v && v/bin/pip install numpy statsmodels):
        //   v/bin/python Tests/reference/r_indicator.py Surveys/demo/roster-groep5.csv \
        //     L01,L02,L03,L04,L05,L06,L08,L09,L10,L11,L12,L14,L15,L17,L18,L19,L22,L23,L24,L25,L28,L30
        let roster = Self.demoRoster
        #expect(roster.count == 30)
        let answered: Set<String> = ["L01", "L02", "L03", "L04", "L05", "L06", "L08", "L09", "L10", "L11", "L12", "L14", "L15",
                                     "L17", "L18", "L19", "L22", "L23", "L24", "L25", "L28", "L30"]
        let result = try #require(Representativeness.assess(roster: roster, responded: answered))
        #expect(abs(result.r - 0.2078358488) < 1e-6, "R = \(result.r)")
        let expected: [String: Double] = [
            "kenmerk alleenstaand": 0.0060858062, "kenmerk gescheiden": 0.0272165527, "kenmerk nt2": -0.2190890230,
            "kenmerk samengesteld": 0.0060858062, "kenmerk tweeverdieners": 0.0845780063,
            "taal ar": -0.2177324216, "taal nl": 0.1360827635, "taal overig": -0.0544331054,
            "groep 5A": 0.0942809042, "groep 5B": -0.0942809042,
        ]
        let computed = Dictionary(uniqueKeysWithValues: result.partials.map { ("\($0.variable) \($0.category)", $0.value) })
        #expect(Set(computed.keys) == Set(expected.keys))
        for (key, value) in expected { #expect(abs((computed[key] ?? .nan) - value) < 1e-6, "\(key): \(computed[key] ?? .nan)") }
        // Whose voice is most missing: NT2 families, then the Arabic-speaking ones.
        #expect(result.partials.prefix(2).map(\.category) == ["nt2", "ar"])
        // L07 (Arabic, NT2) is followed up before L26 (Dutch, divorced).
        let l07 = try #require(roster.first { $0.id == "L07" }), l26 = try #require(roster.first { $0.id == "L26" })
        #expect(result.voiceMissing(for: l07) < result.voiceMissing(for: l26))
    }
}
