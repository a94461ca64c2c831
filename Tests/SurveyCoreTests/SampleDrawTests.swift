import SurveyCore
import Testing

/// The aselect sample: reproducible from its seed, and covering the diversity of the group.
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

    @Test(arguments: [5, 8, 12])
    func everyTagIsCoveredWhenThereIsRoom(size: Int) {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: size, seed: seed)
            #expect(sample.members.count == size)
            #expect(Set(sample.members).count == size)
            #expect(Set(sample.covered) == Self.allTags)
            #expect(tags(of: sample.members) == Self.allTags, "seed \(seed) size \(size): \(sample.members)")
        }
    }

    @Test func rarestTagIsCoveredWhenThereIsOnePlacePerTag() {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 5, seed: seed)
            #expect(tags(of: sample.members).contains("nt2"))
        }
        // With fewer places than tags, the rarest tags go first.
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 2, seed: seed)
            #expect(tags(of: sample.members).isSuperset(of: ["nt2", "samengesteld"]), "seed \(seed)")
        }
    }

    @Test func reserveIsApartFromTheMembersAndCoversTheTags() {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 6, seed: seed, reserve: 6)
            #expect(sample.reserve.count == 6)
            #expect(Set(sample.members).isDisjoint(with: sample.reserve))
            // Every tag that someone outside the sample still has is in the reserve.
            let outside = Self.roster.map(\.id).filter { !sample.members.contains($0) }
            #expect(tags(of: outside).count >= 4)
            #expect(tags(of: sample.reserve) == tags(of: outside), "seed \(seed): \(sample.reserve)")
        }
    }

    @Test func coverChoosesWhichTagsCount() {
        for seed in UInt64(1)...50 {
            let sample = SampleDraw.draw(roster: Self.roster, size: 1, seed: seed, cover: ["nt2"])
            #expect(sample.covered == ["nt2"])
            #expect(tags(of: sample.members).contains("nt2"))
        }
        // A tag nobody has cannot be covered and is not claimed.
        let sample = SampleDraw.draw(roster: Self.roster, size: 3, seed: 9, cover: ["gescheiden", "grootouders"])
        #expect(sample.covered == ["gescheiden"])
        #expect(tags(of: sample.members).contains("gescheiden"))
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
