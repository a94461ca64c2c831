import Foundation

/// Student's t distribution, for the p-value of Welch's test.
public enum StudentT {
    /// Two-sided p-value P(|T| ≥ |t|) for `df` degrees of freedom (df may be fractional, as Welch–Satterthwaite's
    /// is): I_{df/(df+t²)}(df/2, 1/2), the regularized incomplete beta function (Abramowitz & Stegun 26.7.1).
    public static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite, df > 0 else { return t.isNaN ? 1 : 0 }
        return min(1, regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5))
    }

    /// I_x(a, b) by the continued fraction of Numerical Recipes (Press et al., 3rd ed. 2007, §6.4, `betai` and
    /// `betacf`, modified Lentz's method), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction
    /// converges slowly.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logFront: Double = logBeta + a * log(x) + b * log(1 - x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}

/// Welch's t-test for two means with unequal variances (Welch 1947, "The generalization of 'Student's' problem
/// when several different population variances are involved", Biometrika 34), as
/// `scipy.stats.ttest_ind(a, b, equal_var=False)`.
public struct WelchTest: Sendable, Equatable {
    public var t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    public var p: Double

    /// From each group's size, mean and sample variance (n − 1 in the denominator); nil when a group has fewer
    /// than two values or both variances are 0.
    public init?(n1: Int, mean1: Double, variance1: Double, n2: Int, mean2: Double, variance2: Double) {
        guard n1 >= 2, n2 >= 2 else { return nil }
        let v1 = variance1 / Double(n1), v2 = variance2 / Double(n2)
        guard v1 + v2 > 0 else { return nil }
        t = (mean1 - mean2) / (v1 + v2).squareRoot()
        degreesOfFreedom = (v1 + v2) * (v1 + v2) / (v1 * v1 / Double(n1 - 1) + v2 * v2 / Double(n2 - 1))
        p = StudentT.twoSidedP(t, degreesOfFreedom: degreesOfFreedom)
    }

    /// From the values themselves.
    public init?(_ a: [Double], _ b: [Double]) {
        func moments(_ x: [Double]) -> (Double, Double) {
            let mean = x.reduce(0, +) / Double(x.count)
            return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(x.count - 1, 1)))
        }
        let (m1, s1) = moments(a), (m2, s2) = moments(b)
        self.init(n1: a.count, mean1: m1, variance1: s1, n2: b.count, mean2: m2, variance2: s2)
    }
}
