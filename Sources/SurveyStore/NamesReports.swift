import Foundation

/// A report written with names in it (`report --with-names`), remembered so that `roster forget` can
/// name the files that still hold names after the roster itself has forgotten them.
public struct NamesReportFile: Sendable, Equatable {
    /// The absolute path the file was written to.
    public var path: String
    public var writtenAt: Date
}

extension SurveyDatabase {
    /// Remembers that reports with names were written to `paths`.
    public func recordNamesReport(_ paths: [String]) throws {
        let now = Date()
        try write { db in
            let peilingID = try peilingID(db)
            for path in paths {
                try db.execute("""
                    INSERT INTO names_report (path, written_at, peiling_id) VALUES (?, ?, ?)
                    ON CONFLICT (path) DO UPDATE SET written_at = excluded.written_at, peiling_id = excluded.peiling_id
                    """, path, now, peilingID)
            }
        }
    }

    /// Every report with names ever written from this database, newest first (the files may be gone).
    public func namesReports() throws -> [NamesReportFile] {
        try read { db in
            try db.rows("SELECT path, written_at FROM names_report WHERE peiling_id = ? ORDER BY written_at DESC, path", try peilingID(db)).map {
                NamesReportFile(path: try $0["path"], writtenAt: try $0["written_at"])
            }
        }
    }
}
