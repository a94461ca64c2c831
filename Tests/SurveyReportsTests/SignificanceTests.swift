import Testing
@testable import SurveyReports

/// The tests behind "differences between groups", against values computed independently with scipy 1.17.1 and
/// statsmodels 0.15.0 (Python 3.11, from PyPI in a venv):
///   fisher_exact([[a, b], [c, d]])[1]; proportions_ztest([x1, x2], [n1, n2])[1];
///   multipletests(p, method="fdr_bh")[1]
@Suite struct SignificanceTests {
    @Test(arguments: [
        ((3, 1, 1, 3), 0.48571428571428565),  // Fisher's lady tasting tea
        ((8, 2, 1, 5), 0.034965034965034975),
        ((3, 2, 10, 30), 0.13588850174216024),
        ((0, 5, 12, 8), 0.0391304347826087),
        ((1, 9, 11, 3), 0.0027594561852200836),
    ])
    func fisherExactMatchesScipy(table: (Int, Int, Int, Int), expected: Double) {
        #expect(abs(Significance.fisherExact(table.0, table.1, table.2, table.3) - expected) < 1e-12)
    }

    @Test func twoProportionTestMatchesStatsmodels() {
        #expect(abs(Significance.twoProportion(45, 100, 30, 100) - 0.02845973691631055) < 1e-12)
        #expect(abs(Significance.twoProportion(12, 20, 40, 100) - 0.09941319911566918) < 1e-12)
        #expect(Significance.twoProportion(5, 5, 9, 9) == 1)
    }

    @Test func smallCellsUseFishersTest() {
        // Expected count 5 × 9/16 < 5: Fisher; 100 and 100 parents: the z-test.
        #expect(Significance.difference(8, 10, 1, 6) == Significance.fisherExact(8, 2, 1, 5))
        #expect(Significance.difference(45, 100, 30, 100) == Significance.twoProportion(45, 100, 30, 100))
    }

    @Test func benjaminiHochbergMatchesStatsmodels() {
        let adjusted = Significance.benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2])
        let expected = [0.024999999999999998, 0.049999999999999996, 0.049999999999999996, 0.024999999999999998, 0.2]
        #expect(zip(adjusted, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(adjusted)")
    }
}
