import Foundation
import SurveyStore
import Testing

/// The database the real binary runs on in a test: the SQLite file in the CLI's folder always, or a
/// PostgreSQL database of its own (through `OUDERSTEM_DATABASE`) when `OUDERSTEM_TEST_POSTGRES` holds a
/// server's URL (`make postgres`, `make test`).
enum CLIBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let serverURL = ProcessInfo.processInfo.environment["OUDERSTEM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresRuns = serverURL != nil || ProcessInfo.processInfo.environment["OUDERSTEM_REQUIRE_POSTGRES"] == "1"
    static let available: [Self] = postgresRuns ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }
}

/// A new, empty database on the test server; dropped when the last CLI holding it goes.
final class CLITestDatabase: Sendable {
    let server: String
    let name = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    /// The server's URL with this database in place of the test database.
    var url: String { String(server[..<(server.lastIndex(of: "/") ?? server.endIndex)]) + "/" + name }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "OUDERSTEM_REQUIRE_POSTGRES=1 but OUDERSTEM_TEST_POSTGRES is not set." }
    }

    init() throws {
        guard let server = CLIBackend.serverURL else { throw Missing() }
        self.server = server
        try PostgresPool(url: server, maxConnections: 1).execute("CREATE DATABASE \(unescaped: name)")
    }

    deinit {
        _ = try? PostgresPool(url: server, maxConnections: 1).execute("DROP DATABASE \(unescaped: name) WITH (FORCE)")
    }
}

extension CLI {
    /// A fresh folder whose commands use `backend`: the file `ouderstem.sqlite` in it, or a new PostgreSQL database.
    init(on backend: CLIBackend) throws {
        try self.init()
        if backend == .postgres {
            let database = try CLITestDatabase()
            postgres = database
            variables["OUDERSTEM_DATABASE"] = database.url
        }
    }

    /// The database this CLI's commands use, opened by the test itself.
    func database() throws -> SurveyDatabase {
        try SurveyDatabase(path: variables["OUDERSTEM_DATABASE"] ?? path("ouderstem.sqlite"))
    }
}
