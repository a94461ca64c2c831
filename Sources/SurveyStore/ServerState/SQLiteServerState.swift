import Foundation
import GRDB

/// The server's secrets and the clean-up of expired server state in the SQLite file (`server_secret`,
/// migration `v4-server-state`).
extension SurveyDatabase: ServerStateStore {
    public func serverSecret(named name: String, otherwise make: () -> String) throws -> String {
        try sqliteWrite(.serverState) { db in
            // INSERT OR IGNORE then read: of two instances starting at once, the first one's secret wins.
            try db.execute(sql: "INSERT OR IGNORE INTO server_secret (name, value, created_at) VALUES (?, ?, ?)",
                           arguments: [name, make(), Date().timeIntervalSince1970])
            return try String.fetchOne(db, sql: "SELECT value FROM server_secret WHERE name = ?", arguments: [name]) ?? ""
        }
    }

    @discardableResult
    public func deleteExpired(at now: Date) throws -> Int {
        let seconds = now.timeIntervalSince1970
        return try sqliteWrite(.serverState) { db in
            try db.execute(sql: "DELETE FROM staff_session WHERE expires <= ?", arguments: [seconds])
            var deleted = db.changesCount
            try db.execute(sql: "DELETE FROM kiosk_session WHERE expires <= ?", arguments: [seconds])
            deleted += db.changesCount
            try db.execute(sql: "DELETE FROM attempt_bucket WHERE full_at <= ?", arguments: [seconds])
            return deleted + db.changesCount
        }
    }
}
