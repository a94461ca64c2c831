import Foundation
import PostgresNIO

/// The form server's state in a PostgreSQL database, so that `serve` instances on several machines share it:
/// the second implementation of `ServerStateStore`, with the semantics of the SQLite one (`SQLite*.swift`
/// beside this file). The secrets and the clean-up are here; sessions, kiosks and buckets have a file each.
public final class PostgresServerState: ServerStateStore {
    let pool: PostgresPool
    /// The peiling this instance serves: kiosks are unlocked for it (see `PostgresKioskSessions.swift`);
    /// nil before a peiling is started, as in SQLite.
    let peilingID: Int64?

    /// Brings the schema up to date (`PostgresMigration.all`), as opening the SQLite file does.
    public init(pool: PostgresPool, peilingID: Int64?) throws {
        self.pool = pool
        self.peilingID = peilingID
        try pool.migrate(PostgresMigration.all)
    }

    public func serverSecret(named name: String, otherwise make: () -> String) throws -> String {
        // ON CONFLICT DO NOTHING, then read: of two instances starting at once, the first one's secret wins.
        try pool.execute("""
            INSERT INTO server_secret (name, value, created_at) VALUES (\(name), \(make()), \(Date().timeIntervalSince1970))
            ON CONFLICT (name) DO NOTHING
            """)
        return try pool.query("SELECT value FROM server_secret WHERE name = \(name)").first?.decode(String.self) ?? ""
    }

    @discardableResult
    public func deleteExpired(at now: Date) throws -> Int {
        let seconds = now.timeIntervalSince1970
        // One statement, so the three deletes are one transaction.
        return try pool.query("""
            WITH staff AS (DELETE FROM staff_session WHERE expires <= \(seconds) RETURNING 1),
                 kiosks AS (DELETE FROM kiosk_session WHERE expires <= \(seconds) RETURNING 1),
                 buckets AS (DELETE FROM attempt_bucket WHERE full_at <= \(seconds) RETURNING 1)
            SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM kiosks) + (SELECT count(*) FROM buckets)
            """).first?.decode(Int.self) ?? 0
    }
}
