import Foundation
import GRDB

/// Where a `SurveyDatabase` keeps its data: an SQLite file through GRDB, or a PostgreSQL database.
enum StoreBackend: Sendable {
    case sqlite(DatabasePool)
    case postgres(PostgresPool)

    /// Opens (or with `create` makes) the SQLite file at `path` and brings its schema up to date.
    static func openSQLite(path: String, create: Bool) throws -> DatabasePool {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Two processes creating or migrating the same new file at once (two `init` runs) would race on the
        // schema and one would fail with a raw SQLite error; a lock on the file makes the second wait.
        let lock = SchemaLock(path: path)
        defer { lock.release() }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB skips migrations it does not know; a file a newer Ouderstem migrated would then be written by
        // code that does not know its tables. Refused before anything is written.
        let unknown = try pool.read { try SurveyDatabase.unknownMigrations($0) }
        if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, steps: unknown) }
        try SurveyDatabase.migrator.migrate(pool)
        return pool
    }

    /// Brings the store's tables in `pool`'s database up to date (`PostgresMigration.all`). Without `create`
    /// a database the store was never set up in is refused, as a missing SQLite file is: a mistyped URL
    /// should not quietly start an empty store.
    static func preparePostgres(_ pool: PostgresPool, address: String, create: Bool) throws {
        if !create {
            let storeTables = try pool.query("SELECT to_regclass('peiling') IS NOT NULL").first?.decode(Bool.self) ?? false
            guard storeTables else { throw StoreError.noDatabase(address) }
        }
        try pool.migrate(PostgresMigration.all)
    }
}

extension SurveyDatabase {
    /// Whether `location` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a file.
    public static func isPostgresURL(_ location: String) -> Bool {
        PostgresAddress.isURL(location)
    }

    /// The schema steps of a file that this build does not know (a newer version made them), sorted.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
    }

    /// How many write transactions the server should run at once: one on SQLite, which has one writer at a
    /// time anyway; on PostgreSQL half the pool's connections, the other half left for reads.
    public var concurrentWrites: Int {
        switch backend {
        case .sqlite: 1
        case .postgres(let pool): max(1, pool.maxConnections / 2)
        }
    }

    /// GRDB's pool, for what only SQLite has (backup, the server state of `SQLite*.swift`); on PostgreSQL
    /// `work` is refused with `StoreError.sqliteOnly`.
    func sqlitePool(for work: SQLiteOnlyWork) throws -> DatabasePool {
        guard case .sqlite(let pool) = backend else { throw StoreError.sqliteOnly(work, database: path) }
        return pool
    }

    /// A read through GRDB itself, for SQLite-only work.
    func sqliteRead<T>(_ work: SQLiteOnlyWork, _ body: (Database) throws -> T) throws -> T {
        try sqlitePool(for: work).read(body)
    }

    /// A write transaction through GRDB itself, for SQLite-only work.
    func sqliteWrite<T>(_ work: SQLiteOnlyWork, _ body: (Database) throws -> T) throws -> T {
        try sqlitePool(for: work).write(body)
    }
}
