/// Proves counts of small classes free by exhibiting the smallest move that keeps every published figure: a
/// rectangle, found by lookups instead of a program.
///
/// Every published segment is one value of one axis (a group, a method, a language, one tag), so the classes form a
/// table whose published figures are one-way margins. Change class c1's values on two axes to get c2; c3 and c4
/// each carry one of the two changes. Moving one answer from attribute t to u in c1 and c2 and one back from u to t
/// in c3 and c4 (for multiple choice: dropping t in two and adding it in the other two) leaves every published
/// figure as it was, because each segment holds both classes of a pair or neither. When the four classes exist and
/// have room for the move, the true answers with that move applied are a second solution of the attacker's
/// program, so c1's count of t is not pinned. This is the classic rectangle swap of a two-way table (Hundepool et
/// al., *Statistical Disclosure Control*, Wiley 2012, §4.3; Fischetti and Salazar-González 1999), applied to each
/// pair of axes. Counts it cannot settle go on to `TransferProgram` and the full program.
struct RectangleMoves {
    private enum Direction { case down, up }

    /// Per axis, its published segments; a class's value on an axis is 1 + the position of its segment there, or 0.
    private let axes: [[Int]]
    private let strides: [Int]
    private let values: [[Int]]
    private let classAt: [Int: Int]
    private let counts: [[Int]]
    private let answerers: [Int]
    private let exclusive: Bool
    private let attributeCount: Int

    /// `axis`: the axis of a published segment other than the total (for example "group", or "tag nt2").
    init(attacker: AttackerProgram, classes: [AttackerProgram.Target], axis: (Int) -> String) {
        let question = attacker.question
        var axisNames: [String] = []
        var axes: [[Int]] = []
        for s in attacker.published where s != 0 {
            let name = axis(s)
            if let a = axisNames.firstIndex(of: name) { axes[a].append(s) } else { axisNames.append(name); axes.append([s]) }
        }
        var strides: [Int] = []
        var product = 1
        for segments in axes {
            strides.append(product)
            let (next, overflow) = product.multipliedReportingOverflow(by: segments.count + 1)
            // Keys must not collide: a table too large for one integer key is left to the programs.
            if overflow { axes = [] ; strides = []; break }
            product = next
        }
        self.axes = axes
        self.strides = strides
        values = classes.map { target in
            let members = question.members[target.positions[0]]
            return axes.map { segments in 1 + (segments.firstIndex { members.contains($0) } ?? -1) }
        }
        var classAt: [Int: Int] = [:]
        for (c, value) in values.enumerated() { classAt[zip(value, strides).reduce(0) { $0 &+ $1.0 &* $1.1 }] = c }
        self.classAt = classAt
        counts = classes.map { target in
            (0..<question.attributeCount).map { t in target.positions.reduce(0) { $0 + question.counts[$1][t] } }
        }
        answerers = classes.map { attacker.answerers($0) }
        exclusive = question.exclusive
        attributeCount = question.attributeCount
    }

    /// The coordinates a rectangle moves by one whole person.
    func movable(_ coordinates: [TransferProgram.Coordinate]) -> Set<Int> {
        Set(coordinates.indices.filter { i in
            let coordinate = coordinates[i]
            let directions: [Direction] = coordinate.truth == coordinate.size ? [.down] : coordinate.truth == 0 ? [.up] : [.down, .up]
            let partners: [Int?] = exclusive ? (0..<attributeCount).filter { $0 != coordinate.attribute } : [nil]
            return directions.contains { direction in
                partners.contains { rectangle(coordinate.classIndex, coordinate.attribute, $0, direction) }
            } || directions.contains { direction in
                partners.contains { swap(coordinate.classIndex, coordinate.attribute, $0, direction) }
            }
        })
    }

    /// How many answers class c can move: `down` from t to u (or drop t), `up` from u to t (or add t).
    private func room(_ c: Int, _ t: Int, _ u: Int?, _ direction: Direction) -> Int {
        let x = counts[c]
        if let u { return direction == .down ? x[t] : x[u] }
        return direction == .down ? min(x[t], x.reduce(0, +) - answerers[c]) : answerers[c] - x[t]
    }

    /// Whether some rectangle with c1 in one corner moves c1's count of t in the given direction.
    private func rectangle(_ c1: Int, _ t: Int, _ u: Int?, _ direction: Direction) -> Bool {
        let back: Direction = direction == .down ? .up : .down
        guard room(c1, t, u, direction) > 0 else { return false }
        let origin = values[c1]
        let key = zip(origin, strides).reduce(0) { $0 &+ $1.0 &* $1.1 }
        func corner(_ k: Int, _ wanted: Direction) -> Bool {
            guard let c = classAt[k] else { return false }
            return room(c, t, u, wanted) > 0
        }
        for a in axes.indices {
            for va in 0...axes[a].count where va != origin[a] {
                let c4 = key &+ (va - origin[a]) &* strides[a]
                guard corner(c4, back) else { continue }
                for b in (a + 1)..<axes.count {
                    for vb in 0...axes[b].count where vb != origin[b] {
                        let shift = (vb - origin[b]) &* strides[b]
                        if corner(key &+ shift, back), corner(c4 &+ shift, direction) { return true }
                    }
                }
            }
        }
        return false
    }

    /// The general swap: any class c2 with room, and any split of the axes on which it differs from c1 into two
    /// non-empty parts A and B; c3 is c1 with c2's values on B, c4 is c1 with c2's values on A. (Every move that keeps
    /// one-way margins is a sum of such swaps: they are the Markov basis of the complete-independence model,
    /// Diaconis and Sturmfels 1998.) Slower than `rectangle`, so only for what that leaves.
    private func swap(_ c1: Int, _ t: Int, _ u: Int?, _ direction: Direction) -> Bool {
        let back: Direction = direction == .down ? .up : .down
        guard room(c1, t, u, direction) > 0 else { return false }
        let origin = values[c1]
        let key = zip(origin, strides).reduce(0) { $0 &+ $1.0 &* $1.1 }
        for c2 in values.indices where c2 != c1 && room(c2, t, u, direction) > 0 {
            let shifts = axes.indices.compactMap { a in values[c2][a] == origin[a] ? nil : (values[c2][a] - origin[a]) &* strides[a] }
            guard shifts.count >= 3 else { continue }   // two differing axes are the rectangles already tried
            let whole = shifts.reduce(0, &+)
            // Subsets A of the differing axes without the last one (so A and its complement are not both counted).
            for mask in 1..<(1 << (shifts.count - 1)) {
                var shiftA = 0
                for bit in shifts.indices where mask & (1 << bit) != 0 { shiftA = shiftA &+ shifts[bit] }
                guard let c4 = classAt[key &+ shiftA], room(c4, t, u, back) > 0,
                      let c3 = classAt[key &+ whole &- shiftA], room(c3, t, u, back) > 0 else { continue }
                return true
            }
        }
        return false
    }
}
