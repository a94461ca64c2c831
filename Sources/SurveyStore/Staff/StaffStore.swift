import Foundation

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
            let exists = try db.row("SELECT 1 FROM staff WHERE name = ?", name) != nil
            if exists {
                try db.execute("UPDATE staff SET password_hash = ? WHERE name = ?", passwordHash, name)
            } else {
                try db.execute("INSERT INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)", name, passwordHash, Date())
            }
            if let scope = scope ?? (exists ? nil : .wholeFile) {
                try db.execute("UPDATE staff SET role = ?, school = ? WHERE name = ?", scope.role.rawValue, scope.school, name)
                try db.execute("DELETE FROM staff_peiling WHERE staff_name = ?", name)
                for id in scope.peilingIDs.sorted() {
                    try db.execute("INSERT INTO staff_peiling (staff_name, peiling_id) VALUES (?, ?)", name, id)
                }
            }
            return !exists
        }
    }

    /// The stored bcrypt hash of a staff account, if the account exists.
    public func staffPasswordHash(name: String) throws -> String? {
        try read { try $0.value("SELECT password_hash FROM staff WHERE name = ?", name) }
    }

    /// The scope of a staff account, read fresh on every request so a change with `staff add` counts at once;
    /// nil when the account does not exist (any more).
    public func staffScope(name: String) throws -> StaffScope? {
        try read { db in
            guard let row = try db.row("SELECT role, school FROM staff WHERE name = ?", name) else { return nil }
            return try Self.scope(row, name: name, db).scope
        }
    }

    /// All staff accounts by name.
    public func staffMembers() throws -> [StaffMember] {
        try read { db in
            try db.rows("SELECT name, created_at, role, school FROM staff ORDER BY name").map { row in
                let (scope, names) = try Self.scope(row, name: try row["name"], db)
                return StaffMember(name: try row["name"], createdAt: try row["created_at"], scope: scope, peilingNames: names)
            }
        }
    }

    private static func scope(_ row: SQLRow, name: String, _ db: any StoreSQL) throws -> (scope: StaffScope, names: [String]) {
        let peilingen = try db.rows("""
            SELECT p.id, p.name FROM staff_peiling s JOIN peiling p ON p.id = s.peiling_id WHERE s.staff_name = ? ORDER BY p.name
            """, name)
        // An unknown role can only come from a later version's file: it gets the narrowest scope, not the widest.
        let role = StaffScope.Role(rawValue: try row["role"]) ?? .teacher
        return (StaffScope(role: role, school: try row["school"], peilingIDs: Set(try peilingen.map { try $0["id"] })),
                try peilingen.map { try $0["name"] })
    }
}
