import Foundation
import GRDB

extension SurveyDatabase {
    /// Puts the backup at `copy` in the place of the database at `target`.
    ///
    /// The copy is checked first (`DatabaseCopy.check`); a target in use by another process is refused
    /// unless `force`. An existing target is overwritten with the backup API in one write transaction on
    /// the target, so it is the old database or the new one, never half, and a write-ahead log left next to
    /// it is applied or discarded by SQLite itself (a plain `cp` over the file would let a stale `-wal` loose
    /// on the new file). A new target is written next to its place and renamed. A copy from an earlier
    /// release is restored as it is: the next command or `serve` migrates it.
    public static func restore(from copy: String, to target: String, force: Bool = false) throws -> DatabaseCopySummary {
        guard !isPostgresURL(target) else { throw StoreError.sqliteOnly(.restore, database: try PostgresAddress(url: target).display) }
        _ = try DatabaseCopy.check(copy)
        let source = try DatabaseQueue(path: copy)
        defer { try? source.close() }
        guard FileManager.default.fileExists(atPath: target) else {
            return try DatabaseCopy.write(from: source, to: target, replacing: false)
        }
        if !force, DatabaseInUse.check(target) { throw BackupError.inUse(target) }
        do {
            let destination = try DatabaseQueue(path: target, configuration: DatabaseCopy.fullSync)
            try source.backup(to: destination)
            try destination.close()
        } catch let error as DatabaseError {
            throw BackupError.cannotWrite(target, reason: error.message ?? "\(error.resultCode)")
        }
        return try DatabaseCopy.check(target)
    }
}
