/// Whether every combination of published segments that cancels on all large classes cancels on every class: then
/// the reader can work out no group at all, and rule 2's integer program need not run.
///
/// A group the reader can work out is a combination y = Σ_j λ_j [class ⊆ segment j] that is 0 on every class of at
/// least `k` answerers and 1 on some smaller ones; it exists only if some λ that cancels on the large classes does
/// not cancel on a small one. The test is exact, with a certificate: the null space of the large classes' rows is
/// computed modulo the prime 2^31 − 1, each basis vector is read as an integer vector (entries in (−p/2, p/2)), and
/// each must cancel, in integers, on every class. If they all do, they are d independent rational vectors (their
/// free coordinates form an identity) in the null space of every class's row, while the large rows' rational null
/// space has dimension at most d (a rank modulo p never exceeds the rational rank); so the two null spaces are the
/// same and nothing can be derived. A basis vector that fails sends the question to the integer program.
/// (Typical dependencies are a total equal to the sum of a partition's groups: vectors of 0 and ±1.)
enum CancellingCombinations {
    private static let prime: Int64 = 2_147_483_647

    /// True when every combination of the `columns` segments that cancels on each of `large` cancels on each of
    /// `all` as well; a row lists the segment indices (0..<columns) its class belongs to.
    static func cancelEverywhere(large: [[Int]], all: [[Int]], columns: Int) -> Bool {
        for vector in nullSpace(large, columns: columns) {
            let integers = vector.map { $0 > prime / 2 ? $0 - prime : $0 }
            for row in all where row.reduce(Int64(0), { $0 + integers[$1] }) != 0 { return false }
        }
        return true
    }

    /// A basis of the null space modulo p of the 0/1 rows: one vector per column without a pivot.
    private static func nullSpace(_ rows: [[Int]], columns: Int) -> [[Int64]] {
        // Reduced echelon form: pivotRow[j] is the row whose leading 1 is in column j, zero in every other pivot column.
        var pivotRow: [Int: [Int64]] = [:]
        for members in rows {
            guard pivotRow.count < columns else { break }
            var row = [Int64](repeating: 0, count: columns)
            for j in members { row[j] = 1 }
            for (j, pivot) in pivotRow where row[j] != 0 { subtract(pivot, times: row[j], from: &row) }
            guard let lead = row.firstIndex(where: { $0 != 0 }) else { continue }
            let inverse = power(row[lead], prime - 2)
            for i in row.indices { row[i] = row[i] * inverse % prime }
            for j in pivotRow.keys where pivotRow[j]![lead] != 0 { subtract(row, times: pivotRow[j]![lead], from: &pivotRow[j]!) }
            pivotRow[lead] = row
        }
        return (0..<columns).filter { pivotRow[$0] == nil }.map { free in
            var vector = [Int64](repeating: 0, count: columns)
            vector[free] = 1
            for (j, row) in pivotRow { vector[j] = (prime - row[free]) % prime }
            return vector
        }
    }

    private static func subtract(_ pivot: [Int64], times factor: Int64, from row: inout [Int64]) {
        for i in row.indices where pivot[i] != 0 { row[i] = ((row[i] - factor * pivot[i]) % prime + prime) % prime }
    }

    private static func power(_ base: Int64, _ exponent: Int64) -> Int64 {
        var (result, base, exponent) = (Int64(1), base % prime, exponent)
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base % prime }
            base = base * base % prime
            exponent >>= 1
        }
        return result
    }
}
