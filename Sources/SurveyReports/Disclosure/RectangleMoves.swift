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
    private let repairs: Bool

    /// `axis`: the axis of a published segment other than the total (for example "group", or "tag nt2").
    /// `repairs`: whether to try rectangles with repaired corners (off only to test what they add).
    init(attacker: AttackerProgram, classes: [AttackerProgram.Target], axis: (Int) -> String, repairs: Bool = true) {
        self.repairs = repairs
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
            // Cheapest first: rectangles, then swaps, then rectangles with repaired corners. (Swaps with repaired
            // corners free a few more but cost seconds per question at 100,000 responses: left to the programs.)
            for search in [Search.rectangles, .swaps, .repaired] where repairs || search != .repaired {
                for direction in directions {
                    if partners.contains(where: { moves(coordinate.classIndex, coordinate.attribute, $0, direction, search) }) { return true }
                }
            }
            return false
        })
    }

    private enum Search { case rectangles, swaps, repaired }

    /// How many answers class c can move: `down` from t to u (or drop t), `up` from u to t (or add t).
    private func room(_ c: Int, _ t: Int, _ u: Int?, _ direction: Direction) -> Int {
        let x = counts[c]
        if let u { return direction == .down ? x[t] : x[u] }
        return direction == .down ? min(x[t], x.reduce(0, +) - answerers[c]) : answerers[c] - x[t]
    }

    /// Whether a move of the given search with c1 in one corner moves c1's count of t in the given direction.
    ///
    /// With repairs, a corner without room for its part gets it from a second rectangle on classes not used yet.
    /// Single choice: a corner that should give up u for t but has no u gives up some w instead, and the second
    /// rectangle moves one answer from w to u there. Multiple choice: a parent whose only answer is t cannot drop it,
    /// so the corner adds some w as well, and the second rectangle balances that w. Together every published figure
    /// stays the same.
    private func moves(_ c1: Int, _ t: Int, _ u: Int?, _ direction: Direction, _ search: Search) -> Bool {
        guard search == .repaired || room(c1, t, u, direction) > 0 else { return false }
        let back: Direction = direction == .down ? .up : .down
        return corners(of: c1, swaps: search == .swaps) { c2, c3, c4 in
            var used: Set<Int> = [c1, c2, c3, c4]
            for (c, role) in [(c1, direction), (c2, direction), (c3, back), (c4, back)] where room(c, t, u, role) == 0 {
                guard search == .repaired, let repair = repair(c, t, u, role, avoiding: used) else { return false }
                used.formUnion(repair)
            }
            return true
        }
    }

    /// The three other classes of a rectangle, none in `avoiding`, that gives corner c the room it lacks for its
    /// part (`role`) in a move of t (against u); nil when there is none.
    private func repair(_ c: Int, _ t: Int, _ u: Int?, _ role: Direction, avoiding: Set<Int>) -> Set<Int>? {
        // The second rectangle moves w (against u) in c: down for single choice, up (add w) for multiple choice.
        let candidates: [Int]
        let second: Direction
        if let u {
            guard role == .up else { return nil }
            candidates = (0..<attributeCount).filter { $0 != t && $0 != u && counts[c][$0] > 0 }
            second = .down
        } else {
            guard role == .down, counts[c][t] > 0 else { return nil }
            candidates = (0..<attributeCount).filter { $0 != t && counts[c][$0] < answerers[c] }
            second = .up
        }
        let back: Direction = second == .down ? .up : .down
        for w in candidates {
            var found: Set<Int>?
            _ = corners(of: c, swaps: false) { c2, c3, c4 in
                guard !avoiding.contains(c2), !avoiding.contains(c3), !avoiding.contains(c4),
                      room(c2, w, u, second) > 0, room(c3, w, u, back) > 0, room(c4, w, u, back) > 0 else { return false }
                found = [c2, c3, c4]
                return true
            }
            if let found { return found }
        }
        return nil
    }

    /// Calls `body(c2, c3, c4)` for the rectangles with c1 in one corner (c2 differs from c1 on two axes, c3 and c4
    /// on one each), or with `swaps` for the general swaps: any class c2 differing on three axes or more and any
    /// split of those axes into A and B, with c4 taking c2's values on A and c3 those on B. (Every move that keeps
    /// one-way margins is a sum of such swaps: they are the Markov basis of the complete-independence model,
    /// Diaconis and Sturmfels 1998.) Stops at the first call that returns true.
    private func corners(of c1: Int, swaps: Bool, _ body: (Int, Int, Int) -> Bool) -> Bool {
        let origin = values[c1]
        let key = zip(origin, strides).reduce(0) { $0 &+ $1.0 &* $1.1 }
        if !swaps {
            for a in axes.indices {
                for va in 0...axes[a].count where va != origin[a] {
                    let shiftA = (va - origin[a]) &* strides[a]
                    guard let c4 = classAt[key &+ shiftA] else { continue }
                    for b in (a + 1)..<axes.count {
                        for vb in 0...axes[b].count where vb != origin[b] {
                            let shiftB = (vb - origin[b]) &* strides[b]
                            if let c3 = classAt[key &+ shiftB], let c2 = classAt[key &+ shiftA &+ shiftB], body(c2, c3, c4) { return true }
                        }
                    }
                }
            }
            return false
        }
        for c2 in values.indices where c2 != c1 {
            let shifts = axes.indices.compactMap { a in values[c2][a] == origin[a] ? nil : (values[c2][a] - origin[a]) &* strides[a] }
            guard shifts.count >= 3 else { continue }
            let whole = shifts.reduce(0, &+)
            // Subsets A without the last axis, so that A and its complement are not both tried.
            for mask in 1..<(1 << (shifts.count - 1)) {
                var shiftA = 0
                for bit in shifts.indices where mask & (1 << bit) != 0 { shiftA = shiftA &+ shifts[bit] }
                if let c4 = classAt[key &+ shiftA], let c3 = classAt[key &+ whole &- shiftA], body(c2, c3, c4) { return true }
            }
        }
        return false
    }
}
