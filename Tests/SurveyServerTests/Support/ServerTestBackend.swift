import Foundation
import SurveyStore
import Testing

/// The databases a server test can run on: an SQLite file always, PostgreSQL when
/// `OUDERSTEM_TEST_POSTGRES` holds a server's URL (`make postgres`, `make test`; with
/// `OUDERSTEM_REQUIRE_POSTGRES=1` a missing URL fails instead of leaving those cases out).
enum ServerTestBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let url = ProcessInfo.processInfo.environment["OUDERSTEM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let available: [Self] =
        url != nil || ProcessInfo.processInfo.environment["OUDERSTEM_REQUIRE_POSTGRES"] == "1" ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "OUDERSTEM_REQUIRE_POSTGRES=1 but OUDERSTEM_TEST_POSTGRES is not set." }
    }

    /// A new, empty store: a file in `directory`, or a new schema of the test database (`dropSchema`
    /// removes it).
    func newStore(in directory: URL) throws -> (database: SurveyDatabase, schema: String?) {
        switch self {
        case .sqlite:
            return (try SurveyDatabase(path: directory.appendingPathComponent("peiling.sqlite").path, create: true), nil)
        case .postgres:
            guard let url = Self.url else { throw Missing() }
            let schema = "server_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresPool(url: url, maxConnections: 1).execute("CREATE SCHEMA \(unescaped: schema)")
            let pool = try PostgresPool(url: url, schema: schema, maxConnections: 8)
            return (try SurveyDatabase(postgres: pool, address: "test schema \(schema)", create: true), schema)
        }
    }

    static func dropSchema(_ schema: String) {
        guard let url else { return }
        _ = try? PostgresPool(url: url, maxConnections: 1).execute("DROP SCHEMA \(unescaped: schema) CASCADE")
    }
}
