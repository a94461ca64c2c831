import SurveyCore

/// What a reader who knows the roster can work out about one question from the figures a report publishes.
///
/// The unknowns are, per atom (respondents who share group, method, language and tags, known from the roster)
/// and per attribute of the question (an option, or for a scale the top share), how many chose it: between 0 and
/// the atom's number of answerers. Every published figure of a segment is a sum of atoms. Two programs:
/// - `smallestDerivableGroup`: the smallest set of answerers whose sum some linear combination of the published
///   segments gives exactly (a mixed-integer program over the signature classes: subtraction, intersection by
///   inclusion–exclusion, any combination);
/// - `range`: the smallest and largest value of a hidden cell or a small class that is consistent with every
///   published figure (the attacker's linear program of tau-ARGUS and sdcTable), rounded inwards to whole people.
struct AttackerProgram {
    /// The question's attributes and what each atom answered.
    struct Question {
        /// Atoms with at least one answerer.
        var atoms: [Int]
        /// Answerers per atom (same order).
        var answerers: [Int]
        /// `counts[i][t]`: answerers of atom `atoms[i]` with attribute `t`.
        var counts: [[Int]]
        /// The segments each atom belongs to.
        var members: [Set<Int>]
        /// Single choice and scales: every answerer has exactly one attribute; multiple choice: at least one.
        var exclusive: Bool
        /// Which attributes a published segment shows (a scale shows only its top share per segment).
        var publishedAttributes: [Int]
        var attributeCount: Int

        func answerers(in segment: Int) -> Int {
            atoms.indices.reduce(0) { $0 + (members[$1].contains(segment) ? answerers[$1] : 0) }
        }

        func count(_ attribute: Int, in segment: Int) -> Int {
            atoms.indices.reduce(0) { $0 + (members[$1].contains(segment) ? counts[$1][attribute] : 0) }
        }
    }

    /// A set of atoms (by position in `Question.atoms`) the audit asks about.
    struct Target: Hashable {
        var positions: [Int]
    }

    let question: Question
    let published: [Int]

    /// Atoms grouped by the published segments they belong to: a reader cannot tell atoms of one class apart.
    func classes() -> [Target] {
        var bySignature: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        for i in question.atoms.indices {
            let signature = published.filter { question.members[i].contains($0) }
            if bySignature[signature] == nil { order.append(signature) }
            bySignature[signature, default: []].append(i)
        }
        return order.map { Target(positions: bySignature[$0]!) }
    }

    func answerers(_ target: Target) -> Int { target.positions.reduce(0) { $0 + question.answerers[$1] } }

    /// The smallest non-empty group of answerers whose total a linear combination of the published segments gives
    /// exactly, when it is smaller than `minGroup`; with the segments the combination uses. Nil when there is none.
    ///
    /// Mixed-integer program: y_c ∈ {0,1} per class smaller than the minimum, λ_j free per published segment,
    /// y_c = Σ_j λ_j [c ⊆ j] for every class (0 for the large ones), Σ y_c ≥ 1, minimise Σ answerers(c) · y_c.
    func smallestDerivableGroup(minGroup: Int) -> (answerers: Int, segments: [Int])? {
        let classes = classes()
        let small = classes.filter { answerers($0) < minGroup }
        guard !small.isEmpty else { return nil }
        let program = LinearProgram()
        let lambda = published.map { _ in program.addColumn(.free) }
        var objective: [(column: Int32, coefficient: Double)] = []
        var chosen: [(column: Int32, coefficient: Double)] = []
        for target in classes {
            let first = target.positions[0]
            var row = published.indices.filter { question.members[first].contains(published[$0]) }.map { (column: lambda[$0], coefficient: 1.0) }
            let size = answerers(target)
            if size < minGroup {
                let y = program.addColumn(.between(0, 1), binary: true)
                row.append((y, -1))
                objective.append((y, Double(size)))
                chosen.append((y, 1))
            }
            program.addRow(row, .fixed(0))
        }
        program.addRow(chosen, .atLeast(1))
        guard let solution = program.solveInteger(objective), solution.value < Double(minGroup) - 0.5 else { return nil }
        let used = published.indices.filter { abs(solution.columns[Int(lambda[$0]) - 1]) > 1e-7 }.map { published[$0] }
        return (Int(solution.value.rounded()), used)
    }

    /// The attacker's linear program for this question: one column per atom and attribute, one row per published figure.
    final class Ranges {
        let program = LinearProgram()
        /// Column of atom position i and attribute t.
        private var columns: [[Int32]] = []
        /// The published segment of each row that holds a published figure (rows count from 1).
        private(set) var rowSegments: [Int: Int] = [:]
        let question: Question

        init(question: Question, published: [Int]) {
            self.question = question
            for i in question.atoms.indices {
                columns.append((0..<question.attributeCount).map { _ in program.addColumn(.between(0, Double(question.answerers[i]))) })
            }
            var row = 0
            for segment in published {
                let attributes = segment == 0 ? Array(0..<question.attributeCount) : question.publishedAttributes
                for t in attributes {
                    let terms = question.atoms.indices.filter { question.members[$0].contains(segment) }.map { (column: columns[$0][t], coefficient: 1.0) }
                    program.addRow(terms, .fixed(Double(question.count(t, in: segment))))
                    row += 1
                    rowSegments[row] = segment
                }
            }
            // What every parent's answer is known to be: exactly one option, or at least one.
            for i in question.atoms.indices {
                let terms = columns[i].map { (column: $0, coefficient: 1.0) }
                let m = Double(question.answerers[i])
                program.addRow(terms, question.exclusive ? .fixed(m) : .atLeast(m))
            }
        }

        /// The attacker's smallest and largest count of attribute `t` in the target, in whole people, and the
        /// published segments whose figures pin it (rows that bind at the optimum).
        func range(_ target: Target, attribute t: Int) -> (low: Int, high: Int, binding: Set<Int>) {
            let terms = target.positions.map { (column: columns[$0][t], coefficient: 1.0) }
            var binding = Set<Int>()
            func solve(_ maximise: Bool) -> Double? {
                guard case .optimal(let value) = program.solve(terms, maximise: maximise) else { return nil }
                for (row, segment) in rowSegments where abs(program.rowDual(row)) > 1e-9 { binding.insert(segment) }
                return value
            }
            let most = target.positions.reduce(0) { $0 + question.answerers[$1] }
            // Infeasible cannot happen with true figures; fall back to the trivial range rather than claim a pin.
            let low = solve(false).map { Int(($0 - 1e-6).rounded(.up)) } ?? 0
            let high = solve(true).map { Int(($0 + 1e-6).rounded(.down)) } ?? most
            return (max(0, low), min(most, max(high, low)), binding)
        }
    }
}
