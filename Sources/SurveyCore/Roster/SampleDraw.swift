/// A drawn, reproducible selection of respondents who are approached personally ("aselecte steekproef").
public struct Sample: Sendable, Hashable, Codable {
    public var seed: UInt64
    /// The respondents drawn, in the order they were drawn.
    public var members: [String]
    /// Who to ask, in order, when someone in the sample declines.
    public var reserve: [String]
    /// The tags the draw balanced on (besides the home language).
    public var covered: [String]

    public init(seed: UInt64, members: [String], reserve: [String], covered: [String]) {
        self.seed = seed
        self.members = members
        self.reserve = reserve
        self.covered = covered
    }
}

/// Draws a sample that mirrors the roster: every family has the same chance n/N of being drawn (but for the
/// small shift of the rare landing that cannot keep it, `CubeMethod.landingPhase` step 3), and the number
/// drawn of every tag and home-language group is its share of the roster rounded down or up, as whole
/// families allow (balanced sampling by the cube method, `CubeMethod`).
///
/// 1. The roster is put in a fixed order (by id) and shuffled with a generator seeded by `seed`,
///    so the same roster and seed always give the same sample.
/// 2. The balancing variables: one per tag (all tags on the roster, or those asked for), one per
///    home-language group (`SampleBalance.languageGroups`), and the sample size.
/// 3. The cube method draws the sample in the shuffled order, from the equal inclusion probabilities n/N.
/// 4. The reserve is drawn from the rest the same way (each of the rest with chance r/(N − n)), in shuffled
///    order; who replaces a parent who declines is chosen by `SampleBalance.bestReplacement`.
public enum SampleDraw {
    /// `shifted` hears of every family whose chance of being in the sample the landing had to shift in this
    /// draw (`CubeMethod.landingPhase`, step 3), and by how much; nothing for most draws.
    public static func draw(roster: [Respondent], size: Int, seed: UInt64, cover: [String]? = nil, reserve: Int = 0,
                            shifted: (_ family: String, _ by: Double) -> Void = { _, _ in }) -> Sample {
        var generator = SeededGenerator(seed: seed)
        var shuffled = roster.sorted { $0.id < $1.id }
        // Fisher-Yates written out, so the order never depends on the standard library's version.
        for i in shuffled.indices.dropFirst().reversed() {
            shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        let present = Set(roster.flatMap(\.tags))
        let tags = (cover ?? present.sorted()).filter(present.contains)
        let count = max(0, min(size, roster.count))
        let variables = SampleBalance.variables(roster: roster, size: count, tags: tags)
        let members = balanced(from: shuffled, count: count, variables: variables, using: &generator, shifted: shifted)
        let chosen = Set(members.map(\.id))
        let rest = shuffled.filter { !chosen.contains($0.id) }
        let reserves = balanced(from: rest, count: max(0, min(reserve, rest.count)), variables: variables, using: &generator)
        return Sample(seed: seed, members: members.map(\.id), reserve: reserves.map(\.id), covered: tags)
    }

    /// `count` of `families` with equal chances, balanced on `variables`, in the order of `families`.
    static func balanced(from families: [Respondent], count: Int, variables: [SampleBalance.Variable], using generator: inout SeededGenerator,
                         shifted: (_ family: String, _ by: Double) -> Void = { _, _ in }) -> [Respondent] {
        guard count > 0, !families.isEmpty else { return [] }
        let chance = Double(count) / Double(families.count)
        let auxiliaries = families.map { family in variables.map { $0.holds(family) ? 1.0 : 0.0 } }
        let drawn = CubeMethod.draw(auxiliaries: auxiliaries, inclusion: Array(repeating: chance, count: families.count), using: &generator) {
            shifted(families[$0].id, $1)
        }
        return families.indices.filter { drawn[$0] }.map { families[$0] }
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on the seed, on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
