import Foundation
import SurveyCore
import Testing

/// Balanced sampling (issue 11): the sample mirrors the roster on every tag and on the grouped home language,
/// and every family has the same chance.
@Suite("Sample balance")
struct SampleBalanceTests {
    /// How far the drawn count of each tag and language group is from its proportional share, counted here
    /// from the roster (not with the code under test).
    static func deviations(_ roster: [Respondent], _ members: [String], size: Int) -> [String: Double] {
        let drawn = Set(members)
        let languages = Dictionary(grouping: roster, by: \.language)
        var groups: [String: [Respondent]] = ["taal: nl": languages["nl"] ?? []]
        for (language, families) in languages where language != "nl" {
            // A language has its own group when at least one of its families is expected in the sample.
            if families.count * size >= roster.count { groups["taal: \(language)"] = families } else { groups["taal: overig", default: []] += families }
        }
        for tag in Set(roster.flatMap(\.tags)) { groups[tag] = roster.filter { $0.tags.contains(tag) } }
        return groups.mapValues { families in
            Double(families.filter { drawn.contains($0.id) }.count) - Double(size * families.count) / Double(roster.count)
        }
    }

    @Test func theLopsidedClassOfIssue11IsDrawnInProportion() {
        let roster = BalanceRosters.classOf30
        #expect(roster.filter { $0.language == "nl" }.count == 17)
        #expect(roster.filter { $0.tags.contains("nt2") }.count == 14)
        let sample = SampleDraw.draw(roster: roster, size: 10, seed: 1)
        let dutch = roster.filter { $0.language == "nl" && sample.members.contains($0.id) }.count
        let nt2 = roster.filter { $0.tags.contains("nt2") && sample.members.contains($0.id) }.count
        // 17 of 30 is 5.7 of 10 Dutch-speaking families; 14 of 30 is 4.7 NT2 families.
        #expect((5...6).contains(dutch), "Dutch-speaking: \(dutch) of 10")
        #expect((4...5).contains(nt2), "NT2: \(nt2) of 10")
    }

    /// The target of issue 11 on a class of 30 (sample of 10) and a school of 600 (sample of 60), on a bounded
    /// number of seeds; `Benchmarks/sample/run.sh` draws 1,000 of each and prints the distribution.
    @Test(arguments: ["class of 30", "school of 600"])
    func everyTagAndLanguageWithinOneFamilyOfItsShare(roster name: String) {
        let (roster, size, bounded) = name == "class of 30" ? (BalanceRosters.classOf30, 10, 60) : (BalanceRosters.schoolOf600, 60, 20)
        for seed in 1...UInt64(bounded) {
            let sample = SampleDraw.draw(roster: roster, size: size, seed: seed)
            #expect(sample.members.count == size)
            let deviations = Self.deviations(roster, sample.members, size: size)
            let off = deviations.filter { abs($0.value) > 1 + 1e-9 }
            #expect(off.isEmpty, "\(name), seed \(seed): \(off)")
        }
    }

    /// Seeds of the school of 600 whose flight phase ends where no landing with exact chances keeps every group
    /// within one family: with seed 141 NT2 was drawn 14 for a share of 15.1, with seed 888 alleenstaand 9 for
    /// 7.9; seed 83 ends there too (its draw happened to fall within one family). The reserve of the rest is
    /// balanced too (its tags and Dutch-speaking families; the language groups are those of the sample).
    @Test(arguments: [UInt64(83), 141, 888])
    func theSchoolOf600SeedsThatMissedAreWithinOneFamily(seed: UInt64) {
        let roster = BalanceRosters.schoolOf600
        let sample = SampleDraw.draw(roster: roster, size: 60, seed: seed, reserve: 10)
        #expect(sample.members.count == 60)
        let off = Self.deviations(roster, sample.members, size: 60).filter { abs($0.value) > 1 + 1e-9 }
        #expect(off.isEmpty, "seed \(seed): \(off)")
        let rest = roster.filter { !sample.members.contains($0.id) }
        #expect(sample.reserve.count == 10)
        let reserveOff = Self.deviations(rest, sample.reserve, size: 10).filter { group, value in
            (!group.hasPrefix("taal: ") || group == "taal: nl") && abs(value) > 1 + 1e-9
        }
        #expect(reserveOff.isEmpty, "seed \(seed), reserve: \(reserveOff)")
    }

