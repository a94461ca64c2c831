import Foundation
import PostgresNIO

/// The budgets of failed attempts in PostgreSQL (`attempt_bucket`, migration `v1-server-state`). A row
/// exists only after a failed attempt and until the bucket is full, as in SQLite.
extension PostgresServerState {
    public func attemptBucket(budget: String, key: String) throws -> AttemptBucket? {
        try pool.withSession { try fetchBucket($0, budget, key, lock: false) }
    }

    /// The row is read `FOR UPDATE`, so a second instance changing the same bucket waits for this commit.
    /// A bucket that does not exist yet has no row to lock: when two instances both insert it, the second
    /// insert does nothing, and that transaction runs again on the first one's row.
    public func changeAttemptBucket(budget: String, key: String, _ change: (AttemptBucket?) -> AttemptBucket) throws {
        try pool.transaction { session in
            let old = try fetchBucket(session, budget, key, lock: true)
            let new = change(old)
            let (tokens, updated, fullAt) = (new.tokens, new.updated.timeIntervalSince1970, new.fullAt.timeIntervalSince1970)
            if old != nil {
                try session.execute("""
                    UPDATE attempt_bucket SET tokens = \(tokens), updated = \(updated), full_at = \(fullAt)
                    WHERE budget = \(budget) AND client_key = \(key)
                    """)
            } else if try session.execute("""
                INSERT INTO attempt_bucket (budget, client_key, tokens, updated, full_at)
                VALUES (\(budget), \(key), \(tokens), \(updated), \(fullAt))
                ON CONFLICT (budget, client_key) DO NOTHING
                """) == 0 {
                throw PostgresPool.TransactionLostRace()
            }
        }
    }

    public func deleteAttemptBuckets(budget: String, key: String?) throws {
        if let key {
            try pool.execute("DELETE FROM attempt_bucket WHERE budget = \(budget) AND client_key = \(key)")
        } else {
            try pool.execute("DELETE FROM attempt_bucket WHERE budget = \(budget)")
        }
    }

    public func attemptBuckets(budget: String) throws -> [String: AttemptBucket] {
        var buckets: [String: AttemptBucket] = [:]
        for row in try pool.query("SELECT client_key, tokens, updated, full_at FROM attempt_bucket WHERE budget = \(budget)") {
            let (key, tokens, updated, fullAt) = try row.decode((String, Double, Double, Double).self)
            buckets[key] = AttemptBucket(tokens: tokens, updated: Date(timeIntervalSince1970: updated),
                                         fullAt: Date(timeIntervalSince1970: fullAt))
        }
        return buckets
    }

    private func fetchBucket(_ session: PostgresSession, _ budget: String, _ key: String, lock: Bool) throws -> AttemptBucket? {
        guard let (tokens, updated, fullAt) = try session.query("""
            SELECT tokens, updated, full_at FROM attempt_bucket WHERE budget = \(budget) AND client_key = \(key)
            \(unescaped: lock ? "FOR UPDATE" : "")
            """).first?.decode((Double, Double, Double).self) else { return nil }
        return AttemptBucket(tokens: tokens, updated: Date(timeIntervalSince1970: updated), fullAt: Date(timeIntervalSince1970: fullAt))
    }
}
