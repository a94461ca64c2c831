import GRDB

extension SurveyDatabase {
    /// Explicit, named schema steps; a step once shipped is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-peiling-roster-responses") { db in
            try db.create(table: "definition") { t in
                t.primaryKey("hash", .text)
                t.column("survey_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("yaml", .text).notNull()
                t.column("loaded_at", .datetime).notNull()
            }
            try db.create(table: "peiling") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("survey_id", .text).notNull()
                t.column("definition_hash", .text).notNull().references("definition")
                t.column("created_at", .datetime).notNull()
                t.column("closed_at", .datetime)
            }
            try db.create(table: "respondent") { t in
                t.primaryKey("id", .text)
                t.column("group_name", .text).notNull()
                t.column("child_name", .text)
                t.column("parent_names", .text)
                t.column("language", .text).notNull()
                t.column("contact", .text)
                t.column("tags", .text).notNull()
                t.column("forgotten", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "invitation") { t in
                t.primaryKey("code", .text)
                t.column("respondent_id", .text).notNull().unique().references("respondent", onDelete: .cascade)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "sample") { t in
                t.column("respondent_id", .text).notNull().references("respondent", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("reserve", .boolean).notNull()
                t.column("seed", .text).notNull()
                t.column("covered", .text).notNull()
                t.column("declined", .boolean).notNull().defaults(to: false)
                t.column("replaces", .text)
                t.column("drawn_at", .datetime).notNull()
                t.primaryKey(["respondent_id"])
            }
            try db.create(table: "response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("respondent_id", .text).unique().references("respondent", onDelete: .setNull)
                t.column("submission_key", .text).unique()
                t.column("definition_hash", .text).notNull().references("definition")
                t.column("method", .text).notNull()
                t.column("language", .text).notNull()
                t.column("interpreter", .text)
                t.column("entered_by", .text)
                t.column("group_name", .text)
                t.column("tags", .text).notNull()
                t.column("complete", .boolean).notNull()
                t.column("verified_by", .text)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "answer") { t in
                t.column("response_id", .integer).notNull().references("response", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("choices", .text)
                t.column("number", .double)
                t.column("text", .text)
                t.column("other_text", .text)
                t.primaryKey(["response_id", "question_id"])
            }
            try db.create(table: "staff") { t in
                t.primaryKey("name", .text)
                t.column("password_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
        }
        // Every save of a response raises its version, so a save that started from an older version is
        // noticed instead of silently undoing what another writer saved in between.
        migrator.registerMigration("v2-response-version") { db in
            try db.alter(table: "response") { t in
                t.add(column: "version", .integer).notNull().defaults(to: 1)
            }
        }
        // Where reports with names were written, so `roster forget` can name the files still to delete.
        migrator.registerMigration("v2-names-reports") { db in
            try db.create(table: "names_report") { t in
                t.primaryKey("path", .text)
                t.column("written_at", .datetime).notNull()
            }
        }
        registerSettingsMigration(&migrator)
        // What the form server keeps between requests (`ServerStateStore`), so that several `serve`
        // instances on one file share it and a restart logs nobody out. Tokens are stored only as their
        // SHA-256 (`TokenHash`); times are seconds since 1970.
        migrator.registerMigration("v4-server-state") { db in
            try db.create(table: "staff_session") { t in
                t.primaryKey("token_hash", .text)
                t.column("staff_name", .text).notNull().indexed().references("staff", onDelete: .cascade)
                t.column("expires", .double).notNull().indexed()
            }
            try db.create(table: "kiosk_session") { t in
                t.primaryKey("token_hash", .text)
                t.column("unlocked_by", .text).notNull()
                t.column("method", .text).notNull()
                t.column("start_token_hash", .text).notNull()
                t.column("visit_respondent_id", .text)
                t.column("visit_language", .text)
                t.column("page_token_hash", .text)
                t.column("last_activity", .double).notNull()
                t.column("expires", .double).notNull().indexed()
            }
            try db.create(table: "attempt_bucket") { t in
                t.column("budget", .text).notNull()
                t.column("client_key", .text).notNull()
                t.column("tokens", .double).notNull()
                t.column("updated", .double).notNull()
                t.column("full_at", .double).notNull().indexed()
                t.primaryKey(["budget", "client_key"])
            }
            try db.create(table: "server_secret") { t in
                t.primaryKey("name", .text)
                t.column("value", .text).notNull()
                t.column("created_at", .double).notNull()
            }
        }
        registerPeilingenMigration(&migrator)
        registerStaffScopeMigration(&migrator)
        return migrator
    }
}
