import SurveyCore
import Testing

/// Welch's t-test (Welch 1947) and the t distribution behind its p-value, against scipy 1.17.1 (Python 3.11, from
/// PyPI in a venv, /tmp/w11welch.py):
///   r = scipy.stats.ttest_ind(a, b, equal_var=False); r.statistic, r.df, r.pvalue
///   2 * scipy.stats.t.sf(2.5, 3.7); scipy.stats.beta.cdf(0.3, 2.5, 0.5)
@Suite struct WelchTests {
    @Test(arguments: [
        ([4.0, 5, 5, 3, 4, 5, 4], [2.0, 3, 3, 4, 2, 3, 1, 2, 3], 4.2204968550098965, 13.815516833128248, 0.0008798996241222408),
        ([1.0, 2, 3, 4, 5], [3.0, 3, 3, 4, 4, 4, 5, 5], -1.1420081039579812, 5.420221876434304, 0.30137682702002),
        ([3.1, 2.9, 3.0, 3.2, 2.8, 3.05], [3.0, 3.4, 2.6, 3.9, 2.2, 3.3, 2.7], -0.02667397040694888, 6.868073050825036, 0.9794782309693749),
    ])
    func welchMatchesScipy(a: [Double], b: [Double], t: Double, df: Double, p: Double) throws {
        let test = try #require(WelchTest(a, b))
        #expect(abs(test.t - t) < 1e-10)
        #expect(abs(test.degreesOfFreedom - df) < 1e-10)
        #expect(abs(test.p - p) < 1e-10, "p = \(test.p)")
    }

    @Test func tDistributionAndIncompleteBetaMatchScipy() {
        #expect(abs(StudentT.twoSidedP(2.5, degreesOfFreedom: 3.7) - 0.07182202291182678) < 1e-12)
        #expect(abs(StudentT.regularizedIncompleteBeta(0.3, a: 2.5, b: 0.5) - 0.018927124071945658) < 1e-12)
        #expect(StudentT.twoSidedP(0, degreesOfFreedom: 10) == 1)
    }

    @Test func groupsWithoutSpreadHaveNoTest() {
        #expect(WelchTest([4, 4, 4], [4, 4]) == nil)
        #expect(WelchTest([4], [1, 2, 3]) == nil)
    }
}
