import Foundation

/// Response propensities: each family's probability of answering, estimated from what the roster knows.
///
/// Logistic regression by maximum likelihood (iteratively reweighted least squares, McCullagh & Nelder (1989),
/// "Generalized Linear Models", section 4.4), as Schouten, Cobben & Bethlehem (2009) estimate propensities
/// for the R-indicator. Chosen over cell means: the full cross of tags, language and group leaves cells of
/// one family in a class, whose mean is 0 or 1 and says nothing; the main-effects model pools them.
/// Columns that repeat others (a tag every family has, the last category of a group) are left out, which
/// changes no fitted value. When a category never (or always) answers the maximum likelihood lies at
/// infinity; the fitted values then converge to 0 (or 1) for that category, which is the limit used.
public enum ResponsePropensity {
    /// The fitted propensity of every row of `design` (one column per covariate; the intercept is added).
    ///
    /// Families with the same covariates are fitted as one binomial row (n families, r answered): the
    /// likelihood is the same, so is the fit, and a school board's roster of 100,000 families becomes a few
    /// thousand rows.
    public static func logistic(design: [[Double]], responded: [Bool]) -> [Double] {
        var patternOf: [[Double]: Int] = [:]
        var patterns: [[Double]] = [], families: [Double] = [], answered: [Double] = []
        let pattern = design.indices.map { i -> Int in
            let p = patternOf[design[i]] ?? {
                patternOf[design[i]] = patterns.count
                patterns.append(design[i])
                families.append(0)
                answered.append(0)
                return patterns.count - 1
            }()
            families[p] += 1
            if responded[i] { answered[p] += 1 }
            return p
        }
        let rows = patterns.map { [1.0] + $0 }
        let columns = independentColumns(rows)
        let x = rows.map { row in columns.map { row[$0] } }
        var beta = [Double](repeating: 0, count: columns.count)
        var fitted = [Double](repeating: 0.5, count: x.count)
        for _ in 0..<200 {
            // Newton step: (X'WX) delta = X'(r - n mu), W = n mu(1 - mu); a tiny ridge keeps the system solvable
            // when separated families have weight 0.
            var information = [[Double]](repeating: [Double](repeating: 0, count: beta.count), count: beta.count)
            var score = [Double](repeating: 0, count: beta.count)
            for (row, mu) in zip(x.indices, fitted) {
                let weight = families[row] * mu * (1 - mu)
                for a in beta.indices {
                    score[a] += x[row][a] * (answered[row] - families[row] * mu)
                    for b in beta.indices { information[a][b] += x[row][a] * weight * x[row][b] }
                }
            }
            for a in beta.indices { information[a][a] += 1e-10 }
            guard let delta = solve(information, score) else { break }
            for a in beta.indices { beta[a] += delta[a] }
            let next = x.map { row in logisticFunction(zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }) }
            let change = zip(next, fitted).map { abs($0 - $1) }.max() ?? 0
            fitted = next
            if change < 1e-12 { break }
        }
        return pattern.map { fitted[$0] }
    }

    static func logisticFunction(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// The columns (by index) that are not linear combinations of earlier ones (Gram–Schmidt).
    static func independentColumns(_ rows: [[Double]]) -> [Int] {
        var basis: [[Double]] = []
        var kept: [Int] = []
        for column in 0..<(rows.first?.count ?? 0) {
            var vector = rows.map { $0[column] }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for other in basis {
                let projection = zip(vector, other).reduce(0) { $0 + $1.0 * $1.1 }
                vector = zip(vector, other).map { $0 - projection * $1 }
            }
            let rest = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, rest > 1e-8 * norm else { continue }
            basis.append(vector.map { $0 / rest })
            kept.append(column)
        }
        return kept
    }

    /// Solves a x = b by Gaussian elimination with partial pivoting; nil when a is singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = zip(a, b).map { $0 + [$1] }
        let n = b.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            guard abs(m[pivot][column]) > 1e-300 else { return nil }
            m.swapAt(column, pivot)
            for row in (column + 1)..<n where m[row][column] != 0 {
                let factor = m[row][column] / m[column][column]
                for c in column...n { m[row][c] -= factor * m[column][c] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            let known = ((row + 1)..<n).reduce(m[row][n]) { $0 - m[row][$1] * x[$1] }
            x[row] = known / m[row][row]
        }
        return x
    }
}
