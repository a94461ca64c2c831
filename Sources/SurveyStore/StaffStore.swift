import Foundation
import GRDB

/// A staff account as listed (never with its password hash).
public struct StaffMember: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
}

extension SurveyDatabase {
    /// Adds a staff account, or replaces the password of an existing one. `passwordHash` is a bcrypt hash:
    /// the store never sees a password.
    /// - Returns: true when the account is new.
    @discardableResult
    public func setStaff(name: String, passwordHash: String) throws -> Bool {
        try write { db in
            let exists = try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE name = ?", arguments: [name]) != nil
            if exists {
                try db.execute(sql: "UPDATE staff SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
            } else {
                try db.execute(sql: "INSERT INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)",
                               arguments: [name, passwordHash, Date()])
            }
            return !exists
        }
    }

    /// The stored bcrypt hash of a staff account, if the account exists.
    public func staffPasswordHash(name: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT password_hash FROM staff WHERE name = ?", arguments: [name]) }
    }

    /// All staff accounts by name.
    public func staffMembers() throws -> [StaffMember] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, created_at FROM staff ORDER BY name").map {
                StaffMember(name: $0["name"], createdAt: $0["created_at"])
            }
        }
    }
}
