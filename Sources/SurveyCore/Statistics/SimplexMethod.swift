/// The smallest linear cost over the non-negative solutions of a set of equations (a linear program in
/// standard form), for the landing phase of the cube method.
///
/// Reference: the two-phase simplex method with Bland's rule against cycling (R. G. Bland (1977), "New finite
/// pivoting rules for the simplex method", Mathematics of Operations Research 2(2), 103–107); a dense tableau,
/// enough for the dozen equations and few thousand unknowns of a landing.
enum SimplexMethod {
    /// Minimises cost · x subject to equations · x = right and x ≥ 0; nil when no x satisfies the equations.
    static func minimise(cost: [Double], equations: [[Double]], right: [Double]) -> [Double]? {
        let rows = equations.count, unknowns = cost.count
        // Phase 1: one artificial unknown per equation (right sides made non-negative), minimise their sum.
        var tableau: [[Double]] = equations.indices.map { row in
            let sign = right[row] < 0 ? -1.0 : 1.0
            return equations[row].map { $0 * sign } + (0..<rows).map { $0 == row ? 1 : 0 } + [right[row] * sign]
        }
        var basis = Array(unknowns..<(unknowns + rows))
        var objective = [Double](repeating: 0, count: unknowns + rows + 1)
        for row in tableau { for column in 0..<unknowns { objective[column] -= row[column] }; objective[unknowns + rows] -= row.last! }
        iterate(&tableau, &objective, &basis, enterable: unknowns)
        guard -objective[unknowns + rows] < 1e-7 else { return nil }
        // Artificials still in the basis (at zero) leave it where a real unknown can take their place.
        for row in 0..<rows where basis[row] >= unknowns {
            if let column = (0..<unknowns).first(where: { abs(tableau[row][$0]) > 1e-9 }) {
                pivot(&tableau, &objective, &basis, row: row, column: column)
            }
        }
        // Phase 2: the real cost, reduced by the current basis.
        objective = cost + [Double](repeating: 0, count: rows + 1)
        for (row, column) in basis.enumerated() where column < unknowns && objective[column] != 0 {
            let factor = objective[column]
            for c in objective.indices { objective[c] -= factor * tableau[row][c] }
        }
        iterate(&tableau, &objective, &basis, enterable: unknowns)
        var solution = [Double](repeating: 0, count: unknowns)
        for (row, column) in basis.enumerated() where column < unknowns { solution[column] = max(0, tableau[row].last!) }
        return solution
    }

    /// Pivots until no unknown below `enterable` has a negative reduced cost (Bland: the lowest such column
    /// enters, the lowest basic index among the tied ratios leaves).
    private static func iterate(_ tableau: inout [[Double]], _ objective: inout [Double], _ basis: inout [Int], enterable: Int) {
        while let column = (0..<enterable).first(where: { objective[$0] < -1e-9 }) {
            var leaving: Int?
            for row in tableau.indices where tableau[row][column] > 1e-9 {
                let ratio = tableau[row].last! / tableau[row][column]
                if let current = leaving {
                    let best = tableau[current].last! / tableau[current][column]
                    if ratio < best - 1e-12 || (abs(ratio - best) <= 1e-12 && basis[row] < basis[current]) { leaving = row }
                } else {
                    leaving = row
                }
            }
            guard let leaving else { return }  // unbounded: cannot happen with the landing's bounded unknowns
            pivot(&tableau, &objective, &basis, row: leaving, column: column)
        }
    }

    private static func pivot(_ tableau: inout [[Double]], _ objective: inout [Double], _ basis: inout [Int], row: Int, column: Int) {
        let scale = tableau[row][column]
        tableau[row] = tableau[row].map { $0 / scale }
        for other in tableau.indices where other != row && tableau[other][column] != 0 {
            let factor = tableau[other][column]
            for c in tableau[other].indices { tableau[other][c] -= factor * tableau[row][c] }
        }
        let factor = objective[column]
        for c in objective.indices { objective[c] -= factor * tableau[row][c] }
        basis[row] = column
    }
}
