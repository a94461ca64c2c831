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

        /// Answerers and count per attribute of each of `segments`, in one pass over the atoms (the figures the
        /// report publishes for them).
        /// The positions in `segments` of those that atom i belongs to, ascending (its class's key): a lookup per
        /// membership rather than per segment, as this runs for every atom of every program.
        func signature(_ i: Int, in segments: [Int: Int]) -> [Int] {
            members[i].compactMap { segments[$0] }.sorted()
        }

        func totals(_ segments: [Int]) -> [Int: (answerers: Int, counts: [Int])] {
            var totals = Dictionary(uniqueKeysWithValues: segments.map { ($0, (answerers: 0, counts: [Int](repeating: 0, count: attributeCount))) })
            for i in atoms.indices {
                for s in members[i] where totals[s] != nil {
                    totals[s]!.answerers += answerers[i]
                    for t in 0..<attributeCount { totals[s]!.counts[t] += counts[i][t] }
                }
            }
            return totals
        }
    }

    /// A set of atoms (by position in `Question.atoms`) the audit asks about.
    struct Target: Hashable {
        var positions: [Int]
    }

    let question: Question
    let published: [Int]
    /// Atoms grouped by the published segments they belong to: a reader cannot tell atoms of one class apart.
    let classes: [Target]
    /// Per class, the positions in `published` of its segments, ascending.
    let signatures: [[Int]]

    init(question: Question, published: [Int]) {
        self.question = question
        self.published = published
        let position = Dictionary(uniqueKeysWithValues: published.enumerated().map { ($1, $0) })
        var bySignature: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        for i in question.atoms.indices {
            let signature = question.signature(i, in: position)
            if bySignature[signature] == nil { order.append(signature) }
            bySignature[signature, default: []].append(i)
        }
        classes = order.map { Target(positions: bySignature[$0]!) }
        signatures = order
    }

    func answerers(_ target: Target) -> Int { target.positions.reduce(0) { $0 + question.answerers[$1] } }

    /// The smallest non-empty group of answerers whose total a linear combination of the published segments gives
    /// exactly, when it is smaller than `minGroup`; with the segments the combination uses. Nil when there is none.
    ///
    /// Mixed-integer program: y_c ∈ {0,1} per class smaller than the minimum, λ_j free per published segment,
    /// y_c = Σ_j λ_j [c ⊆ j] for every class (0 for the large ones), Σ y_c ≥ 1, minimise Σ answerers(c) · y_c.
    func smallestDerivableGroup(minGroup: Int) -> (answerers: Int, segments: [Int])? {
        let small = classes.filter { answerers($0) < minGroup }
        guard !small.isEmpty else { return nil }
        let large = classes.indices.filter { answerers(classes[$0]) >= minGroup }.map { signatures[$0] }
        if CancellingCombinations.cancelEverywhere(large: large, all: signatures, columns: published.count) { return nil }
        let program = LinearProgram()
        let lambda = published.map { _ in program.addColumn(.free) }
        var objective: [(column: Int32, coefficient: Double)] = []
        var chosen: [(column: Int32, coefficient: Double)] = []
        for (target, signature) in zip(classes, signatures) {
            var row = signature.map { (column: lambda[$0], coefficient: 1.0) }
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

    /// The attacker's linear program for this question: per class of atoms and attribute how far the attacker's
    /// count lies from the true one, one row per published figure.
    ///
    /// Atoms that lie in the same published and hidden segments share their columns: no figure tells them apart,
    /// and any total of a class can be split over its atoms in proportion to their sizes without leaving an atom's
    /// bounds (for single choice and scales every parent has one attribute, for multiple choice at least one), so
    /// the ranges of every target made of whole classes are those of the program over atoms, with far fewer columns.
    /// The unknowns are written as the true count plus `up` minus `down` (both from 0): the true answers, where
    /// every column starts, already satisfy every row, so the simplex starts feasible and each solve only walks
    /// as far as its objective asks (from GLPK's standard basis it first has to find a solution at all).
    final class Ranges {
        let program = LinearProgram()
        /// The merged class of each atom position.
        private let classOf: [Int]
        /// Class c's true count of attribute t, and the columns that raise and lower it (nil when it cannot move
        /// that way: nobody chose it, or everybody).
        private var truth: [[Int]] = []
        private var columns: [[(up: Int32?, down: Int32?)]] = []
        /// The published segment of each row that holds a published figure (rows count from 1).
        private(set) var rowSegments: [Int: Int] = [:]
        let question: Question

        /// `hidden`: the segments whose cells the audit asks about (their atoms must not share a column with others).
        init(question: Question, published: [Int], hidden: [Int]) {
            self.question = question
            let segments = Dictionary(uniqueKeysWithValues: (published + hidden).enumerated().map { ($1, $0) })
            var bySignature: [[Int]: Int] = [:]
            var classOf: [Int] = []
            var size: [Int] = []
            var members: [Set<Int>] = []
            var truth: [[Int]] = []
            for i in question.atoms.indices {
                let signature = question.signature(i, in: segments)
                let c = bySignature[signature] ?? {
                    bySignature[signature] = size.count
                    size.append(0)
                    truth.append([Int](repeating: 0, count: question.attributeCount))
                    members.append(question.members[i])
                    return size.count - 1
                }()
                classOf.append(c)
                size[c] += question.answerers[i]
                for t in 0..<question.attributeCount { truth[c][t] += question.counts[i][t] }
            }
            self.classOf = classOf
            self.truth = truth
            for c in size.indices {
                columns.append((0..<question.attributeCount).map { t in
                    (up: truth[c][t] < size[c] ? program.addColumn(.between(0, Double(size[c] - truth[c][t]))) : nil,
                     down: truth[c][t] > 0 ? program.addColumn(.between(0, Double(truth[c][t]))) : nil)
                })
            }
            var row = 0
            for segment in published {
                let attributes = segment == 0 ? Array(0..<question.attributeCount) : question.publishedAttributes
                let inside = size.indices.filter { members[$0].contains(segment) }
                for t in attributes {
                    // The figure stays what was published: the changes inside the segment add up to 0.
                    program.addRow(inside.flatMap { change(class: $0, t) }, .fixed(0))
                    row += 1
                    rowSegments[row] = segment
                }
            }
            // What every parent's answer is known to be: exactly one option, or at least one.
            for c in size.indices {
                let terms = (0..<question.attributeCount).flatMap { change(class: c, $0) }
                let slack = Double(truth[c].reduce(0, +) - size[c])
                program.addRow(terms, question.exclusive ? .fixed(0) : .atLeast(-slack))
            }
        }

        /// Class c's change of attribute t as columns.
        private func change(class c: Int, _ t: Int) -> [(column: Int32, coefficient: Double)] {
            [columns[c][t].up.map { ($0, 1.0) }, columns[c][t].down.map { ($0, -1.0) }].compactMap { $0 }
        }

        /// The classes of a target (a target is a union of merged classes).
        private func classes(_ target: Target) -> Set<Int> { Set(target.positions.map { classOf[$0] }) }

        /// The target's change of attribute `t` as columns, and its true count.
        private func terms(_ target: Target, _ t: Int) -> (change: [(column: Int32, coefficient: Double)], truth: Int) {
            let classes = classes(target)
            return (classes.flatMap { change(class: $0, t) }, classes.reduce(0) { $0 + truth[$1][t] })
        }

        /// The attacker's smallest and largest count of attribute `t` in the target, in whole people, and the
        /// published segments whose figures pin it (rows that bind at the optimum).
        func range(_ target: Target, attribute t: Int) -> (low: Int, high: Int, binding: Set<Int>) {
            let most = target.positions.reduce(0) { $0 + question.answerers[$1] }
            let (low, lowBinding) = extreme(target, t, maximise: false)
            let (high, highBinding) = extreme(target, t, maximise: true)
            // Infeasible cannot happen with true figures; fall back to the trivial range rather than claim a pin.
            let lowest = max(0, low ?? 0)
            return (lowest, min(most, max(high ?? most, lowest)), lowBinding.union(highBinding))
        }

        /// The smallest (or largest) count of attribute `t` in the target, rounded inwards to whole people, and the
        /// published segments whose rows bind at that optimum; nil when the program has no solution.
        func extreme(_ target: Target, _ t: Int, maximise: Bool) -> (value: Int?, binding: Set<Int>) {
            let (change, truth) = terms(target, t)
            guard case .optimal(let moved) = program.solve(change, maximise: maximise) else { return (nil, []) }
            let value = Double(truth) + moved
            let binding = Set(rowSegments.filter { abs(program.rowDual($0.key)) > 1e-9 }.map(\.value))
            return (Int((maximise ? (value + 1e-6).rounded(.down) : (value - 1e-6).rounded(.up))), binding)
        }

        /// The coordinates that can move by at least one whole person without changing a published figure, found
        /// a batch at a time: one program pushes every open coordinate away from its true value at once, and each
        /// that moved is proven free (the true answers and that solution are both consistent with the report).
        /// Stops when a program moves none; the rest need their own ranges.
        /// A count that lies strictly between 0 and its target's size is pushed up first, and down once up stalls.
        func movable(_ coordinates: [(target: Target, attribute: Int, truth: Int, size: Int)]) -> Set<Int> {
            var open = Array(coordinates.indices)
            var proven = Set<Int>()
            var up = coordinates.map { $0.truth < $0.size }
            var turned = false
            while !open.isEmpty {
                var objective: [(column: Int32, coefficient: Double)] = []
                for i in open {
                    objective += terms(coordinates[i].target, coordinates[i].attribute).change.map { ($0.column, up[i] ? $0.coefficient : -$0.coefficient) }
                }
                guard case .optimal = program.solve(objective, maximise: true) else { break }
                let moved = open.filter { i in
                    let change = terms(coordinates[i].target, coordinates[i].attribute).change.reduce(0) { $0 + $1.coefficient * program.columnValue($1.column) }
                    return abs(change) >= 1 - 1e-6
                }
                if moved.isEmpty {
                    let interior = open.filter { coordinates[$0].truth > 0 && up[$0] }
                    guard !turned, !interior.isEmpty else { break }
                    for i in interior { up[i] = false }
                    turned = true
                    continue
                }
                proven.formUnion(moved)
                open.removeAll { proven.contains($0) }
            }
            return proven
        }
    }
}
