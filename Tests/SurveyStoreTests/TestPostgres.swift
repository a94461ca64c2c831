import Foundation
import PostgresNIO
import SurveyStore
import Testing

/// The PostgreSQL server of the tests: the URL in `OUDERSTEM_TEST_POSTGRES`. `make test` starts a throw-away
/// cluster, sets the URL and `OUDERSTEM_REQUIRE_POSTGRES=1`, so that there the PostgreSQL tests fail rather
/// than skip without one. By hand, `make postgres` starts a cluster and prints the URL to export.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["OUDERSTEM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["OUDERSTEM_REQUIRE_POSTGRES"] == "1"
    /// Whether the PostgreSQL tests run: when there is a server, and when they must (then they fail without one).
    static let runs = url != nil || required
    static let skipped: Comment = """
        PostgreSQL tests skipped: OUDERSTEM_TEST_POSTGRES is not set. Run `make postgres` and export the URL it \
        prints, or run `make test`.
        """

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "OUDERSTEM_REQUIRE_POSTGRES=1 but OUDERSTEM_TEST_POSTGRES is not set: the PostgreSQL tests did not run."
        }
    }

    static func requiredURL() throws -> String {
        guard let url else { throw Missing() }
        return url
    }
}

/// A new, empty schema in the test database for one test, so that tests running at once do not see each
/// other's rows; dropped when the test lets go of it.
final class TestSchema: Sendable {
    let url: String
    let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

    init() throws {
        url = try TestPostgres.requiredURL()
        try PostgresPool(url: url, maxConnections: 1).execute("CREATE SCHEMA \(unescaped: name)")
    }

    deinit {
        _ = try? PostgresPool(url: url, maxConnections: 1).execute("DROP SCHEMA \(unescaped: name) CASCADE")
    }

    /// A pool of its own (as a second `serve` instance would have) whose only schema is this one.
    func pool(maxConnections: Int = 4) throws -> PostgresPool {
        try PostgresPool(url: url, schema: name, maxConnections: maxConnections)
    }
}
