/// The tags that may stand beside an open answer: a combination of tags held by at least the minimum number of
/// parents who answered the question, so the label narrows the writer down to no fewer than `k` people.
struct OpenAnswerLabels {
    private let aggregate: Aggregate
    private let question: Int
    private let minGroup: Int

    init(aggregate: Aggregate, question: Int, minGroup: Int) {
        self.aggregate = aggregate
        self.question = question
        self.minGroup = minGroup
    }

    /// How many who answered the question have every tag in `tags`.
    private func holders(_ tags: Set<String>) -> Int {
        aggregate.segments.atoms.indices.reduce(0) { sum, a in
            tags.isSubset(of: aggregate.segments.atoms[a].tags) ? sum + aggregate.answered(question, atom: a) : sum
        }
    }

    /// The writer's tags, most common first, each added only while the combination keeps at least `k` holders.
    func tags(atom: Int) -> [String] {
        let own = aggregate.segments.atoms[atom].tags.map { ($0, holders([$0])) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        var chosen: Set<String> = []
        var order: [String] = []
        for (tag, _) in own where holders(chosen.union([tag])) >= minGroup {
            chosen.insert(tag)
            order.append(tag)
        }
        return order
    }
}
