import Dispatch
import Logging
import NIOPosix
import PostgresNIO
import Synchronization

/// A few connections to one PostgreSQL database, shared by the threads of a process: the synchronous
/// counterpart of GRDB's `DatabasePool` for the PostgreSQL store.
///
/// Every connection runs with `synchronous_commit = on`, checked when it opens: a commit is acknowledged
/// only once it is on disk, as the store promises for a parent's answer. `schema` (a plain lower-case
/// name), when given, is the only schema on the search path, so that one database can hold several stores
/// apart (the tests use that).
public final class PostgresPool: Sendable {
    private let address: PostgresAddress
    private let idle = Mutex<[Pooled]>([])
    /// Counts the connections that may still be lent: a caller waits here when all of them are in use.
    private let capacity: DispatchSemaphore
    private let opened = Atomic<Int>(0)
    /// How many connections it opens at most (each only when needed).
    public let maxConnections: Int
    private let logger = Logger(label: "ouderstem.postgres")

    public init(url: String, schema: String? = nil, maxConnections: Int = 8) throws {
        var address = try PostgresAddress(url: url)
        // Settings sent when a connection starts, so they hold before its first statement.
        address.configuration.options.additionalStartupParameters =
            [("synchronous_commit", "on")] + (schema.map { [("search_path", $0)] } ?? [])
        self.address = address
        self.maxConnections = maxConnections
        capacity = DispatchSemaphore(value: maxConnections)
    }

    /// A connection with the watch that fails its statements when it closes.
    private struct Pooled: Sendable {
        let connection: PostgresConnection
        let watch: ConnectionWatch
        let statements = PreparedStatements()

        func session(_ logger: Logger) -> PostgresSession {
            PostgresSession(connection: connection, watch: watch, statements: statements, logger: logger)
        }
    }

    deinit {
        for pooled in idle.withLock({ $0 }) { Self.close(pooled.connection) }
    }

    /// Lends one connection to `body`, opening one when none is idle. Do not call it again inside `body`:
    /// with every connection lent, the inner call would wait for the outer one forever.
    public func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        capacity.wait()
        defer { capacity.signal() }
        let pooled = try idle.withLock { Self.firstOpen(&$0) } ?? open()
        defer { if !pooled.connection.isClosed { idle.withLock { $0.append(pooled) } } }
        return try body(pooled.session(logger))
    }

    /// An idle connection the server has not closed meanwhile (it restarted, or ended it): a closed one would
    /// fail the request it was lent to, once per idle connection after every restart of PostgreSQL.
    private static func firstOpen(_ idle: inout [Pooled]) -> Pooled? {
        while let pooled = idle.popLast() {
            if !pooled.connection.isClosed { return pooled }
        }
        return nil
    }

    /// The rows of `query`, on any connection.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try withSession { try $0.query(query) }
    }

    /// Runs `statement` on any connection; returns how many rows it inserted, changed or deleted.
    @discardableResult
    public func execute(_ statement: PostgresQuery) throws -> Int {
        try withSession { try $0.execute(statement) }
    }

    /// The value of a server setting on the store's connections, e.g. `synchronous_commit`.
    public func setting(_ name: String) throws -> String {
        try withSession { try Self.setting(name, on: $0) }
    }

    private func open() throws -> Pooled {
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: address.configuration,
                                                        id: opened.add(1, ordering: .relaxed).newValue, logger: logger).wait()
        } catch let error as PSQLError {
            throw PostgresStoreError.unreachable(address: address.display,
                                                 reason: error.serverInfo?[.message] ?? "\(error.code)")
        }
        do {
            let pooled = Pooled(connection: connection, watch: ConnectionWatch(connection))
            let durability = try Self.setting("synchronous_commit", on: pooled.session(logger))
            guard durability == "on" else { throw PostgresStoreError.commitsNotDurable(setting: durability) }
            return pooled
        } catch {
            Self.close(connection)
            throw error
        }
    }

    /// Closes without waiting (a pool may go on any thread). The connection is kept until it has closed:
    /// PostgresNIO asserts that a connection is closed when it goes.
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private static func setting(_ name: String, on session: PostgresSession) throws -> String {
        try session.query("SELECT current_setting(\(name))").first?.decode(String.self) ?? ""
    }
}
