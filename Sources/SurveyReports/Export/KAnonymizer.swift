/// Makes the quasi-identifier columns of an export k-anonymous: afterwards every combination of their values that
/// occurs in the file occurs in at least `k` rows (L. Sweeney, "k-anonymity: a model for protecting privacy",
/// International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems 10(5), 2002).
///
/// A deterministic greedy method in the spirit of sdcMicro's global recoding and local suppression:
/// 1. **Rare categories.** A column in which some value is held by fewer than `k` rows moves one level up its
///    hierarchy (`QuasiIdentifier.levels`: e.g. methods into oral / written / digital), while it has a coarser
///    level; this step never removes a column (one rare interview should not cost everyone their method).
/// 2. **Global recoding.** While more than `recodeAboveShare` of the rows are in a combination smaller than `k`,
///    the column with the most distinct values moves one level up (ties: the earlier column).
/// 3. **Local suppression.** While some rows are in a combination smaller than `k`, the value of the column with the
///    most distinct values among those rows (ties: the earlier column) becomes `*` in those rows only.
/// 4. **Dropping.** Rows whose every value is suppressed and whose combination is still smaller than `k` are left
///    out and counted.
///
/// `*` counts as a value of its own when combinations are compared, so the guarantee can be checked from the file
/// alone. Only the quasi-identifiers are held in memory: one small integer per row and column.
struct KAnonymizer {
    /// Above this share of rows in too-small combinations, whole columns are recoded rather than single values suppressed.
    static let recodeAboveShare = 0.05
    static let suppressed = "*"

    let k: Int
    let columns: [QuasiIdentifier]
    /// Per column: its distinct stored values, and the code of each.
    private var values: [[String]]
    private var codeOf: [[String: Int32]]
    /// Each row's stored-value codes, `columns.count` per row.
    private var codes: [Int32] = []
    /// Whether a row's value in a column was suppressed, `columns.count` per row.
    private var isSuppressed: [Bool] = []
    private var dropped: [Bool] = []
    /// Per column, its current level; `levels.count` means removed.
    private(set) var level: [Int]
    /// Per column, how many values step 3 suppressed.
    private(set) var suppressedCount: [Int]
    private(set) var droppedCount = 0
    /// Per column and level: stored-value code -> code of the recoded value, and the recoded values.
    private var recoded: [[(codes: [Int32], values: [String])]] = []

    init(columns: [QuasiIdentifier], k: Int) {
        self.columns = columns
        self.k = max(1, k)
        values = Array(repeating: [], count: columns.count)
        codeOf = Array(repeating: [:], count: columns.count)
        level = Array(repeating: 0, count: columns.count)
        suppressedCount = Array(repeating: 0, count: columns.count)
    }

    var rowCount: Int { dropped.count }

    /// Adds one row's stored values, one per column.
    mutating func add(_ row: [String]) {
        for (c, value) in row.enumerated() {
            if let code = codeOf[c][value] { codes.append(code); continue }
            let code = Int32(values[c].count)
            values[c].append(value)
            codeOf[c][value] = code
            codes.append(code)
        }
        isSuppressed.append(contentsOf: repeatElement(false, count: columns.count))
        dropped.append(false)
    }

    func isRemoved(_ c: Int) -> Bool { level[c] >= columns[c].levels.count }
    func isDropped(_ row: Int) -> Bool { dropped[row] }

    /// The row's value in column `c` as written: nil when the column is removed, `*` when suppressed.
    func value(row: Int, column c: Int) -> String? {
        guard !isRemoved(c) else { return nil }
        if isSuppressed[row * columns.count + c] { return Self.suppressed }
        let table = recoded[c][level[c]]
        return table.values[Int(table.codes[Int(codes[row * columns.count + c])])]
    }

    /// The distinct values column `c` has at its current level (for the codebook).
    func currentValues(_ c: Int) -> [String] {
        guard !isRemoved(c) else { return [] }
        return recoded[c][level[c]].values
    }

    // MARK: The method

    mutating func anonymize() {
        prepareLevels()
        let everyRow = (0..<rowCount).filter { !dropped[$0] }
        // 1. Rare categories.
        for c in columns.indices {
            while level[c] + 1 < columns[c].levels.count, let rarest = frequencies(c).values.min(), rarest < k { level[c] += 1 }
        }
        // 2. Global recoding while too many rows would need local suppression.
        while Double(rowsInSmallCombinations().count) > Self.recodeAboveShare * Double(everyRow.count),
              let c = columnWithMostDistinctValues(in: everyRow, minimum: 2) {
            level[c] += 1
        }
        // 3. Local suppression, then 4. dropping what cannot be protected.
        while case let risky = rowsInSmallCombinations(), !risky.isEmpty {
            guard let c = columnWithMostDistinctValues(in: risky, minimum: 1) else {
                for row in risky { dropped[row] = true }
                droppedCount += risky.count
                break
            }
            for row in risky where !isSuppressed[row * columns.count + c] {
                isSuppressed[row * columns.count + c] = true
                suppressedCount[c] += 1
            }
        }
    }

    /// The smallest combination among the rows kept (nil when no row is kept): at least `k` after `anonymize()`.
    func smallestCombination() -> Int? {
        combinationSizes().sizes.values.min()
    }

    private mutating func prepareLevels() {
        recoded = columns.indices.map { c in
            columns[c].levels.map { level in
                var index: [String: Int32] = [:]
                var out: [String] = []
                let codes = values[c].map { value -> Int32 in
                    let recodedValue = level.recode(value)
                    if let code = index[recodedValue] { return code }
                    index[recodedValue] = Int32(out.count)
                    out.append(recodedValue)
                    return Int32(out.count - 1)
                }
                return (codes, out)
            }
        }
    }

    /// The code a row has in a column at the current level: -1 when suppressed, 0 for a removed column.
    private func current(_ row: Int, _ c: Int) -> Int32 {
        guard !isRemoved(c) else { return 0 }
        let i = row * columns.count + c
        return isSuppressed[i] ? -1 : recoded[c][level[c]].codes[Int(codes[i])]
    }

    private func frequencies(_ c: Int) -> [Int32: Int] {
        var counts: [Int32: Int] = [:]
        for row in 0..<rowCount where !dropped[row] { counts[current(row, c), default: 0] += 1 }
        return counts
    }

    private func combinationSizes() -> (keys: [[Int32]?], sizes: [[Int32]: Int]) {
        var sizes: [[Int32]: Int] = [:]
        var keys: [[Int32]?] = []
        keys.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            guard !dropped[row] else { keys.append(nil); continue }
            let key = columns.indices.map { current(row, $0) }
            sizes[key, default: 0] += 1
            keys.append(key)
        }
        return (keys, sizes)
    }

    private func rowsInSmallCombinations() -> [Int] {
        let (keys, sizes) = combinationSizes()
        return keys.indices.filter { row in keys[row].map { sizes[$0]! < k } ?? false }
    }

    /// Among the columns still written, the one with the most distinct (unsuppressed) values in `rows`, if it has at
    /// least `minimum`; ties go to the earlier column.
    private func columnWithMostDistinctValues(in rows: [Int], minimum: Int) -> Int? {
        var best: (column: Int, count: Int)?
        for c in columns.indices where !isRemoved(c) {
            var seen = Set<Int32>()
            for row in rows { let code = current(row, c); if code >= 0 { seen.insert(code) } }
            if seen.count >= minimum, seen.count > (best?.count ?? 0) { best = (c, seen.count) }
        }
        return best?.column
    }
}
