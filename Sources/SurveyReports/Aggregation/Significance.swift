import Foundation

/// Whether a group's share differs from that of the other parents by more than chance, with the correction
/// for making many comparisons at once.
enum Significance {
    /// Two-sided p-value of Fisher's exact test on the 2×2 table [[a, b], [c, d]] (Fisher, *Statistical Methods
    /// for Research Workers*, 1934, §21.02; as `scipy.stats.fisher_exact`): the probability, with the margins
    /// fixed, of every table at most as likely as the one observed.
    static func fisherExact(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        let row = a + b, otherRow = c + d, column = a + c, n = a + b + c + d
        func logChoose(_ n: Int, _ k: Int) -> Double { lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) }
        func probability(_ x: Int) -> Double { exp(logChoose(row, x) + logChoose(otherRow, column - x) - logChoose(n, column)) }
        let observed = probability(a)
        var p = 0.0
        // scipy's tolerance: tables within a relative 1e-7 of the observed probability count as equally likely.
        for x in max(0, column - otherRow)...min(row, column) where probability(x) <= observed * (1 + 1e-7) { p += probability(x) }
        return min(1, p)
    }

    /// Two-sided p-value of the two-proportion z-test with the pooled proportion (as statsmodels'
    /// `proportions_ztest`); 1 when both groups are unanimous alike.
    static func twoProportion(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Double {
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let error = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard error > 0 else { return 1 }
        let z = (Double(x1) / Double(n1) - Double(x2) / Double(n2)) / error
        return erfc(abs(z) / 2.squareRoot())
    }

    /// Fisher's exact test when an expected count of the 2×2 table is below 5 (Cochran's rule), else the z-test.
    static func difference(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Double {
        let n = Double(n1 + n2), yes = Double(x1 + x2)
        let expected = [Double(n1) * yes / n, Double(n1) * (n - yes) / n, Double(n2) * yes / n, Double(n2) * (n - yes) / n]
        return expected.min()! < 5 ? fisherExact(x1, n1 - x1, x2, n2 - x2) : twoProportion(x1, n1, x2, n2)
    }

    /// Benjamini–Hochberg adjusted p-values (the false discovery rate, Benjamini & Hochberg 1995; as statsmodels'
    /// `multipletests(method="fdr_bh")`): a comparison is a finding at 5% when its adjusted value is below 0.05.
    static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = [Double](repeating: 1, count: p.count)
        var running = 1.0
        for rank in stride(from: order.count, through: 1, by: -1) {
            running = min(running, p[order[rank - 1]] * Double(p.count) / Double(rank))
            adjusted[order[rank - 1]] = running
        }
        return adjusted
    }
}
