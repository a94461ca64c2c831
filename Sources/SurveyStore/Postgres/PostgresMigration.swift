import PostgresNIO

/// A named change of the PostgreSQL schema, applied once: the PostgreSQL counterpart of a GRDB migration.
/// The names applied are kept in the table `schema_migration`.
public struct PostgresMigration: Sendable {
    public let name: String
    public let statements: [String]

    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

extension PostgresPool {
    /// Applies, in order and in one transaction, the `migrations` the database has not had yet. Instances
    /// starting at once wait for each other (a transaction-scoped advisory lock), so each change is made once.
    /// A database with a migration not in the list was set up by a newer ouderstem and is refused.
    public func migrate(_ migrations: [PostgresMigration]) throws {
        try transaction { session in
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            try session.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let applied = Set(try session.query("SELECT name FROM schema_migration").map { try $0.decode(String.self) })
            let unknown = applied.subtracting(migrations.map(\.name))
            guard unknown.isEmpty else { throw PostgresStoreError.newerSchema(unknownMigrations: unknown.sorted()) }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try session.execute("INSERT INTO schema_migration (name) VALUES (\(migration.name))")
            }
        }
    }

    /// The advisory lock key of migrations: "ouderstem" in ASCII, so that it is unlikely to be another program's.
    private static let migrationLock: Int64 = 0x6F75_6465_7273_7465
}
