import Foundation
import PostgresNIO
import SurveyStore
import Testing

/// The PostgreSQL connection layer under the PostgreSQL store: durable commits, transactions, migrations.
@Suite struct PostgresPoolTests {
    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func commitsAreDurableEvenWhereTheServerSaysOtherwise() throws {
        // A database whose default is synchronous_commit = off: the store's connections still say on.
        let url = try TestPostgres.requiredURL()
        let admin = try PostgresPool(url: url, maxConnections: 1)
        let database = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try admin.execute("CREATE DATABASE \(unescaped: database)")
        defer { _ = try? admin.execute("DROP DATABASE \(unescaped: database) WITH (FORCE)") }
        try admin.execute("ALTER DATABASE \(unescaped: database) SET synchronous_commit = off")
        let lax = url.replacingOccurrences(of: #"/[^/]*$"#, with: "/\(database)", options: .regularExpression)
        #expect(try PostgresPool(url: lax).query("SELECT current_setting('synchronous_commit')").first?.decode(String.self)
                == "on")
        #expect(try PostgresPool(url: lax).setting("synchronous_commit") == "on")
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aConnectionTheServerEndedIsNotLentAgain() throws {
        // What a restart of PostgreSQL does to every idle connection of a running `serve`: the next request
        // must get a new connection, not fail on the dead one.
        let pool = try PostgresPool(url: TestPostgres.requiredURL(), maxConnections: 2)
        let pid = try #require(try pool.query("SELECT pg_backend_pid()").first?.decode(Int32.self))
        let admin = try PostgresPool(url: TestPostgres.requiredURL(), maxConnections: 1)
        #expect(try admin.query("SELECT pg_terminate_backend(\(pid))").first?.decode(Bool.self) == true)
        // The end reaches the client over loopback at once; give its event loop a moment to see it.
        Thread.sleep(forTimeInterval: 0.5)
        let next = try pool.query("SELECT pg_backend_pid()").first?.decode(Int32.self)
        #expect(next != nil && next != pid)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aStatementWhoseConnectionTheServerEndsFails() throws {
        // PostgreSQL stopped or crashed while a parent's save was running: the save fails (the parent is not
        // told it was saved) instead of waiting forever, and the pool goes on with a new connection.
        let pool = try PostgresPool(url: TestPostgres.requiredURL(), maxConnections: 1)
        let pid = try #require(try pool.query("SELECT pg_backend_pid()").first?.decode(Int32.self))
        let admin = try PostgresPool(url: TestPostgres.requiredURL(), maxConnections: 1)
        let ending = Thread {
            Thread.sleep(forTimeInterval: 0.5)
            _ = try? admin.query("SELECT pg_terminate_backend(\(pid))")
        }
        ending.start()
        #expect(throws: PostgresStoreError.self) { try pool.query("SELECT pg_sleep(30)") }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try pool.query("SELECT pg_backend_pid()").first?.decode(Int32.self) != pid)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aTransactionIsAllOrNothing() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }  // the schema goes with it
        let pool = try schema.pool()
        try pool.execute("CREATE TABLE answer (id integer PRIMARY KEY)")
        struct ParentLeft: Error {}
        #expect(throws: ParentLeft.self) {
            try pool.transaction { session in
                try session.execute("INSERT INTO answer VALUES (1)")
                throw ParentLeft()
            }
        }
        try pool.transaction { session in
            try session.execute("INSERT INTO answer VALUES (2)")
            try session.execute("INSERT INTO answer VALUES (3)")
        }
        #expect(try pool.query("SELECT id FROM answer ORDER BY id").map { try $0.decode(Int.self) } == [2, 3])
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aCommitThatPostgresTurnsIntoARollbackIsAnError() throws {
        // A batch of saves goes on after one save failed, and its savepoints are sent without waiting. Should
        // a failure ever leave the transaction spoilt, PostgreSQL answers COMMIT with ROLLBACK and no error:
        // the other saves of the batch must not be told they were saved.
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        let pool = try schema.pool()
        try pool.execute("CREATE TABLE answer (id integer PRIMARY KEY)")
        #expect(throws: PostgresStoreError.rolledBack) {
            try pool.transaction { session in
                try session.execute("INSERT INTO answer VALUES (1)")
                _ = try? session.execute("INSERT INTO answer VALUES (1)")  // fails; the body goes on
            }
        }
        #expect(try pool.query("SELECT count(*) FROM answer").first?.decode(Int.self) == 0)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aSerializableTransactionThatLostRunsAgain() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        try schema.pool().execute("CREATE TABLE counter (n integer NOT NULL)")
        try schema.pool().execute("INSERT INTO counter VALUES (0)")
        // 40 increments from four threads, read and written back under SERIALIZABLE: PostgreSQL ends the
        // losers with a serialization failure, and each must run again rather than fail or count twice.
        try onThreads(4) { _ in
            let pool = try schema.pool(maxConnections: 1)
            for _ in 0..<10 {
                try pool.transaction { session in
                    try session.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
                    let n = try session.query("SELECT n FROM counter").first?.decode(Int.self) ?? 0
                    try session.execute("UPDATE counter SET n = \(n + 1)")
                }
            }
        }
        #expect(try schema.pool().query("SELECT n FROM counter").first?.decode(Int.self) == 40)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func instancesStartingAtOnceMigrateOnce() throws {
        let schema = try TestSchema()
        try onThreads(4) { _ in try schema.pool(maxConnections: 1).migrate(PostgresMigration.all) }
        let pool = try schema.pool()
        #expect(try pool.query("SELECT name FROM schema_migration").map { try $0.decode(String.self) }
                == PostgresMigration.all.map(\.name))
        let tables = try pool.query("""
            SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(schema.name) ORDER BY 1
            """).map { try $0.decode(String.self) }
        #expect(tables == ["answer", "attempt_bucket", "definition", "invitation", "kiosk_session", "names_report", "peiling",
                           "peiling_settings", "respondent", "response", "sample", "schema_migration", "server_secret", "staff",
                           "staff_peiling", "staff_session"])
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aDatabaseOfANewerVersionIsRefused() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }  // the schema goes with it
        let pool = try schema.pool()
        try pool.migrate(PostgresMigration.all)
        try pool.execute("INSERT INTO schema_migration (name) VALUES ('v9-from-the-future')")
        #expect(throws: PostgresStoreError.newerSchema(unknownMigrations: ["v9-from-the-future"])) {
            try pool.migrate(PostgresMigration.all)
        }
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        // Port 1 on the loopback: nothing listens there.
        let pool = try PostgresPool(url: "postgres://ouderstem:geheim@127.0.0.1:1/ouderstem")
        let error = try #require(throws: PostgresStoreError.self) { try pool.execute("SELECT 1") }
        #expect("\(error)".contains("ouderstem@127.0.0.1:1/ouderstem"))
        #expect(!"\(error)".contains("geheim"))
    }

    @Test func aURLThatIsNotPostgresSaysHowToWriteOne() {
        #expect(throws: PostgresStoreError.badURL("mysql://root@localhost/ouderstem")) {
            try PostgresPool(url: "mysql://root@localhost/ouderstem")
        }
    }
}
