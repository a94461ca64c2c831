/// A drawn, reproducible selection of respondents who are approached personally ("aselecte steekproef").
public struct Sample: Sendable, Hashable, Codable {
    public var seed: UInt64
    /// The respondents drawn, in the order they were drawn.
    public var members: [String]
    /// Who to ask, in order, when someone in the sample declines.
    public var reserve: [String]
    /// The tags the draw tried to cover.
    public var covered: [String]

    public init(seed: UInt64, members: [String], reserve: [String], covered: [String]) {
        self.seed = seed
        self.members = members
        self.reserve = reserve
        self.covered = covered
    }
}

/// Draws a sample that covers the diversity of the group.
///
/// 1. The roster is put in a fixed order (by id) and shuffled with a generator seeded by `seed`,
///    so the same roster and seed always give the same sample.
/// 2. Coverage first: the tags to cover are taken from the rarest to the most common; for each tag not yet
///    in the sample, the first respondent in the shuffled order who has it is drawn (which may cover other
///    tags too).
/// 3. The remaining places are filled in shuffled order: plain chance.
/// 4. The reserve is drawn from the rest the same way, so that replacements cover the tags too.
public enum SampleDraw {
    public static func draw(roster: [Respondent], size: Int, seed: UInt64, cover: [String]? = nil, reserve: Int = 0) -> Sample {
        var generator = SeededGenerator(seed: seed)
        var shuffled = roster.sorted { $0.id < $1.id }
        // Fisher-Yates written out, so the order never depends on the standard library's version.
        for i in shuffled.indices.dropFirst().reversed() {
            shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        let present = Set(roster.flatMap(\.tags))
        let tags = (cover ?? present.sorted()).filter(present.contains)
        let members = pick(from: shuffled, count: size, covering: tags)
        let chosen = Set(members.map(\.id))
        let reserves = pick(from: shuffled.filter { !chosen.contains($0.id) }, count: reserve, covering: tags)
        return Sample(seed: seed, members: members.map(\.id), reserve: reserves.map(\.id), covered: tags)
    }

    static func pick(from shuffled: [Respondent], count: Int, covering tags: [String]) -> [Respondent] {
        var picked: [Respondent] = []
        var pickedIDs: Set<String> = []
        let frequency = Dictionary(tags.map { tag in (tag, shuffled.filter { $0.tags.contains(tag) }.count) }, uniquingKeysWith: { a, _ in a })
        for tag in tags.sorted(by: { (frequency[$0]!, $0) < (frequency[$1]!, $1) }) where picked.count < count {
            guard !picked.contains(where: { $0.tags.contains(tag) }),
                  let first = shuffled.first(where: { $0.tags.contains(tag) && !pickedIDs.contains($0.id) }) else { continue }
            picked.append(first)
            pickedIDs.insert(first.id)
        }
        for respondent in shuffled where picked.count < count && !pickedIDs.contains(respondent.id) {
            picked.append(respondent)
            pickedIDs.insert(respondent.id)
        }
        return picked
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
