import PostgresNIO
@testable import SurveyStore
import Testing

/// Reads on their own (`SurveyDatabase.readOne`) run through statements prepared once per connection, and
/// give what the unnamed path gives, also for NULL, for a type only the unnamed path reads, and when a
/// table changed under a prepared statement.
@Suite struct PreparedStatementsTests {
    /// One connection, so that every read below meets the statements the ones before it prepared.
    private func prepared(_ schema: TestSchema) throws -> PostgresPool {
        let pool = try schema.pool(maxConnections: 1)
        try pool.execute("CREATE TABLE respondent (id text PRIMARY KEY, group_name text NOT NULL, size bigint)")
        try pool.execute("INSERT INTO respondent VALUES ('P1', '3A', 2), ('P2', '3B', NULL)")
        return pool
    }

    private func read(_ pool: PostgresPool, _ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        try pool.withSession { try PostgresSQL(session: $0, prepares: true).rows(sql, arguments) }
    }

    /// How many times the connection ran `sql` as a prepared statement (0: never prepared, or never run so).
    private func preparedRuns(_ pool: PostgresPool, _ sql: String) throws -> Int {
        try pool.withSession { session in
            try session.query("""
                SELECT COALESCE(sum(generic_plans + custom_plans), 0)::int8 FROM pg_prepared_statements WHERE statement = \(sql)
                """).first?.decode(Int.self) ?? -1
        }
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aReadIsPreparedOnceAndGivesItsRows() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        let pool = try prepared(schema)
        let sql = "SELECT group_name, size FROM respondent WHERE id = ? AND size >= ?"
        #expect(try read(pool, sql, ["P1", 1]).map { try $0["group_name"] as String } == ["3A"])
        #expect(try read(pool, sql, ["P1", 3]).isEmpty)
        #expect(try read(pool, sql, ["P2", 0]).isEmpty)  // NULL size
        #expect(try preparedRuns(pool, SQLParameters.numbered(sql, types: ["text", "int8"])) == 3)
        // Values of every kind, each cast to its own type in the statement, NULL to none.
        let kindsSQL = "SELECT ? = 'x' AS same, ? + 1 AS next, NOT ? AS flag, ? * 2::float8 AS double, COALESCE(? + 1, 7) AS none"
        let kinds = try #require(try read(pool, kindsSQL, ["x", Int64(41), true, 1.25, Int64?.none]).first)
        #expect(try kinds["same"] as Bool == true)
        #expect(try kinds["next"] as Int64 == 42)
        #expect(try kinds["flag"] as Bool == false)
        #expect(try kinds["double"] as Double == 2.5)
        #expect(try kinds["none"] as Int64 == 7)
        #expect(try preparedRuns(pool, SQLParameters.numbered(kindsSQL, types: ["text", "int8", "bool", "float8", nil])) == 1)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aNullAndAValueInTheSamePlaceAreBothRight() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        let pool = try prepared(schema)
        let sql = "SELECT count(*) AS n FROM respondent WHERE size = ?"
        #expect(try read(pool, sql, [Int64(2)]).first.map { try $0["n"] as Int64 } == 1)
        #expect(try read(pool, sql, [Int64?.none]).first.map { try $0["n"] as Int64 } == 0)  // = NULL is never true
        // `$1::int8` for a value, `$1` for NULL (which fits any type): two statements.
        #expect(try preparedRuns(pool, SQLParameters.numbered(sql, types: ["int8"])) == 1)
        #expect(try preparedRuns(pool, SQLParameters.numbered(sql)) == 1)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aColumnOfATypeReadOnlyThroughDecodingRunsUnnamed() throws {
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        let pool = try prepared(schema)
        let sql = "SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS token FROM respondent WHERE id = ?"
        for _ in 0..<2 {
            #expect(try read(pool, sql, ["P1"]).first.map { try $0["token"] as String } == "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")
        }
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aTableThatChangedUnderAPreparedReadIsReadAgain() throws {
        // A newer instance migrated the table while this one runs: "cached plan must not change result type".
        let schema = try TestSchema()
        defer { withExtendedLifetime(schema) {} }
        let pool = try prepared(schema)
        let sql = "SELECT * FROM respondent WHERE id = ?"
        #expect(try read(pool, sql, ["P1"]).first?.columns.count == 3)
        try pool.execute("ALTER TABLE respondent ADD COLUMN language text NOT NULL DEFAULT 'nl'")
        #expect(try read(pool, sql, ["P1"]).first.map { try $0["language"] as String } == "nl")
        #expect(try read(pool, sql, ["P1"]).first?.columns.count == 4)
    }
}
