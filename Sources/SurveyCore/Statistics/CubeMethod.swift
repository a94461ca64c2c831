/// Balanced sampling by the cube method of Deville and Tillé: a sample whose counts of every balancing
/// variable (tags, language groups, the sample size) equal their share in the roster as nearly as whole
/// families allow, while each family keeps exactly its inclusion probability.
///
/// Reference: J.-C. Deville and Y. Tillé (2004), "Efficient balanced sampling: the cube method",
/// Biometrika 91(4), 893–912; the fast flight phase of G. Chauvet and Y. Tillé (2006), "A fast algorithm for
/// balanced sampling", Computational Statistics 21, 53–62. R: `sampling::samplecube`, `BalancedSampling::cube`.
public enum CubeMethod {
    /// Draws a balanced sample: the flight phase, then the landing phase by linear programming.
    ///
    /// - Parameters:
    ///   - auxiliaries: per unit the values of the balancing variables (here 0 or 1 per tag and language group).
    ///   - inclusion: per unit its inclusion probability; their sum is the sample size.
    /// - Returns: per unit whether it is in the sample.
    public static func draw<G: RandomNumberGenerator>(auxiliaries: [[Double]], inclusion: [Double], using generator: inout G) -> [Bool] {
        // The balancing equations of Deville & Tillé: sum over the sample of x_k / pi_k equals the roster
        // total; pi_k itself is the first variable, which fixes the sample size.
        let balancing = zip(auxiliaries, inclusion).map { x, pi in pi > 0 ? ([pi] + x).map { $0 / pi } : Array(repeating: 0, count: x.count + 1) }
        let afterFlight = flightPhase(balancing: balancing, inclusion: inclusion, using: &generator)
        return landingPhase(auxiliaries: auxiliaries, inclusion: inclusion, afterFlight: afterFlight, using: &generator)
    }

    /// The flight phase (Deville & Tillé 2004, section 5; fast version of Chauvet & Tillé 2006): a random walk
    /// from the inclusion probabilities to a vertex of the cube that stays on the balancing equations.
    /// Each step takes the first p + 1 units that are not yet decided (in the order given), a direction u in
    /// the kernel of their balancing matrix, and moves to the face of the cube in direction +u or -u with the
    /// probabilities that keep every unit's expected value (a martingale). Stops when no direction is left:
    /// then at most p units are still fractional.
    public static func flightPhase<G: RandomNumberGenerator>(balancing: [[Double]], inclusion: [Double], using generator: inout G) -> [Double] {
        var pi = inclusion
        let variables = balancing.first?.count ?? 0
        func undecided() -> [Int] { pi.indices.filter { pi[$0] > tolerance && pi[$0] < 1 - tolerance } }
        var open = undecided()
        while !open.isEmpty {
            let units = Array(open.prefix(variables + 1))
            let matrix = (0..<variables).map { j in units.map { balancing[$0][j] } }
            guard let direction = kernelVector(matrix) else { break }
            var up = Double.infinity, down = Double.infinity
            for (u, unit) in zip(direction, units) where abs(u) > tolerance {
                up = min(up, u > 0 ? (1 - pi[unit]) / u : -pi[unit] / u)
                down = min(down, u > 0 ? pi[unit] / u : (pi[unit] - 1) / u)
            }
            let step = uniform(&generator) < down / (up + down) ? up : -down
            for (u, unit) in zip(direction, units) {
                pi[unit] += step * u
                if pi[unit] < tolerance { pi[unit] = 0 } else if pi[unit] > 1 - tolerance { pi[unit] = 1 }
            }
            open = undecided()
        }
        return pi
    }

