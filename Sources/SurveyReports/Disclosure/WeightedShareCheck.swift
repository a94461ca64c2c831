import SurveyCore

/// Whether publishing a weighted top share lets a reader work out more than the unweighted figures already allow.
///
/// The reader of `DisclosureControl`'s threat model knows the roster and who answered, so they can compute every
/// family's weight (`ResponseWeights` depends on nothing else). A weighted share is then one more linear equation
/// in the answers, Σ wᵢ·yᵢ = p·Σ wᵢ, with coefficients that differ between families: combined with the unweighted
/// figures it can separate what those never separate. Example: 16 of 20 agree overall, the 4 NT2 families are a
/// hidden cell; weights 0.625 and 2.5 and a published weighted share of 50% leave exactly one solution, "none of the
/// NT2 families agree".
///
/// So a weighted share is published only where the unweighted one is (the question shown, overall column only),
/// rounded to whole percentages (the reader gets an interval of ±0.5 point), and only after this check: the
/// attacker's linear program over the classes the reader can tell apart once weights are known (atom × weight),
/// with every published figure of the question, is solved with and without the weighted interval; if the
/// weighted interval pins the count of any hidden cell or of any class of fewer than `k` answerers that was not
/// pinned without it, the weighted share is left out.
enum WeightedShareCheck {
    /// The published weighted share: rounded to whole percentages.
    static func published(_ share: Double) -> Double { (share * 100).rounded() / 100 }

    static func isSafe(_ a: Aggregate, _ d: Disclosure, question q: Int, weightedShare: Double) -> Bool {
        let classes = a.weightClasses[q].filter { $0.value.answered > 0 }.sorted { ($0.key.atom, $0.key.weight) < ($1.key.atom, $1.key.weight) }
        guard !classes.isEmpty else { return false }
        let k = d.minGroup
        let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
        let shownSegments = [0] + candidates.filter { !d.isHidden(q, segment: $0) && a.answered(q, segment: $0) > 0 }
        let hidden = candidates.filter { d.reason(q, segment: $0) != nil }
        func members(_ c: Int) -> [Int] { a.segments.atoms[classes[c].key.atom].segments }

        // Targets: every hidden cell, and every set of fewer than k the reader can tell apart (same published
        // segments and same weight).
        var targets: [[Int]] = hidden.map { s in classes.indices.filter { members($0).contains(s) } }.filter { !$0.isEmpty }
        var bySignature: [[Int]: [Int]] = [:]
        for c in classes.indices {
            let signature = shownSegments.filter { members(c).contains($0) } + [-1 - classes[c].key.weight]
            bySignature[signature, default: []].append(c)
        }
        targets += bySignature.values.filter { $0.reduce(0) { $0 + classes[$1].value.answered } < k }

        let total = classes.reduce(0.0) { $0 + Double($1.value.answered) * a.weightValues[$1.key.weight] }
        let rounded = published(weightedShare)
        func program(weighted: Bool) -> (LinearProgram, [Int32]) {
            let lp = LinearProgram()
            let columns = classes.map { lp.addColumn(.between(0, Double($0.value.answered))) }
            for s in shownSegments {
                let inside = classes.indices.filter { members($0).contains(s) }
                let top = inside.reduce(0) { $0 + classes[$1].value.top }
                lp.addRow(inside.map { (column: columns[$0], coefficient: 1.0) }, .fixed(Double(top)))
            }
            if weighted {
                lp.addRow(classes.indices.map { (column: columns[$0], coefficient: a.weightValues[classes[$0].key.weight]) },
                          .between(total * (rounded - 0.005), total * (rounded + 0.005)))
            }
            return (lp, columns)
        }
        let (without, withoutColumns) = program(weighted: false)
        let (with, withColumns) = program(weighted: true)
        func range(_ lp: LinearProgram, _ columns: [Int32], _ target: [Int]) -> (Int, Int)? {
            let terms = target.map { (column: columns[$0], coefficient: 1.0) }
            guard case .optimal(let low) = lp.solve(terms, maximise: false),
                  case .optimal(let high) = lp.solve(terms, maximise: true) else { return nil }
            return (Int((low - 1e-6).rounded(.up)), Int((high + 1e-6).rounded(.down)))
        }
        for target in targets {
            guard let after = range(with, withColumns, target) else { return false }
            guard after.0 == after.1 else { continue }
            guard let before = range(without, withoutColumns, target), before.0 == before.1 else { return false }
        }
        return true
    }
}
