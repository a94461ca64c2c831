import Foundation

/// Calibration weights that make respondents match known population margins.
///
/// Raking is iterative proportional fitting (Deming & Stephan 1940): each margin in turn is matched exactly by
/// scaling the weights of its categories, until every margin holds. It is the raking-ratio case of the calibration
/// estimators of Deville & Särndal (1992, "Calibration estimators in survey sampling", JASA 87) and Deville,
/// Särndal & Sautory (1993, "Generalized raking procedures in survey sampling", JASA 88), as R's
/// `survey::rake` and `survey::calibrate(calfun = "raking")` compute it. Trimming clips the weights to bounds
/// around their mean and rakes again (`survey::trimWeights`, then `rake`), until both the margins and the
/// bounds hold.
public enum Raking {
    /// One margin: per unit the category it is in (0..<targets.count), and the weighted total each category must reach.
    public struct Margin: Sendable, Equatable {
        public var category: [Int]
        public var targets: [Double]

        public init(category: [Int], targets: [Double]) {
            self.category = category
            self.targets = targets
        }
    }

    /// Weights (starting from `base`, 1 each by default) whose totals per category of every margin equal the
    /// targets; nil when no weights match (a category with a target but no units, or margins that contradict).
    /// Stops when every margin is within `tolerance` (relative to its target).
    public static func rake(_ margins: [Margin], units: Int, base: [Double]? = nil, tolerance: Double = 1e-12,
                            maxIterations: Int = 10_000) -> [Double]? {
        var weights = base ?? [Double](repeating: 1, count: units)
        for margin in margins {
            var members = [Int](repeating: 0, count: margin.targets.count)
            for c in margin.category { members[c] += 1 }
            for (c, target) in margin.targets.enumerated() where target > 0 && members[c] == 0 { return nil }
        }
        for _ in 0..<maxIterations {
            var worst = 0.0
            for margin in margins {
                var totals = [Double](repeating: 0, count: margin.targets.count)
                for (unit, c) in margin.category.enumerated() { totals[c] += weights[unit] }
                for c in totals.indices {
                    worst = max(worst, abs(totals[c] - margin.targets[c]) / max(margin.targets[c], 1))
                }
                let factor = totals.indices.map { totals[$0] > 0 ? margin.targets[$0] / totals[$0] : 0 }
                for (unit, c) in margin.category.enumerated() { weights[unit] *= factor[c] }
            }
            if worst < tolerance { return weights }
        }
        // One last check after the final pass: the margins may hold within a looser tolerance only (contradictory).
        return margins.allSatisfy({ margin in
            var totals = [Double](repeating: 0, count: margin.targets.count)
            for (unit, c) in margin.category.enumerated() { totals[c] += weights[unit] }
            return zip(totals, margin.targets).allSatisfy { abs($0 - $1) <= 1e-9 * max($1, 1) }
        }) ? weights : nil
    }

    /// Raked weights kept within [`low`, `high`] × their mean: clip, rake again, repeat. When a round's raked
    /// weights lie within the bounds (to 1e-6) both hold and `marginsHold` is true; when the margins cannot be
    /// met within the bounds, the bounds win: the weights are clipped once more and the margins hold only
    /// approximately (`marginsHold` false), as `survey::trimWeights` leaves them.
    public static func trimmedRake(_ margins: [Margin], units: Int, low: Double = 0.3, high: Double = 3,
                                   rounds: Int = 200) -> (weights: [Double], marginsHold: Bool)? {
        guard var weights = rake(margins, units: units) else { return nil }
        func mean(_ w: [Double]) -> Double { w.reduce(0, +) / Double(max(units, 1)) }
        func clip(_ w: [Double]) -> [Double] {
            let m = mean(w)
            return w.map { min(max($0, low * m), high * m) }
        }
        for _ in 0..<rounds {
            let m = mean(weights)
            if weights.allSatisfy({ $0 >= low * m * (1 - 1e-6) && $0 <= high * m * (1 + 1e-6) }) { return (weights, true) }
            guard let raked = rake(margins, units: units, base: clip(weights)) else { break }
            weights = raked
        }
        // Clipping moves the mean a little; a few more clips settle it.
        for _ in 0..<100 { weights = clip(weights) }
        return (weights, false)
    }

    /// Kish's effective sample size (Kish 1965, *Survey Sampling*, §11.7): (Σw)² / Σw², the number of
    /// equally weighted answers that would give the same precision; n when all weights are equal.
    public static func effectiveSize<S: Sequence>(_ weights: S) -> Double where S.Element == Double {
        var sum = 0.0, squares = 0.0
        for w in weights { sum += w; squares += w * w }
        return squares > 0 ? sum * sum / squares : 0
    }
}
