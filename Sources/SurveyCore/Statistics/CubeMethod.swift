/// Balanced sampling by the cube method of Deville and Tillé: a sample whose count of every balancing
/// variable (tags, language groups) is within one family of its expected count, with the sample size exact,
/// while each family keeps its inclusion probability (exactly, but for the rare landing that must shift it;
/// see `landingPhase`).
///
/// Reference: J.-C. Deville and Y. Tillé (2004), "Efficient balanced sampling: the cube method",
/// Biometrika 91(4), 893–912; the fast flight phase of G. Chauvet and Y. Tillé (2006), "A fast algorithm for
/// balanced sampling", Computational Statistics 21, 53–62; the landing's restriction to preferred samples
/// is controlled sampling by linear programming, T. J. Rao and A. K. Nigam (1990), "Optimal controlled
/// sampling designs", Biometrika 77(4), 807–814. R: `sampling::samplecube`, `BalancedSampling::cube`.
public enum CubeMethod {
    /// Draws a balanced sample: the flight phase, then the landing phase by linear programming.
    ///
    /// - Parameters:
    ///   - auxiliaries: per unit the values of the balancing variables (here 0 or 1 per tag and language group).
    ///   - inclusion: per unit its inclusion probability; their sum is the sample size.
    ///   - shifted: hears of every unit whose chance the landing shifted in this draw, and by how much.
    /// - Returns: per unit whether it is in the sample.
    public static func draw<G: RandomNumberGenerator>(auxiliaries: [[Double]], inclusion: [Double], using generator: inout G,
                                                      shifted: (_ unit: Int, _ by: Double) -> Void = { _, _ in }) -> [Bool] {
        // The balancing equations of Deville & Tillé: sum over the sample of x_k / pi_k equals the roster
        // total; pi_k itself is the first variable, which fixes the sample size.
        let balancing = zip(auxiliaries, inclusion).map { x, pi in pi > 0 ? ([pi] + x).map { $0 / pi } : Array(repeating: 0, count: x.count + 1) }
        let afterFlight = flightPhase(balancing: balancing, inclusion: inclusion, using: &generator)
        return landingPhase(auxiliaries: auxiliaries, inclusion: inclusion, afterFlight: afterFlight, using: &generator, shifted: shifted)
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

    /// The landing phase by linear programming (Deville & Tillé 2004, section 6.1, with the support restricted
    /// as in Rao & Nigam 1990): a sampling design over the units still fractional after the flight, from which
    /// one sample is drawn.
    ///
    /// 1. The candidate samples are those that leave every balancing variable within one family of its
    ///    expected count (the preferred samples of controlled sampling: every other sample gets probability 0).
    /// 2. Among the designs over them with exactly the units' probabilities after the flight, the one with the
    ///    least expected cost: the sum of the squared differences between drawn and expected counts.
    /// 3. The flight ends on a vertex of the balancing equations, and at some vertices no design over the
    ///    candidates has exactly those probabilities (on the school of 600, 32 of 1,000 draws: the few units
    ///    left can only be rounded within one family by treating some of them unequally). Then the landing
    ///    takes the probabilities nearest to them (least sum of absolute differences, `nearestChances`) that
    ///    a design over the candidates has, and step 2 with those. This shifts the chances of those few units
    ///    in that draw; averaged over draws, a family's chance moves by far less (see the README).
    ///
    /// When no sample is within one family, every sample is a candidate and each variable more than one family
    /// off costs a large penalty. When there are too many candidate samples to list, the landing drops the
    /// balancing variables (section 6.2) and flies on with only the sample size.
    ///
    /// `shifted` hears of every unit whose chance step 3 shifted, and by how much.
    public static func landingPhase<G: RandomNumberGenerator>(auxiliaries: [[Double]], inclusion: [Double], afterFlight pi: [Double],
                                                             using generator: inout G, shifted: (_ unit: Int, _ by: Double) -> Void = { _, _ in }) -> [Bool] {
        var chosen = pi.map { $0 > 1 - tolerance }
        let open = pi.indices.filter { pi[$0] > tolerance && pi[$0] < 1 - tolerance }
        guard !open.isEmpty else { return chosen }
        let places = Int(open.reduce(0) { $0 + pi[$1] }.rounded())
        let variables = auxiliaries.first?.count ?? 0
        var expected = [Double](repeating: 0, count: variables), fixed = expected
        for unit in auxiliaries.indices {
            for j in 0..<variables {
                expected[j] += inclusion[unit] * auxiliaries[unit][j]
                if chosen[unit] { fixed[j] += auxiliaries[unit][j] }
            }
        }
        let units = open.map { auxiliaries[$0] }
        let room = (0..<variables).map { j in (low: expected[j] - fixed[j] - 1 - tolerance, high: expected[j] - fixed[j] + 1 + tolerance) }
        let anything = Array(repeating: (low: -Double.infinity, high: Double.infinity), count: variables)
        guard let within = samples(of: units, size: places, counts: room, limit: candidateLimit),
              let candidates = within.isEmpty ? samples(of: units, size: places, counts: anything, limit: candidateLimit) : within,
              !candidates.isEmpty else {
            let sizeOnly: [[Double]] = inclusion.map { [$0 > 0 ? 1 : 0] }
            return landingBySizeOnly(balancing: sizeOnly, afterFlight: pi, using: &generator)
        }
        let costs = candidates.map { candidate -> Double in
            var cost = 0.0
            for j in 0..<variables {
                let off = candidate.reduce(fixed[j]) { $0 + units[$1][j] } - expected[j]
                cost += off * off + (abs(off) > 1 + tolerance ? 1_000 : 0)
            }
            return cost
        }
        // One equation per fractional unit: the design's probability of the samples that hold it is its pi.
        // (That the probabilities sum to one follows, as every candidate has the same size.) When no design
        // has these, the nearest that one has (step 3); the last resort, a failed simplex, takes the cheapest.
        let equations = open.indices.map { i in candidates.map { $0.contains(i) ? 1.0 : 0.0 } }
        let chances = open.map { pi[$0] }
        var design = SimplexMethod.minimise(cost: costs, equations: equations, right: chances)
        if design == nil {
            let nearest = nearestChances(membership: equations, to: chances)
            for (i, unit) in open.enumerated() where abs(nearest[i] - chances[i]) > tolerance { shifted(unit, nearest[i] - chances[i]) }
            design = SimplexMethod.minimise(cost: costs, equations: equations, right: nearest)
        }
        let weights = design ?? candidates.indices.map { $0 == costs.indices.min { costs[$0] < costs[$1] } ? 1.0 : 0.0 }
        var draw = uniform(&generator) * weights.reduce(0, +)
        let picked = weights.indices.first { index in
            draw -= weights[index]
            return draw < 0 && weights[index] > 0
        } ?? weights.indices.max { weights[$0] < weights[$1] }!
        for (i, unit) in open.enumerated() { chosen[unit] = candidates[picked].contains(i) }
        return chosen
    }

    /// The inclusion probabilities nearest to `chances` (the least sum of absolute differences) that a design
    /// over the candidate samples can have exactly; `membership[i][s]` is 1 when candidate s holds unit i.
    /// A linear program with a surplus and a slack per unit: candidate probabilities p ≥ 0 summing to one,
    /// and per unit Σ p over its candidates − surplus + slack = its chance.
    static func nearestChances(membership: [[Double]], to chances: [Double]) -> [Double] {
        let units = membership.count, candidates = membership.first?.count ?? 0
        let equations = membership.indices.map { i in
            membership[i] + (0..<units).map { $0 == i ? -1.0 : 0 } + (0..<units).map { $0 == i ? 1.0 : 0 }
        } + [[Double](repeating: 1, count: candidates) + [Double](repeating: 0, count: 2 * units)]
        let cost = [Double](repeating: 0, count: candidates) + [Double](repeating: 1, count: 2 * units)
        guard let solution = SimplexMethod.minimise(cost: cost, equations: equations, right: chances + [1]) else { return chances }
        return membership.map { row in zip(row, solution).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The most candidate samples the landing lists.
    static let candidateLimit = 5_000

    /// Every subset of `size` of the units (each a row of counts, one per variable) whose total of every
    /// variable lies within its bounds, as lists of unit numbers in increasing order; nil when there are more
    /// than `limit`. A depth-first search that leaves a branch as soon as a total is above its upper bound or
    /// can no longer reach its lower bound.
    static func samples(of units: [[Double]], size: Int, counts bounds: [(low: Double, high: Double)], limit: Int) -> [[Int]]? {
        let variables = bounds.count
        // left[i][j]: the total of variable j over units i...
        var left = [[Double]](repeating: [Double](repeating: 0, count: variables), count: units.count + 1)
        for i in units.indices.reversed() { for j in 0..<variables { left[i][j] = left[i + 1][j] + units[i][j] } }
        var found: [[Int]] = [], taken: [Int] = []
        var totals = [Double](repeating: 0, count: variables)
        func extend(from next: Int) -> Bool {
            guard (0..<variables).allSatisfy({ totals[$0] <= bounds[$0].high && totals[$0] + left[next][$0] >= bounds[$0].low }) else { return true }
            if taken.count == size {
                guard (0..<variables).allSatisfy({ totals[$0] >= bounds[$0].low }) else { return true }
                found.append(taken)
                return found.count <= limit
            }
            guard units.count - next >= size - taken.count else { return true }
            taken.append(next)
            for j in 0..<variables { totals[j] += units[next][j] }
            let going = extend(from: next + 1)
            for j in 0..<variables { totals[j] -= units[next][j] }
            taken.removeLast()
            return going && extend(from: next + 1)
        }
        return extend(from: 0) ? found : nil
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

    /// A uniform number in [0, 1) from the top 53 bits of the generator.
    static func uniform<G: RandomNumberGenerator>(_ generator: inout G) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    static let tolerance = 1e-9
}
