import Testing
@testable import SurveyReports
import SurveyCore

/// Rule 2 skips its integer program when `CancellingCombinations` proves that no group can be derived: that proof
/// must never be wrong, and it must hold for the everyday structure (a total that is the sum of its groups).
@Suite struct CancellingCombinationsTests {
    @Test func aTotalThatIsTheSumOfItsGroupsDerivesNothing() {
        // Segments: 0 the total, 1 group A, 2 group B. Every class is in A or in B, so total − A − B cancels on
        // every class, the small one included: nothing about it follows.
        let large = [[0, 1], [0, 2]]
        #expect(CancellingCombinations.cancelEverywhere(large: large, all: large + [[0, 1]], columns: 3))
    }

    @Test func theTotalMinusTheOnlyOtherGroupIsCaught() {
        // Segments: 0 the total, 1 group A. The small class is outside A: total − A is exactly that class.
        #expect(!CancellingCombinations.cancelEverywhere(large: [[0, 1]], all: [[0, 1], [0]], columns: 2))
    }

    /// On random tables the proof agrees with the ranks over the rationals (floating-point elimination, exact
    /// enough for these small 0/1 matrices): whenever it says nothing can be derived, adding the small classes'
    /// rows to the large ones adds no rank. And it recognises nearly every table where that is so.
    @Test func neverClaimsTooMuchOnRandomTables() {
        var generator = SplitMix64(seed: 2026)
        var (claimed, equalRank) = (0, 0)
        for _ in 0..<2_000 {
            let columns = 2 + Int(generator.next() % 6)
            let rows = (0..<(2 + Int(generator.next() % 10))).map { _ in
                [0] + (1..<columns).filter { _ in generator.next() % 2 == 0 }
            }
            let large = rows.filter { _ in generator.next() % 3 != 0 }
            let proven = CancellingCombinations.cancelEverywhere(large: large, all: rows, columns: columns)
            let same = rank(large, columns) == rank(rows, columns)
            if proven { #expect(same, "claimed nothing derivable in \(rows) with large \(large)") }
            if same { equalRank += 1 }
            if proven { claimed += 1 }
        }
        #expect(equalRank > 200)
        #expect(claimed == equalRank, "the certificate missed \(equalRank - claimed) of \(equalRank) tables")
    }

    private func rank(_ rows: [[Int]], _ columns: Int) -> Int {
        var matrix = rows.map { members in (0..<columns).map { members.contains($0) ? 1.0 : 0.0 } }
        var rank = 0
        for j in 0..<columns {
            guard let p = (rank..<matrix.count).max(by: { abs(matrix[$0][j]) < abs(matrix[$1][j]) }), abs(matrix[p][j]) > 1e-9 else { continue }
            matrix.swapAt(rank, p)
            for i in matrix.indices where i != rank {
                let factor = matrix[i][j] / matrix[rank][j]
                for c in 0..<columns { matrix[i][c] -= factor * matrix[rank][c] }
            }
            rank += 1
        }
        return rank
    }
}
