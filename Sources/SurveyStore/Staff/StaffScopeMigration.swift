import GRDB

extension SurveyDatabase {
    /// `v6-staff-scopes`: a staff account gets a role, the school of a teacher or coordinator, and the
    /// peilingen a teacher is limited to. Every account made before saw every peiling in the file, so it
    /// becomes a board account: a teacher's laptop works after the update exactly as before.
    static func registerStaffScopeMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-staff-scopes") { db in
            try db.alter(table: "staff") { t in
                t.add(column: "role", .text).notNull().defaults(to: StaffScope.Role.board.rawValue)
                t.add(column: "school", .text)
            }
            try db.create(table: "staff_peiling") { t in
                t.column("staff_name", .text).notNull().references("staff", onDelete: .cascade)
                t.column("peiling_id", .integer).notNull().indexed().references("peiling", onDelete: .cascade)
                t.primaryKey(["staff_name", "peiling_id"])
            }
        }
    }
}
