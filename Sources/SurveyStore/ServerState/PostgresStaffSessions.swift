import Foundation
import PostgresNIO

/// Staff sessions in PostgreSQL (`staff_session`, migration `v1-server-state`).
extension PostgresServerState {
    public func insertStaffSession(_ session: StaffSessionRecord) throws {
        try pool.execute("""
            INSERT INTO staff_session (token_hash, staff_name, expires)
            VALUES (\(session.tokenHash.hex), \(session.staffName), \(session.expires.timeIntervalSince1970))
            """)
    }

    public func staffSession(_ hash: TokenHash, at now: Date) throws -> StaffSessionRecord? {
        guard let (name, expires) = try pool.query("SELECT staff_name, expires FROM staff_session WHERE token_hash = \(hash.hex)")
            .first?.decode((String, Double).self) else { return nil }
        let session = StaffSessionRecord(tokenHash: hash, staffName: name, expires: Date(timeIntervalSince1970: expires))
        guard session.expires > now else {
            try deleteStaffSession(hash)
            return nil
        }
        return session
    }

    public func deleteStaffSession(_ hash: TokenHash) throws {
        try pool.execute("DELETE FROM staff_session WHERE token_hash = \(hash.hex)")
    }
}
