import Foundation
import GRDB

/// What a database file holds, read from the file itself after `PRAGMA integrity_check` passed.
public struct DatabaseCopySummary: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    /// Complete responses.
    public var responses: Int
    /// Responses a parent started and did not finish.
    public var inProgress: Int
}

/// Copying an SQLite database page by page with SQLite's online backup API (`sqlite3_backup_init`, `_step`,
/// `_finish`, through GRDB's `backup(to:)`), and checking a copy. Shared by `backup` and `restore`.
enum DatabaseCopy {
    /// Copies `source` into a new file at `path`: written under a temporary name next to it, synced,
    /// checked, then renamed, so `path` appears complete and checked or not at all.
    ///
    /// The copy is one snapshot: a read transaction on the source, copied in one step. Writers in other
    /// processes go on meanwhile (WAL); what they commit after the snapshot is not in the copy. The copy
    /// is in rollback-journal mode, one self-contained file.
    static func write(from source: any DatabaseReader, to path: String, replacing: Bool) throws -> DatabaseCopySummary {
        let manager = FileManager.default
        if !replacing, manager.fileExists(atPath: path) { throw BackupError.exists(path) }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).unfinished-\(UUID().uuidString.prefix(8))").path
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) } }
        do {
            let copy = try DatabaseQueue(path: temporary, configuration: fullSync)
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            let file = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
            try file.synchronize()
            try file.close()
        } catch let error as DatabaseError {
            throw BackupError.cannotWrite(path, reason: error.message ?? "\(error.resultCode)")
        } catch let error as CocoaError {
            throw BackupError.cannotWrite(path, reason: error.localizedDescription)
        }
        var summary = try check(temporary)
        guard rename(temporary, path) == 0 else { throw BackupError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        syncFolder(of: path)
        summary.path = path
        return summary
    }

    /// Opens `path` without changing it and checks it: an SQLite file, no damage (`integrity_check`), a
    /// schema this build knows (no migration step it has not heard of), and a peiling's tables.
    static func check(_ path: String) throws -> DatabaseCopySummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.noCopy(path) }
        do {
            let copy = try DatabaseQueue(path: path)
            defer { try? copy.close() }
            return try copy.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if problems != ["ok"] { throw BackupError.damaged(path, problem: problems.first ?? "?") }
                let applied = try SurveyDatabase.migrator.appliedIdentifiers(db)
                let unknown = try SurveyDatabase.unknownMigrations(db)
                if !unknown.isEmpty { throw BackupError.newerSchema(path, steps: unknown) }
                guard !applied.isEmpty, try db.tableExists("response") else { throw BackupError.notADatabase(path) }
                let responses = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE complete") ?? 0
                let inProgress = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE NOT complete") ?? 0
                let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                return DatabaseCopySummary(path: path, bytes: bytes, responses: responses, inProgress: inProgress)
            }
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw BackupError.notADatabase(path)
        }
    }

    /// Every write of the copy reaches the disk before the next step.
    static var fullSync: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// A rename is durable only once its folder is synced.
    static func syncFolder(of path: String) {
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }
}
