import Logging
import PostgresNIO

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
    let logger: Logger

    /// The rows of `query`. Values are bound, never pasted into the SQL: write `"... WHERE name = \(name)"`.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try Self.plain { try connection.query(query, logger: logger).wait().rows }
    }

    /// Runs `statement`; returns how many rows it inserted, changed or deleted.
    @discardableResult
    public func execute(_ statement: PostgresQuery) throws -> Int {
        try Self.plain { try connection.query(statement, logger: logger).wait().metadata.rows ?? 0 }
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
