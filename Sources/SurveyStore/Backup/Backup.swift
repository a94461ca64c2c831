extension SurveyDatabase {
    /// Writes an online backup of this database to `path` (see `DatabaseCopy.write`): safe while `serve`
    /// instances write to it, and the file at `path` is complete and has passed `integrity_check`.
    public func backup(to path: String, replacing: Bool = false) throws -> DatabaseCopySummary {
        try DatabaseCopy.write(from: try sqlitePool(for: .backup), to: path, replacing: replacing)
    }
}
