/// Proves counts of small classes free with small programs before the attacker's full program is needed.
///
/// A transfer moves answers of some classes from one attribute to another (for multiple choice: adds or drops one
/// option) so that every published figure stays the same: the rows are the published segments only (tens), not a
/// row per class, so a program solves in milliseconds where the full program over every class and attribute
/// takes seconds at 100,000 responses. Every transfer is a solution of the full program too, so a count that a
/// transfer moves by a whole person is not pinned; a count no transfer moves goes to the full program, which
/// decides. (The rectangle swap of a 2×2 table is the smallest transfer; Hundepool et al. 2012, §4.3.)
struct TransferProgram {
    /// A count the audit wants to see move: attribute `attribute` of class `classIndex`, truly `truth` of `size`.
    struct Coordinate {
        var classIndex: Int
        var attribute: Int
        var truth: Int
        var size: Int
    }

    private let question: AttackerProgram.Question
    private let published: [Int]
    /// Per class: its published segments, answerers and count per attribute.
    private let signatures: [[Int]]
    private let answerers: [Int]
    private let counts: [[Int]]

    init(attacker: AttackerProgram, classes: [AttackerProgram.Target]) {
        question = attacker.question
        published = attacker.published
        let position = Dictionary(uniqueKeysWithValues: attacker.published.enumerated().map { ($1, $0) })
        signatures = classes.map { target in attacker.question.signature(target.positions[0], in: position).map { attacker.published[$0] } }
        answerers = classes.map { attacker.answerers($0) }
        counts = classes.map { target in
            (0..<attacker.question.attributeCount).map { t in target.positions.reduce(0) { $0 + attacker.question.counts[$1][t] } }
        }
    }

    /// The coordinates some transfer moves by at least one whole person.
    func movable(_ coordinates: [Coordinate]) -> Set<Int> {
        var open = Set(coordinates.indices)
        if question.exclusive {
            for t in 0..<question.attributeCount {
                for u in (t + 1)..<max(t + 1, question.attributeCount) where open.contains(where: { [t, u].contains(coordinates[$0].attribute) }) {
                    open.subtract(prove(coordinates, open, from: t, to: u))
                }
            }
        } else {
            for t in 0..<question.attributeCount where open.contains(where: { coordinates[$0].attribute == t }) {
                open.subtract(prove(coordinates, open, from: t, to: nil))
            }
        }
        return Set(coordinates.indices).subtracting(open)
    }

    /// One program: z per class, the number of its answers moving from `t` to `u` (negative: from `u` to `t`), or
    /// without `u` the number dropping option `t` (negative: adding it); each published segment's sum of z is 0.
    private func prove(_ coordinates: [Coordinate], _ open: Set<Int>, from t: Int, to u: Int?) -> Set<Int> {
        // z = down − up with both parts from 0: the true answers (z = 0) are where the simplex starts, feasible.
        let program = LinearProgram()
        var columns: [Int: (down: Int32, up: Int32)] = [:]
        for c in answerers.indices {
            let (down, up): (Int, Int)
            if let u {
                (down, up) = (counts[c][t], counts[c][u])
            } else {
                // Dropping keeps every parent at least one option; adding needs a parent without it.
                (down, up) = (min(counts[c][t], counts[c].reduce(0, +) - answerers[c]), answerers[c] - counts[c][t])
            }
            if down > 0 || up > 0 {
                columns[c] = (program.addColumn(.between(0, Double(down))), program.addColumn(.between(0, Double(up))))
            }
        }
        // One row per published segment that shows t or u: collected in one pass over the classes.
        let shows = Set(published.filter { s in
            s == 0 || question.publishedAttributes.contains(t) || u.map(question.publishedAttributes.contains) == true
        })
        var rows: [Int: [(column: Int32, coefficient: Double)]] = [:]
        for (c, pair) in columns.sorted(by: { $0.key < $1.key }) {
            for s in signatures[c] where shows.contains(s) {
                rows[s, default: []] += [(column: pair.down, coefficient: 1.0), (column: pair.up, coefficient: -1.0)]
            }
        }
        for s in published { if let terms = rows[s] { program.addRow(terms, .fixed(0)) } }
        func z(_ c: Int) -> Double { program.columnValue(columns[c]!.down) - program.columnValue(columns[c]!.up) }
        var proven = Set<Int>()
        var pending = open.filter { [t, u].contains(coordinates[$0].attribute) && columns[coordinates[$0].classIndex] != nil }
        while !pending.isEmpty {
            // Push each pending count away from its true value: down is z > 0 for t and z < 0 for u.
            var objective: [(column: Int32, coefficient: Double)] = []
            for i in pending {
                let coordinate = coordinates[i]
                let down = coordinate.truth == coordinate.size
                let sign: Double = (coordinate.attribute == t) == down ? 1 : -1
                let pair = columns[coordinate.classIndex]!
                objective += [(pair.down, sign), (pair.up, -sign)]
            }
            guard case .optimal = program.solve(objective, maximise: true) else { break }
            let moved = pending.filter { abs(z(coordinates[$0].classIndex)) >= 1 - 1e-6 }
            guard !moved.isEmpty else { break }
            proven.formUnion(moved)
            pending.subtract(moved)
        }
        return proven
    }
}
