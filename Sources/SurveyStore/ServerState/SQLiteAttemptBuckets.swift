import Foundation
import GRDB

/// The budgets of failed attempts in the SQLite file (`attempt_bucket`, migration `v4-server-state`).
/// Reading a bucket is on every parent's request (a client over its budget waits), so it is one cached
/// statement on the primary key; a row exists only after a failed attempt and until the bucket is full.
extension SurveyDatabase {
    public func attemptBucket(budget: String, key: String) throws -> AttemptBucket? {
        try sqliteRead(.serverState) { db in try Self.fetchBucket(db, budget, key) }
    }

    public func changeAttemptBucket(budget: String, key: String, _ change: (AttemptBucket?) -> AttemptBucket) throws {
        try sqliteWrite(.serverState) { db in
            let bucket = change(try Self.fetchBucket(db, budget, key))
            try db.execute(sql: """
                INSERT INTO attempt_bucket (budget, client_key, tokens, updated, full_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (budget, client_key) DO UPDATE SET tokens = excluded.tokens, updated = excluded.updated,
                                                               full_at = excluded.full_at
                """, arguments: [budget, key, bucket.tokens, bucket.updated.timeIntervalSince1970,
                                 bucket.fullAt.timeIntervalSince1970])
        }
    }

    public func deleteAttemptBuckets(budget: String, key: String?) throws {
        try sqliteWrite(.serverState) { db in
            if let key {
                try db.execute(sql: "DELETE FROM attempt_bucket WHERE budget = ? AND client_key = ?", arguments: [budget, key])
            } else {
                try db.execute(sql: "DELETE FROM attempt_bucket WHERE budget = ?", arguments: [budget])
            }
        }
    }

    public func attemptBuckets(budget: String) throws -> [String: AttemptBucket] {
        try sqliteRead(.serverState) { db in
            var buckets: [String: AttemptBucket] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM attempt_bucket WHERE budget = ?", arguments: [budget]) {
                buckets[row["client_key"]] = Self.bucket(row)
            }
            return buckets
        }
    }

    private static func fetchBucket(_ db: Database, _ budget: String, _ key: String) throws -> AttemptBucket? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM attempt_bucket WHERE budget = ? AND client_key = ?"),
                         arguments: [budget, key]).map(bucket)
    }

    private static func bucket(_ row: Row) -> AttemptBucket {
        AttemptBucket(tokens: row["tokens"], updated: Date(timeIntervalSince1970: row["updated"]),
                      fullAt: Date(timeIntervalSince1970: row["full_at"]))
    }
}
