/// The R-indicator of representativeness and its partial indicators.
///
/// Reference: B. Schouten, F. Cobben and J. Bethlehem (2009), "Indicators for the representativeness of survey
/// response", Survey Methodology 35(1), 101–113 (R = 1 − 2·S(ρ)); B. Schouten, N. Shlomo and C. Skinner (2011),
/// "Indicators for monitoring and improving representativeness of response", Journal of Official Statistics
/// 27(2), 231–253 (the unconditional partial indicators). The roster is the whole population, so every design
/// weight is 1.
public enum RIndicator {
    /// R = 1 − 2·S(ρ), S the standard deviation of the response propensities (divisor N − 1). 1 when every
    /// family is equally likely to answer; 0 is the lowest a 50% response can reach.
    public static func value(propensities: [Double]) -> Double {
        1 - 2 * standardDeviation(propensities)
    }

    /// The unconditional partial R-indicator of one category k of a variable (Schouten, Shlomo & Skinner 2011):
    /// P_U(Z, k) = √(N_k / N) · (ρ̄_k − ρ̄). Negative: the category answers less than the others, its
    /// voice is missing; the further from 0, the more it costs the representativeness.
    public static func partial(propensities: [Double], inCategory: [Bool]) -> Double {
        let members = zip(propensities, inCategory).filter(\.1).map(\.0)
        guard !members.isEmpty, !propensities.isEmpty else { return 0 }
        let share = Double(members.count) / Double(propensities.count)
        return share.squareRoot() * (mean(members) - mean(propensities))
    }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let average = mean(values)
        return (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - 1)).squareRoot()
    }
}
