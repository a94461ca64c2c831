import Foundation
import GRDB
import SurveyCore
import Synchronization

/// The SQLite file that holds the peilingen (each with its roster, invitations, sample and responses), as
/// seen through one of them: every method below works on the peiling this handle selects (`PeilingChoice`).
///
/// WAL journal, `synchronous=FULL` (a parent's answer survives a power cut once it is acknowledged), and a
/// busy timeout so that the CLI and the form server can use the same file at the same time.
public final class SurveyDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Parsed definitions by content hash: a stored definition never changes, so it is parsed once.
    let parsedDefinitions = Mutex<[String: Survey]>([:])
    /// The peiling asked for by name (`--peiling`), or nil for the only open one.
    public let peilingName: String?
    /// The selected peiling's id once found: a handle keeps its peiling even when another is started later.
    let selectedID = Mutex<Int64?>(nil)

    /// Opens an existing database; `create` makes a new one when none exists. `peiling` selects a peiling by
    /// name; without it the handle works on the only open peiling.
    public init(path: String, create: Bool = false, peiling: String? = nil) throws {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path)
        }
        self.path = path
        peilingName = peiling
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Two processes creating or migrating the same new file at once (two `init` runs) would race on the
        // schema and one would fail with a raw SQLite error; a lock on the file makes the second wait.
        let lock = SchemaLock(path: path)
        defer { lock.release() }
        pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB skips migrations it does not know; a file a newer Ouderstem migrated would then be written by
        // code that does not know its tables. Refused before anything is written.
        let unknown = try pool.read { try Self.unknownMigrations($0) }
        if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, steps: unknown) }
        try Self.migrator.migrate(pool)
    }

    /// The schema steps of a file that this build does not know (a newer version made them), sorted.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
    }

    /// A view on `other`'s pool, fixed on one peiling (`view(ofPeiling:)`).
    init(sharing other: SurveyDatabase, peilingID: Int64) {
        path = other.path
        pool = other.pool
        peilingName = nil
        selectedID.withLock { $0 = peilingID }
    }

    /// A view on `other`'s pool that selects its peiling by name (`view(named:)`).
    init(sharing other: SurveyDatabase, peilingName: String) {
        path = other.path
        pool = other.pool
        self.peilingName = peilingName
    }

    /// Reads in a snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Writes in one transaction: all of it or nothing.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }
}

/// What can go wrong with the data, in one plain sentence each.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noDatabase(String)
    case newerDatabase(path: String, steps: [String])
    case noPeiling
    case unknownPeiling(name: String, choices: [String])
    case choosePeiling(choices: [String])
    case alreadyInitialized(survey: String)
    case otherSurvey(existing: String, new: String)
    case unknownCode
    case codeTypo
    case closed
    case alreadyAnswered(code: String)
    case notAnswered(code: String)
    case unknownRespondent(String)
    case rosterForgottenOnlyWhenClosed
    case notInSample(String)

    public var description: String {
        switch self {
        case .noDatabase(let path): "There is no database at \(path); start with `ouderstem init --survey FILE` (or give --db)."
        case .newerDatabase(let path, let steps):
            "\(path) was last used by a newer Ouderstem (schema steps \(steps.joined(separator: ", "))); use that version or newer."
        case .noPeiling: "This database has no peiling yet; start with `ouderstem init --survey FILE`."
        case .unknownPeiling(let name, let choices):
            "There is no peiling '\(name)' in this database; choose one of: \(PeilingNames.list(choices)) (`ouderstem peilingen`)."
        case .choosePeiling(let choices):
            "This database has several open peilingen; choose one with --peiling: \(PeilingNames.list(choices))."
        case .alreadyInitialized(let survey): "This peiling already uses this version of '\(survey)'; start another peiling with --name NAME."
        case .otherSurvey(let existing, let new): "This peiling is of survey '\(existing)', not '\(new)'; start a peiling of another survey with --name NAME."
        case .unknownCode: "No parent in this peiling has that code; check it against the letter."
        case .codeTypo: "That code has a typo (its check character does not match); check it against the letter."
        case .closed: "The peiling is closed; reopen it with `ouderstem reopen` to collect more answers."
        case .alreadyAnswered(let code): "Code \(code) has already been answered; add --replace to replace that response."
        case .notAnswered(let code): "Code \(code) has no response yet to verify; enter it first without --verify."
        case .unknownRespondent(let id): "There is no respondent '\(id)' on the roster."
        case .notInSample(let id): "'\(id)' is not in the current sample; see `ouderstem sample --show`."
        case .rosterForgottenOnlyWhenClosed: "Names can only be forgotten after the peiling is closed; run `ouderstem close` first."
        }
    }
}

extension SurveyDatabase {
    /// Rewrites the file so deleted text (names after `forgetRoster`) is gone from the disk pages too.
    func vacuum() throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
