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
    public var interval: (low: Double, high: Double) {
        guard total > 0 else { return (0, 0) }
        let z = 1.96, n = Double(total), p = share
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z / denominator * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot())
        return (max(0, centre - half), min(1, centre + half))
    }
}
