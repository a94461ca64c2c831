import Foundation
import GRDB

/// A staff account as listed (never with its password hash).
public struct StaffMember: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
    public var scope: StaffScope
    /// The names of the peilingen a teacher is limited to (`scope.peilingIDs`), by name.
    public var peilingNames: [String]
}

extension SurveyDatabase {
    /// Adds a staff account, or replaces the password of an existing one. `passwordHash` is a bcrypt hash:
    /// the store never sees a password. `scope` nil keeps an existing account's scope and gives a new one
    /// the whole file (the one-teacher laptop needs no options).
    /// - Returns: true when the account is new.
    @discardableResult
    public func setStaff(name: String, passwordHash: String, scope: StaffScope? = nil) throws -> Bool {
        try write { db in
            let exists = try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE name = ?", arguments: [name]) != nil
            if exists {
                try db.execute(sql: "UPDATE staff SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
            } else {
                try db.execute(sql: "INSERT INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)",
                               arguments: [name, passwordHash, Date()])
            }
            if let scope = scope ?? (exists ? nil : .wholeFile) {
                try db.execute(sql: "UPDATE staff SET role = ?, school = ? WHERE name = ?",
                               arguments: [scope.role.rawValue, scope.school, name])
                try db.execute(sql: "DELETE FROM staff_peiling WHERE staff_name = ?", arguments: [name])
                for id in scope.peilingIDs.sorted() {
                    try db.execute(sql: "INSERT INTO staff_peiling (staff_name, peiling_id) VALUES (?, ?)", arguments: [name, id])
                }
            }
            return !exists
        }
    }

    /// The stored bcrypt hash of a staff account, if the account exists.
    public func staffPasswordHash(name: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT password_hash FROM staff WHERE name = ?", arguments: [name]) }
    }

    /// The scope of a staff account, read fresh on every request so a change with `staff add` counts at once;
    /// nil when the account does not exist (any more).
    public func staffScope(name: String) throws -> StaffScope? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role, school FROM staff WHERE name = ?", arguments: [name]) else { return nil }
            return try Self.scope(row, name: name, db).scope
        }
    }

    /// All staff accounts by name.
    public func staffMembers() throws -> [StaffMember] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, created_at, role, school FROM staff ORDER BY name").map { row in
                let (scope, names) = try Self.scope(row, name: row["name"], db)
                return StaffMember(name: row["name"], createdAt: row["created_at"], scope: scope, peilingNames: names)
            }
        }
    }

    private static func scope(_ row: Row, name: String, _ db: Database) throws -> (scope: StaffScope, names: [String]) {
        let peilingen = try Row.fetchAll(db, sql: """
            SELECT p.id, p.name FROM staff_peiling s JOIN peiling p ON p.id = s.peiling_id WHERE s.staff_name = ? ORDER BY p.name
            """, arguments: [name])
        // An unknown role can only come from a later version's file: it gets the narrowest scope, not the widest.
        let role = StaffScope.Role(rawValue: row["role"]) ?? .teacher
        return (StaffScope(role: role, school: row["school"], peilingIDs: Set(peilingen.map { $0["id"] })), peilingen.map { $0["name"] })
    }
}