    /// Where no landing with exact chances is within one family (seed 141 of the school), the landing shifts the
    /// chances of a few families, and says so; the shifts add up to nothing (the sample size is fixed). Where
    /// exact chances are possible (every draw of the class of 30), nothing is shifted.
    @Test func theLandingShiftsChancesOnlyWhereItMust() {
        var shifts: [String: Double] = [:]
        _ = SampleDraw.draw(roster: BalanceRosters.schoolOf600, size: 60, seed: 141) { shifts[$0, default: 0] += $1 }
        #expect(!shifts.isEmpty)
        #expect(shifts.count <= 13, "at most one family per balancing variable is left to the landing")
        #expect(abs(shifts.values.reduce(0, +)) < 1e-6)
        #expect(shifts.values.allSatisfy { abs($0) < 1 })
        var classShifts = 0
        for seed in UInt64(1)...60 {
            _ = SampleDraw.draw(roster: BalanceRosters.classOf30, size: 10, seed: seed) { _, _ in classShifts += 1 }
        }
        #expect(classShifts == 0)
    }

    @Test func everyFamilyHasTheSameChance() {
        // 300 draws of 10 from the class of 30: each family is expected 100 times (binomial sd 8.2).
        var times: [String: Int] = [:]
        for seed in UInt64(1)...300 {
            for id in SampleDraw.draw(roster: BalanceRosters.classOf30, size: 10, seed: seed).members { times[id, default: 0] += 1 }
        }
        #expect(times.count == 30)
        for (id, count) in times { #expect((70...130).contains(count), "\(id) drawn \(count) times in 300") }
    }

    @Test func coverageTableShowsShareExpectedAndDrawn() {
        let roster = BalanceRosters.classOf30
        let sample = SampleDraw.draw(roster: roster, size: 10, seed: 7)
        let lines = SampleBalance.lines(roster: roster, members: sample.members, size: 10, tags: sample.covered)
        let byName = Dictionary(uniqueKeysWithValues: lines.map { ($0.name, $0) })
        // Arabic (5 of 30) and Turkish (3: one family expected in 10) have a group of their own; Polish,
        // Ukrainian and Tigrinya are "overig" together.
        #expect(Set(lines.map(\.name)).isSuperset(of: ["taal: nl", "taal: ar", "taal: tr", "taal: overig", "nt2"]))
        #expect(byName["taal: pl"] == nil)
        let dutch = try? #require(byName["taal: nl"])
        #expect(dutch?.roster == 17)
        #expect(abs((dutch?.share ?? 0) - 17.0 / 30) < 1e-12)
        #expect(abs((dutch?.expected ?? 0) - 170.0 / 30) < 1e-12)
        #expect(dutch?.drawn == roster.filter { $0.language == "nl" && sample.members.contains($0.id) }.count)
        #expect(byName["taal: overig"]?.roster == 5)
    }

    @Test func aDeclineIsReplacedByTheReserveWhoKeepsTheBalance() {
        let roster = BalanceRosters.classOf30
        let sample = SampleDraw.draw(roster: roster, size: 10, seed: 3, reserve: 6)
        #expect(sample.reserve.count == 6)
        #expect(Set(sample.members).isDisjoint(with: sample.reserve))
        // Each member in turn declines: the replacement keeps every group within one family of its share.
        for declined in sample.members {
            let active = sample.members.filter { $0 != declined }
            let replacement = SampleBalance.bestReplacement(roster: roster, active: active, candidates: sample.reserve, size: 10, tags: sample.covered)
            let chosen = try? #require(replacement)
            let off = Self.deviations(roster, active + [chosen ?? ""], size: 10).filter { abs($0.value) > 1 + 1e-9 }
            // Possible whenever some reserve is like the one who declined; the reserve is balanced, so it
            // has a family of each language group that has one expected in it.
            let best = sample.reserve.map { candidate in Self.deviations(roster, active + [candidate], size: 10).values.map(abs).max()! }.min()!
            #expect(off.isEmpty || best > 1 + 1e-9, "\(declined) -> \(chosen ?? "none"): \(off)")
        }
    }
}
