/// A quick proof that a class's count is not pinned: four classes whose published segments balance
/// (sig(c) + sig(c2) = sig(c1) + sig(c3)), so moving one answer around the cycle changes the class's count and
/// leaves every published figure as it is. Finding one needs no solver; only classes without one go to the
/// linear program. (In a two-way table this is the familiar +1 −1 +1 −1 swap of a 2×2 sub-table.)
struct CycleCertificate {
    private let signatures: [[Int]]
    private let index: [[Int]: Int]
    private let answerers: [Int]
    /// counts[class][attribute], summed over the class's atoms.
    private let counts: [[Int]]
    private let exclusive: Bool
    private let published: [Int]

    init(attacker: AttackerProgram, classes: [AttackerProgram.Target]) {
        let question = attacker.question
        published = attacker.published
        signatures = classes.map { target in attacker.published.filter { question.members[target.positions[0]].contains($0) } }
        index = Dictionary(signatures.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        answerers = classes.map { attacker.answerers($0) }
        counts = classes.map { target in
            (0..<question.attributeCount).map { t in target.positions.reduce(0) { $0 + question.counts[$1][t] } }
        }
        exclusive = question.exclusive
    }

    /// Classes whose published segments differ from class `c`'s by one segment added, removed or swapped.
    private func near(_ c: Int) -> [Int] {
        let own = signatures[c]
        let others = published.filter { !own.contains($0) }
        var found: [Int] = []
        func look(_ signature: [Int]) {
            if let i = index[signature.sorted()], i != c { found.append(i) }
        }
        for s in own {
            let without = own.filter { $0 != s }
            look(without)
            for added in others { look(without + [added]) }
        }
        for added in others { look(own + [added]) }
        return found
    }

    /// Whether one answer with attribute `t` can move around a balanced cycle through class `c`.
    func canChange(_ c: Int, attribute t: Int) -> Bool {
        let neighbours = near(c)
        for (i, c1) in neighbours.enumerated() {
            for c3 in neighbours[(i + 1)...] {
                // sig(c2) = sig(c1) + sig(c3) - sig(c), as a set.
                var multiplicity: [Int: Int] = [:]
                for s in signatures[c1] { multiplicity[s, default: 0] += 1 }
                for s in signatures[c3] { multiplicity[s, default: 0] += 1 }
                for s in signatures[c] { multiplicity[s, default: 0] -= 1 }
                guard multiplicity.values.allSatisfy({ $0 == 0 || $0 == 1 }) else { continue }
                let signature = multiplicity.filter { $0.value == 1 }.map(\.key).sorted()
                guard let c2 = index[signature], c2 != c, c2 != c1, c2 != c3 else { continue }
                // Down at c and c2, up at c1 and c3; or the other way round.
                if feasible(down: [c, c2], up: [c1, c3], t) || feasible(down: [c1, c3], up: [c, c2], t) { return true }
            }
        }
        return false
    }

    private func feasible(down: [Int], up: [Int], _ t: Int) -> Bool {
        guard down.allSatisfy({ counts[$0][t] >= 1 }), up.allSatisfy({ counts[$0][t] <= answerers[$0] - 1 }) else { return false }
        if exclusive {
            // Every answer has one attribute: each class also moves one answer of another attribute the other way.
            return counts[0].indices.contains { other in other != t && up.allSatisfy { counts[$0][other] >= 1 } }
        }
        // Multiple choice: a parent who loses this option must keep at least one.
        return down.allSatisfy { z in counts[z].reduce(0, +) - 1 >= answerers[z] }
    }
}
