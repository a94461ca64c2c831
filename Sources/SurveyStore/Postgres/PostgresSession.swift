import Logging
import PostgresNIO
import Synchronization

/// One connection of a `PostgresPool`, lent to one caller at a time: its statements run one after the other
/// on the same connection, which is what a transaction needs.
///
/// Synchronous like the rest of the store: a call sends the statement and waits (`EventLoopFuture.wait()`)
/// for PostgresNIO's event loop to bring the answer. The waiting thread is the caller's (a CLI command, a
/// server handler's task), never an event loop's, so the loop that does the I/O is never the one blocked;
/// bridging through `async` instead would block a thread of the small cooperative pool on a task that needs
/// that same pool.
public struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let watch: ConnectionWatch
    /// The connection's prepared statements (`preparedRows`).
    let statements: PreparedStatements
    let logger: Logger
    /// Statements sent with `send` whose answers nobody has waited for yet.
    private let unanswered = Unanswered()

    private final class Unanswered: Sendable {
        let answers = Mutex<[EventLoopFuture<PostgresQueryResult>]>([])
    }

    init(connection: PostgresConnection, watch: ConnectionWatch, statements: PreparedStatements, logger: Logger) {
        self.connection = connection
        self.watch = watch
        self.statements = statements
        self.logger = logger
    }

    /// The rows of `query`. Values are bound, never pasted into the SQL: write `"... WHERE name = \(name)"`.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try Self.plain { try answer(to: query).rows }
    }

    /// Runs `statement`; returns how many rows it inserted, changed or deleted.
    @discardableResult
    public func execute(_ statement: PostgresQuery) throws -> Int {
        try Self.plain { try answer(to: statement).metadata.rows ?? 0 }
    }

    /// Sends `statement` without waiting for it: its answer is checked before the next statement's (an error
    /// of a `BEGIN` is thrown there). PostgresNIO runs a connection's statements in the
    /// order they were sent, so a `BEGIN` sent this way still comes first, and the caller's thread is woken
    /// once for the two instead of twice: a transaction that reads one row (most of a form server's work)
    /// waits for one answer, not three.
    func send(_ statement: PostgresQuery) {
        let answer = watch.watch(connection.query(statement, logger: logger))
        unanswered.answers.withLock { $0.append(answer) }
    }

    private func answer(to statement: PostgresQuery) throws -> PostgresQueryResult {
        let answer = watch.watch(connection.query(statement, logger: logger))
        try waitForUnanswered()
        return try answer.wait()
    }

    /// Waits for the statements sent with `send` and throws the first error among them.
    private func waitForUnanswered() throws {
        let sent = unanswered.answers.withLock { sent in
            defer { sent.removeAll() }
            return sent
        }
        var failure: (any Error)?
        for answer in sent {
            do { _ = try answer.wait() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// Commits the open transaction. PostgreSQL answers a `COMMIT` of a transaction in which a statement
    /// failed with a plain `ROLLBACK`, not an error; a failure sent with `send` and not waited for yet
    /// would then pass for a commit, so the answer's tag is checked.
    func commit() throws {
        let tag = try Self.plain { try answer(to: "COMMIT").metadata.command }
        guard tag == "COMMIT" else { throw PostgresStoreError.rolledBack }
    }

    /// Ends the open transaction without its changes. A connection that cannot even do that is closed, so
    /// that the pool never lends it again halfway through a transaction.
    func rollBack() {
        do {
            try execute("ROLLBACK")
        } catch {
            try? connection.close().wait()
        }
    }

    /// PostgresNIO's error as a `PostgresStoreError` that says what the server said.
    private static func plain<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            throw PostgresStoreError.statementFailed(sqlState: error.serverInfo?[.sqlState],
                                                     message: error.serverInfo?[.message] ?? "\(error.code)")
        }
    }
}
