/// Proves counts of small classes free with the attacker's program restricted to the classes nearest each one.
///
/// Every class outside the neighbourhood keeps its true answers, and every published figure minus their part is
/// what the classes inside must still add up to. So each solution of the restricted program, completed with the
/// true answers outside, is a solution of the full program: a count it moves by a whole person is not pinned
/// (the restriction can only narrow a range, never widen it). Near means sharing the most published segments:
/// the rectangles and longer cycles that move an answer in a class run through classes that differ from it in
/// few segments. At 100,000 responses the full program has thousands of classes per question and takes minutes;
/// a neighbourhood of up to 160 classes solves in milliseconds. What it cannot move goes to the full program,
/// which decides. (Working on sub-tables to keep the programs small is also how tau-ARGUS's modular method
/// protects large tables, there to choose suppressions, here only to prove a count free; Hundepool et al.,
/// *Statistical Disclosure Control*, 2012, ch. 4.)
struct NeighbourhoodProgram {
    private let attacker: AttackerProgram
    private let classes: [AttackerProgram.Target]
    /// Per class its published segments as bits (bit j: `attacker.published[j]`), so a distance is a popcount.
    private let signatures: [[UInt64]]
    /// The classes from the most answerers to the fewest: among classes as near, the largest come first, as they
    /// have the most answers to give and take.
    private let bySize: [Int]

    init(attacker: AttackerProgram, classes: [AttackerProgram.Target]) {
        self.attacker = attacker
        self.classes = classes
        let answerers = classes.map { attacker.answerers($0) }
        bySize = classes.indices.sorted { (answerers[$0], $1) > (answerers[$1], $0) }
        let words = attacker.published.count / 64 + 1
        let position = Dictionary(uniqueKeysWithValues: attacker.published.enumerated().map { ($1, $0) })
        signatures = classes.map { target in
            var bits = [UInt64](repeating: 0, count: words)
            for j in attacker.question.signature(target.positions[0], in: position) { bits[j / 64] |= 1 << UInt64(j % 64) }
            return bits
        }
    }

    /// The coordinates moved by at least one whole person by the program over the classes nearest theirs: first
    /// `sizes[0]` classes, then for what that left `sizes[1]`, and so on; a size that takes in every class is the
    /// full program, which the caller runs once for all that is left. Each program also pushes the open counts of
    /// the other classes it holds (small classes lie near each other), so a class whose counts an earlier
    /// program proved needs none of its own. Also says how many programs it built.
    func movable(_ coordinates: [TransferProgram.Coordinate], sizes: [Int]) -> (proven: Set<Int>, programs: Int) {
        var proven = Set<Int>()
        var programs = 0
        var distances: [Int: [Int]] = [:]
        for size in sizes where size < classes.count {
            var open = Dictionary(grouping: coordinates.indices.filter { !proven.contains($0) }, by: { coordinates[$0].classIndex })
            for c in open.keys.sorted() where open[c] != nil {
                if distances[c] == nil { distances[c] = signatures.map { distance($0, signatures[c]) } }
                let near = nearest(size, by: distances[c]!)
                let (question, targets) = restricted(to: near)
                let tried = near.indices.flatMap { j in (open[near[j]] ?? []).map { (index: $0, target: targets[j]) } }
                let ranges = AttackerProgram.Ranges(question: question, published: published(in: question), hidden: [])
                let moved = Set(ranges.movable(tried.map { ($0.target, coordinates[$0.index].attribute, coordinates[$0.index].truth,
                                                            coordinates[$0.index].size) }).map { tried[$0].index })
                proven.formUnion(moved)
                programs += 1
                // This class had its program at this size; the others keep theirs for what this one did not move.
                open[c] = nil
                for n in near.dropFirst() {
                    open[n]?.removeAll { moved.contains($0) }
                    if open[n]?.isEmpty == true { open[n] = nil }
                }
            }
        }
        return (proven, programs)
    }

    /// The `size` classes nearest by `distance` (the class itself first, at 0; `size` is at least 2), the largest
    /// first among those at the farthest distance taken.
    private func nearest(_ size: Int, by distance: [Int]) -> [Int] {
        var atDistance = [Int](repeating: 0, count: attacker.published.count + 1)
        for d in distance { atDistance[d] += 1 }
        // The farthest distance needed; of the classes at exactly that distance only the largest are taken.
        var farthest = 0, nearer = 0
        while nearer + atDistance[farthest] < size { nearer += atDistance[farthest]; farthest += 1 }
        var near = [Int](), edge = [Int]()
        for c in bySize where distance[c] <= farthest {
            if distance[c] < farthest { near.append(c) } else if edge.count < size - nearer { edge.append(c) }
        }
        near.swapAt(0, near.firstIndex { distance[$0] == 0 }!)
        return near + edge
    }

    /// How many published segments one class belongs to and the other does not.
    private func distance(_ a: [UInt64], _ b: [UInt64]) -> Int {
        zip(a, b).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
    }

    /// The question with only the atoms of the classes `near` (their true answers are what the figures still
    /// hold), and the target of each of them in it.
    private func restricted(to near: [Int]) -> (AttackerProgram.Question, [AttackerProgram.Target]) {
        let full = attacker.question
        var question = AttackerProgram.Question(atoms: [], answerers: [], counts: [], members: [], exclusive: full.exclusive,
                                                publishedAttributes: full.publishedAttributes, attributeCount: full.attributeCount)
        var targets: [AttackerProgram.Target] = []
        for c in near {
            let start = question.atoms.count
            for i in classes[c].positions {
                question.atoms.append(full.atoms[i])
                question.answerers.append(full.answerers[i])
                question.counts.append(full.counts[i])
                question.members.append(full.members[i])
            }
            targets.append(AttackerProgram.Target(positions: Array(start..<question.atoms.count)))
        }
        return (question, targets)
    }

    /// The published segments with atoms in the restricted question (the others hold only fixed answers).
    private func published(in question: AttackerProgram.Question) -> [Int] {
        attacker.published.filter { s in question.members.contains { $0.contains(s) } }
    }
}
