import SurveyCore
import Testing

/// The aselect sample: reproducible from its seed, and mirroring the diversity of the group.
@Suite("Sample draw")
struct SampleDrawTests {
    /// 40 families; nt2 is the rarest tag (2), then samengesteld (4), alleenstaand (6), gescheiden (8),
    /// tweeverdieners (15). Every tag is held by at least two families.
    static let roster: [Respondent] = (1...40).map { number in
        var tags: [String] = []
        if number % 20 == 7 { tags.append("nt2") }
        if number % 10 == 3 { tags.append("samengesteld") }
        if number <= 6 { tags.append("alleenstaand") }
        if number % 5 == 0 { tags.append("gescheiden") }
        if number > 25 { tags.append("tweeverdieners") }
        return Respondent(id: "k\(number < 10 ? "0" : "")\(number)", group: number % 2 == 0 ? "5A" : "5B", tags: tags)
    }
    static let allTags: Set<String> = ["nt2", "samengesteld", "alleenstaand", "gescheiden", "tweeverdieners"]

    func tags(of ids: [String]) -> Set<String> {
        Set(Self.roster.filter { ids.contains($0.id) }.flatMap(\.tags))
    }

    @Test func rosterFixtureIsWhatTheTestsAssume() {
        let counts = Dictionary(grouping: Self.roster.flatMap(\.tags), by: { $0 }).mapValues(\.count)
        #expect(counts == ["nt2": 2, "samengesteld": 4, "alleenstaand": 6, "gescheiden": 8, "tweeverdieners": 15])
    }

    @Test func sameSeedSameSampleDifferentSeedDifferentSample() {
        let first = SampleDraw.draw(roster: Self.roster, size: 8, seed: 2026, reserve: 4)
        let again = SampleDraw.draw(roster: Self.roster.reversed(), size: 8, seed: 2026, reserve: 4)
        #expect(first == again)
        #expect(first.seed == 2026)
        let samples = Set((1...10).map { SampleDraw.draw(roster: Self.roster, size: 8, seed: UInt64($0)).members })
        #expect(samples.count == 10)
    }

    /// How many of `ids` have `tag`, against the proportional share of `size` drawn from `pool`.
    func off(_ tag: String, in ids: [String], size: Int, from pool: [Respondent]) -> Double {
        let holders = pool.filter { $0.tags.contains(tag) }
        return Double(holders.filter { ids.contains($0.id) }.count) - Double(size * holders.count) / Double(pool.count)
    }

    @Test(arguments: [5, 8, 12])
    func everyTagWithinOneFamilyOfItsShare(size: Int) {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: size, seed: seed)
            #expect(sample.members.count == size)
            #expect(Set(sample.members).count == size)
            #expect(Set(sample.covered) == Self.allTags)
            for tag in Self.allTags {
                #expect(abs(off(tag, in: sample.members, size: size, from: Self.roster)) <= 1 + 1e-9, "seed \(seed) size \(size) \(tag): \(sample.members)")
            }
        }
    }

    @Test func reserveIsApartFromTheMembersAndBalancedOnTheRest() {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 6, seed: seed, reserve: 6)
            #expect(sample.reserve.count == 6)
            #expect(Set(sample.members).isDisjoint(with: sample.reserve))
            // The reserve mirrors the families outside the sample.
            let outside = Self.roster.filter { !sample.members.contains($0.id) }
            for tag in Self.allTags {
                #expect(abs(off(tag, in: sample.reserve, size: 6, from: outside)) <= 1 + 1e-9, "seed \(seed) \(tag): \(sample.reserve)")
            }
        }
    }

    @Test func coverChoosesWhichTagsCount() {
        // Balanced on gescheiden alone (8 of 40): a sample of 10 holds exactly its share, 2.
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 10, seed: seed, cover: ["gescheiden"])
            #expect(sample.covered == ["gescheiden"])
            #expect(off("gescheiden", in: sample.members, size: 10, from: Self.roster) == 0, "seed \(seed)")
        }
        // A tag nobody has cannot be balanced on and is not claimed.
        let sample = SampleDraw.draw(roster: Self.roster, size: 3, seed: 9, cover: ["gescheiden", "grootouders"])
        #expect(sample.covered == ["gescheiden"])
    }

    @Test func sizeLargerThanTheRosterTakesEveryone() {
        let sample = SampleDraw.draw(roster: Self.roster, size: 100, seed: 3, reserve: 5)
        #expect(Set(sample.members) == Set(Self.roster.map(\.id)))
        #expect(sample.members.count == Self.roster.count)
        #expect(sample.reserve.isEmpty)
    }

    @Test func seededGeneratorIsTheSameEverywhere() {
        // SplitMix64 from seed 0: the published first outputs.
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
