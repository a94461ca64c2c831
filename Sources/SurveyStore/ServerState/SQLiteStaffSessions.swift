import Foundation
import GRDB

/// Staff sessions in the SQLite file (`staff_session`, migration `v4-server-state`). Times are seconds
/// since 1970, so expiry is one comparison of numbers on any backend.
extension SurveyDatabase {
    public func insertStaffSession(_ session: StaffSessionRecord) throws {
        try sqliteWrite(.serverState) { db in
            try db.execute(sql: "INSERT INTO staff_session (token_hash, staff_name, expires) VALUES (?, ?, ?)",
                           arguments: [session.tokenHash.hex, session.staffName, session.expires.timeIntervalSince1970])
        }
    }

    public func staffSession(_ hash: TokenHash, at now: Date) throws -> StaffSessionRecord? {
        let row = try sqliteRead(.serverState) { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT staff_name, expires FROM staff_session WHERE token_hash = ?"),
                             arguments: [hash.hex])
        }
        guard let row else { return nil }
        let session = StaffSessionRecord(tokenHash: hash, staffName: row["staff_name"],
                                         expires: Date(timeIntervalSince1970: row["expires"]))
        guard session.expires > now else {
            try deleteStaffSession(hash)
            return nil
        }
        return session
    }

    public func deleteStaffSession(_ hash: TokenHash) throws {
        try sqliteWrite(.serverState) { db in
            try db.execute(sql: "DELETE FROM staff_session WHERE token_hash = ?", arguments: [hash.hex])
        }
    }
}
