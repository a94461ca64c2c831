/// How many rows of one table a copy wrote.
public struct StoreCopyCount: Sendable, Equatable {
    public var table: String
    public var rows: Int
}

extension SurveyDatabase {
    /// Copies everything this database holds (every peiling with its definitions, settings, roster,
    /// invitations, sample, responses and answers, the staff accounts and the record of reports with names)
    /// into `target`, a store with nothing in it yet: how an SQLite file moves to PostgreSQL
    /// (`ouderstem migrate --to`). Ids and codes are kept, so every link and letter goes on working.
    ///
    /// One snapshot of this database is copied in one transaction on the target, which commits only when
    /// every table has as many rows there as here: the target holds all of it or nothing. Server state
    /// (sessions, kiosks, budgets, secrets) is not copied: staff log in again on the new database.
    @discardableResult
    public func copyAll(to target: SurveyDatabase) throws -> [StoreCopyCount] {
        guard target.path != path else { throw StoreError.copyTargetNotEmpty(target.path) }
        return try target.write { destination in
            let peilingen: Int = try destination.value("SELECT COUNT(*) FROM peiling") ?? 0
            let staff: Int = try destination.value("SELECT COUNT(*) FROM staff") ?? 0
            guard peilingen == 0, staff == 0 else { throw StoreError.copyTargetNotEmpty(target.path) }
            return try read { source in
                try StoreTables.all.map { table in try Self.copy(table, from: source, to: destination) }
            }
        }
    }

    /// Rows per `INSERT`: one statement per row made a copy of 100,000 responses (some three million
    /// answers) take hours on PostgreSQL, one round trip each. 8,000 bound values stay far below both
    /// backends' limits (SQLite 32,766, PostgreSQL 65,535).
    static let valuesPerInsert = 8_000

    private static func copy(_ table: StoreTables.Table, from source: any StoreSQL, to destination: any StoreSQL) throws -> StoreCopyCount {
        let columns = table.columns.map(\.name).joined(separator: ", ")
        let rowMarkers = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")"
        let rowsPerInsert = max(1, valuesPerInsert / table.columns.count)
        var batch: [any SQLBindable] = []
        var batchRows = 0
        var copied = 0
        func flush() throws {
            guard batchRows > 0 else { return }
            let markers = Array(repeating: rowMarkers, count: batchRows).joined(separator: ", ")
            copied += try destination.execute("INSERT INTO \(table.name) (\(columns)) VALUES \(markers)", batch)
            batch.removeAll(keepingCapacity: true)
            batchRows = 0
        }
        try source.forEachRow("SELECT \(columns) FROM \(table.name)", []) { row in
            for index in table.columns.indices { batch.append(try table.value(row, index)) }
            batchRows += 1
            if batchRows == rowsPerInsert { try flush() }
        }
        try flush()
        if table.generatesIDs { try destination.continueIDs(after: table.name) }
        let here: Int = try source.value("SELECT COUNT(*) FROM \(table.name)") ?? 0
        let there: Int = try destination.value("SELECT COUNT(*) FROM \(table.name)") ?? 0
        guard here == copied, there == copied else { throw StoreError.copyIncomplete(table: table.name, source: here, target: there) }
        return StoreCopyCount(table: table.name, rows: copied)
    }
}