    /// The landing phase by linear programming (Deville & Tillé 2004, section 6.1): among the samples of the
    /// units still fractional after the flight, find the sampling design with exactly their probabilities that
    /// has the lowest expected cost, and draw one sample from it. The cost of a sample is the sum of the
    /// squared differences between drawn and expected count of every balancing variable, plus a large penalty
    /// for each variable more than one family off. When there are too many candidate samples to list, the
    /// landing drops the balancing variables (section 6.2) and flies on with only the sample size.
    public static func landingPhase<G: RandomNumberGenerator>(auxiliaries: [[Double]], inclusion: [Double], afterFlight pi: [Double], using generator: inout G) -> [Bool] {
        var chosen = pi.map { $0 > 1 - tolerance }
        let open = pi.indices.filter { pi[$0] > tolerance && pi[$0] < 1 - tolerance }
        guard !open.isEmpty else { return chosen }
        let places = Int(open.reduce(0) { $0 + pi[$1] }.rounded())
        let candidates = combinations(of: open.count, choose: places, limit: 5_000)
        guard let candidates, !candidates.isEmpty else {
            let sizeOnly: [[Double]] = inclusion.map { [$0 > 0 ? 1 : 0] }
            return landingBySizeOnly(balancing: sizeOnly, afterFlight: pi, using: &generator)
        }
        let variables = auxiliaries.first?.count ?? 0
        var expected = [Double](repeating: 0, count: variables), fixed = expected
        for unit in auxiliaries.indices {
            for j in 0..<variables {
                expected[j] += inclusion[unit] * auxiliaries[unit][j]
                if chosen[unit] { fixed[j] += auxiliaries[unit][j] }
            }
        }
        let costs = candidates.map { candidate -> Double in
            var cost = 0.0
            for j in 0..<variables {
                let off = candidate.reduce(fixed[j]) { $0 + auxiliaries[open[$1]][j] } - expected[j]
                cost += off * off + (abs(off) > 1 + tolerance ? 1_000 : 0)
            }
            return cost
        }
        // One equation per fractional unit: the designs's probability of the samples that hold it is its pi.
        // (That the probabilities sum to one follows, as every candidate has the same size.)
        let equations = open.indices.map { i in candidates.map { $0.contains(i) ? 1.0 : 0.0 } }
        let design = SimplexMethod.minimise(cost: costs, equations: equations, right: open.map { pi[$0] })
            ?? candidates.indices.map { $0 == costs.indices.min { costs[$0] < costs[$1] } ? 1.0 : 0.0 }
        var draw = uniform(&generator) * design.reduce(0, +)
        let picked = design.indices.first { index in
            draw -= design[index]
            return draw < 0 && design[index] > 0
        } ?? design.indices.max { design[$0] < design[$1] }!
        for (i, unit) in open.enumerated() { chosen[unit] = candidates[picked].contains(i) }
        return chosen
    }

    /// Landing by suppression of every balancing variable but the sample size (Deville & Tillé 2004, 6.2).
    static func landingBySizeOnly<G: RandomNumberGenerator>(balancing: [[Double]], afterFlight pi: [Double], using generator: inout G) -> [Bool] {
        flightPhase(balancing: balancing, inclusion: pi, using: &generator).map { $0 > 0.5 }
    }

    /// A non-zero vector u with matrix · u = 0 (Gauss–Jordan elimination with partial pivoting), or nil when
    /// the columns are independent.
    static func kernelVector(_ matrix: [[Double]]) -> [Double]? {
        var rows = matrix
        let columns = rows.first?.count ?? 0
        var pivots: [Int] = []
        var rank = 0
        for column in 0..<columns where rank < rows.count {
            let best = (rank..<rows.count).max { abs(rows[$0][column]) < abs(rows[$1][column]) }!
            guard abs(rows[best][column]) > 1e-9 else { continue }
            rows.swapAt(rank, best)
            let scale = rows[rank][column]
            rows[rank] = rows[rank].map { $0 / scale }
            for other in rows.indices where other != rank && rows[other][column] != 0 {
                let factor = rows[other][column]
                for c in 0..<columns { rows[other][c] -= factor * rows[rank][c] }
            }
            pivots.append(column)
            rank += 1
        }
        guard let free = (0..<columns).first(where: { !pivots.contains($0) }) else { return nil }
        var vector = [Double](repeating: 0, count: columns)
        vector[free] = 1
        for (row, column) in pivots.enumerated() { vector[column] = -rows[row][free] }
        return vector
    }

    /// Every subset of `choose` of the numbers 0..<count, in lexicographic order; nil when there are more
    /// than `limit`.
    static func combinations(of count: Int, choose: Int, limit: Int) -> [[Int]]? {
        guard choose >= 0, choose <= count else { return [] }
        var total = 1.0
        for i in 0..<choose { total = total * Double(count - i) / Double(i + 1) }
        guard total <= Double(limit) else { return nil }
        var result: [[Int]] = []
        var current = Array(0..<choose)
        while true {
            result.append(current)
            guard let position = (0..<choose).last(where: { current[$0] < count - choose + $0 }) else { return result }
            current[position] += 1
            for next in (position + 1)..<choose { current[next] = current[next - 1] + 1 }
        }
    }

    /// A uniform number in [0, 1) from the top 53 bits of the generator.
    static func uniform<G: RandomNumberGenerator>(_ generator: inout G) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    static let tolerance = 1e-9
}
