import Foundation
import GRDB

/// Unlocked kiosks in the SQLite file (`kiosk_session`, migration `v4-server-state`). A change is a
/// read and a write in one write transaction: SQLite lets one writer in at a time across processes, so two
/// instances taking the same page token at once cannot both succeed. A kiosk belongs to the peiling it was
/// unlocked for (`v5-peilingen`): cookies do not tell ports apart, so a kiosk unlocked for one school's
/// server must not be taken as unlocked by another's, whose "L04" is another family.
extension SurveyDatabase {
    public func insertKiosk(_ kiosk: KioskRecord) throws {
        try sqliteWrite(.serverState) { db in
            try db.execute(sql: """
                INSERT INTO kiosk_session (unlocked_by, method, start_token_hash, visit_respondent_id, visit_language,
                                           page_token_hash, last_activity, expires, token_hash, peiling_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.kioskArguments(kiosk) + [try kioskPeiling(db)])
        }
    }

    public func kiosk(_ hash: TokenHash, at now: Date) throws -> KioskRecord? {
        try sqliteRead(.serverState) { db in try fetchKiosk(db, hash) }.flatMap { $0.expires > now ? $0 : nil }
    }

    public func changeKiosk<T>(_ hash: TokenHash, at now: Date, _ change: (inout KioskRecord) -> T) throws -> T? {
        try sqliteWrite(.serverState) { db in
            guard var kiosk = try fetchKiosk(db, hash) else { return nil }
            guard kiosk.expires > now else {
                try db.execute(sql: "DELETE FROM kiosk_session WHERE token_hash = ?", arguments: [hash.hex])
                return nil
            }
            let result = change(&kiosk)
            kiosk.tokenHash = hash
            try db.execute(sql: """
                UPDATE kiosk_session SET unlocked_by = ?, method = ?, start_token_hash = ?, visit_respondent_id = ?,
                                         visit_language = ?, page_token_hash = ?, last_activity = ?, expires = ?
                WHERE token_hash = ?
                """, arguments: Self.kioskArguments(kiosk))
            return result
        }
    }

    public func deleteKiosk(_ hash: TokenHash) throws {
        try sqliteWrite(.serverState) { db in
            try db.execute(sql: "DELETE FROM kiosk_session WHERE token_hash = ?", arguments: [hash.hex])
        }
    }

    /// The peiling a kiosk is unlocked for; none before a peiling is started (the kiosk is then unlocked again).
    private func kioskPeiling(_ db: Database) throws -> Int64? {
        do { return try peilingID(SQLiteSQL(db: db)) } catch StoreError.noPeiling { return nil }
    }

    private func fetchKiosk(_ db: Database, _ hash: TokenHash) throws -> KioskRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM kiosk_session WHERE token_hash = ? AND peiling_id IS ?"),
                                         arguments: [hash.hex, try kioskPeiling(db)]) else { return nil }
        let respondent: String? = row["visit_respondent_id"]
        let language: String? = row["visit_language"]
        let page: String? = row["page_token_hash"]
        var visit: KioskRecord.Visit?
        if let respondent, let language, let page {
            visit = KioskRecord.Visit(respondentID: respondent, language: language, pageTokenHash: TokenHash(stored: page))
        }
        return KioskRecord(tokenHash: hash, unlockedBy: row["unlocked_by"], method: row["method"],
                           startTokenHash: TokenHash(stored: row["start_token_hash"]), visit: visit,
                           lastActivity: Date(timeIntervalSince1970: row["last_activity"]),
                           expires: Date(timeIntervalSince1970: row["expires"]))
    }

    /// The columns in the order of the INSERT and the UPDATE, the token's hash last.
    private static func kioskArguments(_ kiosk: KioskRecord) -> StatementArguments {
        [kiosk.unlockedBy, kiosk.method, kiosk.startTokenHash.hex, kiosk.visit?.respondentID, kiosk.visit?.language,
         kiosk.visit?.pageTokenHash.hex, kiosk.lastActivity.timeIntervalSince1970, kiosk.expires.timeIntervalSince1970,
         kiosk.tokenHash.hex]
    }
}
