import GRDB

extension SurveyDatabase {
    /// `v5-peilingen`: many peilingen in one file. Roster, invitations, sample and responses gain the peiling
    /// they belong to, and a respondent id is unique per peiling (two schools both have an "L01"); codes stay
    /// unique across the whole file. A file made before holds at most one peiling: every row goes to it, and
    /// its settings row (id 1 before) takes the peiling's id. SQLite cannot change a primary key in place,
    /// so the four tables are rebuilt (create, copy, drop, rename; GRDB checks the foreign keys at the end).
    /// An unlocked kiosk belongs to its peiling too (`SQLiteKioskSessions`), and so does the record of a
    /// report written with names (`roster forget` of one school names only that school's files).
    static func registerPeilingenMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-peilingen") { db in
            let peilingID = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM peiling")
            try db.execute(sql: "CREATE UNIQUE INDEX peiling_name ON peiling(name)")
            if let peilingID {
                try db.execute(sql: "UPDATE peiling_settings SET id = ? WHERE id = 1", arguments: [peilingID])
            }
            try db.execute(sql: """
                CREATE TABLE respondent_v5 (
                  peiling_id INTEGER NOT NULL REFERENCES peiling(id),
                  id TEXT NOT NULL,
                  group_name TEXT NOT NULL, child_name TEXT, parent_names TEXT, language TEXT NOT NULL, contact TEXT,
                  tags TEXT NOT NULL, forgotten BOOLEAN NOT NULL DEFAULT 0,
                  PRIMARY KEY (peiling_id, id));
                CREATE TABLE invitation_v5 (
                  code TEXT NOT NULL PRIMARY KEY,
                  peiling_id INTEGER NOT NULL,
                  respondent_id TEXT NOT NULL,
                  created_at DATETIME NOT NULL,
                  UNIQUE (peiling_id, respondent_id),
                  FOREIGN KEY (peiling_id, respondent_id) REFERENCES respondent(peiling_id, id) ON DELETE CASCADE);
                CREATE TABLE sample_v5 (
                  peiling_id INTEGER NOT NULL,
                  respondent_id TEXT NOT NULL,
                  position INTEGER NOT NULL, reserve BOOLEAN NOT NULL, seed TEXT NOT NULL, covered TEXT NOT NULL,
                  declined BOOLEAN NOT NULL DEFAULT 0, replaces TEXT, drawn_at DATETIME NOT NULL,
                  PRIMARY KEY (peiling_id, respondent_id),
                  FOREIGN KEY (peiling_id, respondent_id) REFERENCES respondent(peiling_id, id) ON DELETE CASCADE);
                CREATE TABLE response_v5 (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  peiling_id INTEGER NOT NULL REFERENCES peiling(id),
                  respondent_id TEXT,
                  submission_key TEXT UNIQUE,
                  definition_hash TEXT NOT NULL REFERENCES definition(hash),
                  method TEXT NOT NULL, language TEXT NOT NULL, interpreter TEXT, entered_by TEXT, group_name TEXT,
                  tags TEXT NOT NULL, complete BOOLEAN NOT NULL, verified_by TEXT,
                  created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, version INTEGER NOT NULL DEFAULT 1,
                  UNIQUE (peiling_id, respondent_id),
                  FOREIGN KEY (peiling_id, respondent_id) REFERENCES respondent(peiling_id, id));
                """)
            // Without a peiling there is nothing to copy (a roster or a response needs one); with rows anyway,
            // the NOT NULL refuses the step and the file stays as it was.
            try db.execute(sql: """
                INSERT INTO respondent_v5 SELECT ?, id, group_name, child_name, parent_names, language, contact, tags, forgotten FROM respondent;
                INSERT INTO invitation_v5 SELECT code, ?, respondent_id, created_at FROM invitation;
                INSERT INTO sample_v5 SELECT ?, respondent_id, position, reserve, seed, covered, declined, replaces, drawn_at FROM sample;
                INSERT INTO response_v5 SELECT id, ?, respondent_id, submission_key, definition_hash, method, language, interpreter,
                  entered_by, group_name, tags, complete, verified_by, created_at, updated_at, version FROM response;
                DROP TABLE invitation; DROP TABLE sample; DROP TABLE response; DROP TABLE respondent;
                ALTER TABLE respondent_v5 RENAME TO respondent;
                ALTER TABLE invitation_v5 RENAME TO invitation;
                ALTER TABLE sample_v5 RENAME TO sample;
                ALTER TABLE response_v5 RENAME TO response;
                ALTER TABLE kiosk_session ADD COLUMN peiling_id INTEGER REFERENCES peiling(id) ON DELETE CASCADE;
                UPDATE kiosk_session SET peiling_id = ?;
                ALTER TABLE names_report ADD COLUMN peiling_id INTEGER REFERENCES peiling(id) ON DELETE CASCADE;
                UPDATE names_report SET peiling_id = ?;
                """, arguments: [peilingID, peilingID, peilingID, peilingID, peilingID, peilingID])
        }
    }
}
