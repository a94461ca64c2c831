import Foundation
import GRDB
import SurveyCore
import Synchronization

/// The database that holds the peilingen (each with its roster, invitations, sample and responses), as
/// seen through one of them: every method below works on the peiling this handle selects (`PeilingChoice`).
///
/// An SQLite file by default: WAL journal, `synchronous=FULL` (a parent's answer survives a power cut once
/// it is acknowledged), and a busy timeout so that the CLI and the form server can use the same file at the
/// same time. Or a PostgreSQL database (`postgres://...`), shared by several `serve` instances, with
/// `synchronous_commit` on. The store's SQL is written once for both (`StoreSQL`).
public final class SurveyDatabase: Sendable {
    /// The SQLite file's path, or the PostgreSQL address without its password: where the data is, for messages.
    public let path: String
    let backend: StoreBackend
    /// Parsed definitions by content hash: a stored definition never changes, so it is parsed once.
    let parsedDefinitions = Mutex<[String: Survey]>([:])
    /// The peiling asked for by name (`--peiling`), or nil for the only open one.
    public let peilingName: String?
    /// The selected peiling's id once found: a handle keeps its peiling even when another is started later.
    let selectedID = Mutex<Int64?>(nil)

    /// Opens an existing database: a `postgres://` URL, or else the path of an SQLite file. `create` makes
    /// a new one when none exists (PostgreSQL: the store's tables in an existing, empty database).
    /// `peiling` selects a peiling by name; without it the handle works on the only open peiling.
    public convenience init(path: String, create: Bool = false, peiling: String? = nil) throws {
        if PostgresAddress.isURL(path) {
            let address = try PostgresAddress(url: path)
            try self.init(postgres: PostgresPool(url: path), address: address.display, create: create, peiling: peiling)
        } else {
            self.init(backend: .sqlite(try StoreBackend.openSQLite(path: path, create: create)), path: path, peiling: peiling)
        }
    }

    /// Opens the store in the PostgreSQL database of `pool` (its schema, when the pool has one), making its
    /// tables when `create`; `address` names it in messages.
    public convenience init(postgres pool: PostgresPool, address: String, create: Bool = false, peiling: String? = nil) throws {
        try StoreBackend.preparePostgres(pool, address: address, create: create)
        self.init(backend: .postgres(pool), path: address, peiling: peiling)
    }

    private init(backend: StoreBackend, path: String, peiling: String?) {
        self.backend = backend
        self.path = path
        peilingName = peiling
    }

    /// A view on `other`'s pool, fixed on one peiling (`view(ofPeiling:)`).
    init(sharing other: SurveyDatabase, peilingID: Int64) {
        path = other.path
        backend = other.backend
        peilingName = nil
        selectedID.withLock { $0 = peilingID }
    }

    /// A view on `other`'s pool that selects its peiling by name (`view(named:)`).
    init(sharing other: SurveyDatabase, peilingName: String) {
        path = other.path
        backend = other.backend
        self.peilingName = peilingName
    }

    /// Reads in a snapshot.
    public func read<T>(_ body: (any StoreSQL) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.read { try body(SQLiteSQL(db: $0)) }
        case .postgres(let pool): try pool.transaction(.readSnapshot) { try body(PostgresSQL(session: $0)) }
        }
    }

    /// A read of one statement (`body` runs one, or one more to find the peiling the first time): on
    /// PostgreSQL without the `BEGIN` and `COMMIT` of `read`, since a single statement sees one snapshot of
    /// its own, and through a statement prepared once per connection. A parent's request makes several such
    /// reads; each transaction around one cost PostgreSQL two statements more, and planning each anew
    /// most of its work.
    public func readOne<T>(_ body: (any StoreSQL) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.read { try body(SQLiteSQL(db: $0)) }
        case .postgres(let pool): try pool.withSession { try body(PostgresSQL(session: $0, prepares: true)) }
        }
    }

    /// Writes in one transaction: all of it or nothing. On PostgreSQL `body` may run again when another
    /// transaction won a race with it (`PostgresPool.transaction`), so it must not change anything outside
    /// the database before it returns.
    public func write<T>(_ body: (any StoreSQL) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.write { try body(SQLiteSQL(db: $0)) }
        case .postgres(let pool): try pool.transaction(.write) { try body(PostgresSQL(session: $0)) }
        }
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
    case sqliteOnly(SQLiteOnlyWork, database: String)
    case copyTargetNotEmpty(String)
    case copyIncomplete(table: String, source: Int, target: Int)

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
        case .sqliteOnly(let work, let database):
            "\(work.english) works on an SQLite file only; \(database) is a PostgreSQL database (use its own tools, e.g. pg_dump)."
        case .copyTargetNotEmpty(let target):
            "\(target) already holds peilingen or staff accounts; copy into a new, empty database."
        case .copyIncomplete(let table, let source, let target):
            "The copy of table \(table) has \(target) rows instead of \(source); nothing was copied."
        case .rosterForgottenOnlyWhenClosed: "Names can only be forgotten after the peiling is closed; run `ouderstem close` first."
        }
    }
}

extension SurveyDatabase {
    /// Rewrites the file so deleted text (names after `forgetRoster`) is gone from the disk pages too.
    /// On PostgreSQL nothing: its autovacuum reclaims the space, and the database's own backups are its business.
    func vacuum() throws {
        guard case .sqlite(let pool) = backend else { return }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

/// What only an SQLite store can do: GRDB's online backup and the file's own copy of the form server's
/// state (a PostgreSQL store keeps that in `PostgresServerState`).
public enum SQLiteOnlyWork: Sendable, Equatable {
    case backup
    case restore
    case serverState

    public var english: String {
        switch self {
        case .backup: "A backup"
        case .restore: "Restoring a backup"
        case .serverState: "The form server's state in the store"
        }
    }

    public var dutch: String {
        switch self {
        case .backup: "Een reservekopie"
        case .restore: "Een reservekopie terugzetten"
        case .serverState: "De toestand van de formulierserver in de opslag"
        }
    }
}
