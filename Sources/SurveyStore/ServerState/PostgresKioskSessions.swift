import Foundation
import PostgresNIO

/// Unlocked kiosks in PostgreSQL (`kiosk_session`, migration `v1-server-state`). A change reads the row with
/// `FOR UPDATE` and writes it in one transaction: a second instance changing the same kiosk waits for the
/// first one's commit and then reads its change, so two instances taking the same page token at once cannot
/// both succeed. A kiosk belongs to the peiling it was unlocked for, as in SQLite: another school's server
/// on the same database does not see it.
extension PostgresServerState {
    public func insertKiosk(_ kiosk: KioskRecord) throws {
        try pool.execute("""
            INSERT INTO kiosk_session (token_hash, unlocked_by, method, start_token_hash, visit_respondent_id,
                                       visit_language, page_token_hash, last_activity, expires, peiling_id)
            VALUES (\(kiosk.tokenHash.hex), \(kiosk.unlockedBy), \(kiosk.method), \(kiosk.startTokenHash.hex),
                    \(kiosk.visit?.respondentID), \(kiosk.visit?.language), \(kiosk.visit?.pageTokenHash.hex),
                    \(kiosk.lastActivity.timeIntervalSince1970), \(kiosk.expires.timeIntervalSince1970), \(peilingID))
            """)
    }

    public func kiosk(_ hash: TokenHash, at now: Date) throws -> KioskRecord? {
        try pool.withSession { try fetchKiosk($0, hash, lock: false) }.flatMap { $0.expires > now ? $0 : nil }
    }

    public func changeKiosk<T>(_ hash: TokenHash, at now: Date, _ change: (inout KioskRecord) -> T) throws -> T? {
        try pool.transaction { session in
            guard var kiosk = try fetchKiosk(session, hash, lock: true) else { return nil }
            guard kiosk.expires > now else {
                try session.execute("DELETE FROM kiosk_session WHERE token_hash = \(hash.hex)")
                return nil
            }
            let result = change(&kiosk)
            try session.execute("""
                UPDATE kiosk_session SET unlocked_by = \(kiosk.unlockedBy), method = \(kiosk.method),
                    start_token_hash = \(kiosk.startTokenHash.hex), visit_respondent_id = \(kiosk.visit?.respondentID),
                    visit_language = \(kiosk.visit?.language), page_token_hash = \(kiosk.visit?.pageTokenHash.hex),
                    last_activity = \(kiosk.lastActivity.timeIntervalSince1970), expires = \(kiosk.expires.timeIntervalSince1970)
                WHERE token_hash = \(hash.hex)
                """)
            return result
        }
    }

    public func deleteKiosk(_ hash: TokenHash) throws {
        try pool.execute("DELETE FROM kiosk_session WHERE token_hash = \(hash.hex)")
    }

    /// The kiosk unlocked for this instance's peiling; `lock` holds its row until the transaction ends.
    private func fetchKiosk(_ session: PostgresSession, _ hash: TokenHash, lock: Bool) throws -> KioskRecord? {
        guard let row = try session.query("""
            SELECT unlocked_by, method, start_token_hash, visit_respondent_id, visit_language, page_token_hash,
                   last_activity, expires
            FROM kiosk_session WHERE token_hash = \(hash.hex) AND peiling_id IS NOT DISTINCT FROM \(peilingID)
            \(unescaped: lock ? "FOR UPDATE" : "")
            """).first else { return nil }
        let (unlockedBy, method, start, respondent, language, page, lastActivity, expires) =
            try row.decode((String, String, String, String?, String?, String?, Double, Double).self)
        var visit: KioskRecord.Visit?
        if let respondent, let language, let page {
            visit = KioskRecord.Visit(respondentID: respondent, language: language, pageTokenHash: TokenHash(stored: page))
        }
        return KioskRecord(tokenHash: hash, unlockedBy: unlockedBy, method: method, startTokenHash: TokenHash(stored: start),
                           visit: visit, lastActivity: Date(timeIntervalSince1970: lastActivity),
                           expires: Date(timeIntervalSince1970: expires))
    }
}
