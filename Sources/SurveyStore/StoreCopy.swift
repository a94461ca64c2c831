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

    private static func copy(_ table: StoreTables.Table, from source: any StoreSQL, to destination: any StoreSQL) throws -> StoreCopyCount {
        let columns = table.columns.map(\.name).joined(separator: ", ")
        let insert = "INSERT INTO \(table.name) (\(columns)) VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))"
        var copied = 0
        try source.forEachRow("SELECT \(columns) FROM \(table.name)", []) { row in
            try destination.execute(insert, try table.columns.indices.map { try table.value(row, $0) })
            copied += 1
        }
        if table.generatesIDs { try destination.continueIDs(after: table.name) }
        let here: Int = try source.value("SELECT COUNT(*) FROM \(table.name)") ?? 0
        let there: Int = try destination.value("SELECT COUNT(*) FROM \(table.name)") ?? 0
        guard here == copied, there == copied else { throw StoreError.copyIncomplete(table: table.name, source: here, target: there) }
        return StoreCopyCount(table: table.name, rows: copied)
    }
}
