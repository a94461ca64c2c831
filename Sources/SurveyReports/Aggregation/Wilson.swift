import Foundation

/// A share with its 95% Wilson score interval: honest for small groups and for shares near 0% or 100%,
/// where the textbook "p ± 1.96·SE" interval leaves the 0–100% range.
public struct Proportion: Sendable, Equatable {
    public var count: Int
    public var total: Int

    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }

    /// The share, 0 when nobody answered.
    public var share: Double { total == 0 ? 0 : Double(count) / Double(total) }

    /// The 95% Wilson interval (z = 1.96); (0, 0) when nobody answered.
    public var interval: (low: Double, high: Double) { Proportion.wilson(share, n: Double(total)) }

    /// The 95% Wilson score interval (Wilson 1927) of share `p` from `n` answers (n may be an effective size).
    static func wilson(_ p: Double, n: Double) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 0) }
        let z = 1.96
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z / denominator * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot())
        return (max(0, centre - half), min(1, centre + half))
    }
}

/// A weighted share with the margin of Kish's effective number of answers (`Raking.effectiveSize`): the Wilson
/// interval with n_eff in place of n, the usual design-effect adjustment (Kish 1965, §8.2; Korn & Graubard 1998).
public struct WeightedShare: Sendable, Equatable {
    public var share: Double
    public var effectiveSize: Double

    public var interval: (low: Double, high: Double) { Proportion.wilson(share, n: effectiveSize) }

    /// Whether the weighted share lies further from `unweighted` than its own margin reaches.
    func differs(from unweighted: Double) -> Bool {
        let (low, high) = interval
        return unweighted < low || unweighted > high
    }
}
