import Foundation
import Hummingbird
import HummingbirdTesting
import SurveyCore
import SurveyServer
import SurveyStore

/// A real peiling in a temporary SQLite file (or a PostgreSQL schema): the shipped survey, a small roster
/// with codes and a staff account.
struct TestPeiling {
    let directory: URL
    let database: SurveyDatabase
    /// The PostgreSQL schema of a test on PostgreSQL, dropped by `cleanUp`.
    private let schema: String?
    let survey: Survey
    /// Respondent id -> code (18 characters, no dashes).
    let codes: [String: String]
    static let staffName = "juf-anna"
    static let staffPassword = "geheim-wachtwoord"

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `store` makes the empty store instead of `backend` (a test that needs its own PostgreSQL role).
    init(survey file: String = "behoeften-ouders.yaml", on backend: ServerTestBackend = .sqlite,
         store: ((URL) throws -> (database: SurveyDatabase, schema: String?))? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (database, schema) = try (store ?? backend.newStore)(directory)
        let yaml = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("Surveys/\(file)"), encoding: .utf8)
        survey = try SurveyLoader.load(yaml: yaml, file: file).survey
        try database.initialize(name: "Groep 5 test", survey: survey, yaml: yaml)
        _ = try database.importRoster([
            Respondent(id: "L01", group: "5A", childName: "Amira", language: "ar", tags: ["nt2"]),
            Respondent(id: "L02", group: "5A", childName: "Bram", language: "nl", tags: ["tweeverdieners"]),
            Respondent(id: "L03", group: "5B", childName: "Chloé", language: "nl", tags: ["gescheiden"]),
            Respondent(id: "L04", group: "5B", childName: "Daan", language: "nl"),
            Respondent(id: "L05", group: "5B", childName: "Esra", language: "ar"),
        ])
        codes = Dictionary(uniqueKeysWithValues: try database.invite(["L01", "L02", "L03", "L04", "L05"]).map { ($0.respondent.id, $0.code.value) })
        try database.setStaff(name: Self.staffName, passwordHash: Self.staffHash(Self.staffPassword))
    }

    /// A real bcrypt hash at a low cost: every suite runs at once and their logins share the server's
    /// thread pool with the static files, so full-cost checks could make unrelated requests time out.
    static func staffHash(_ password: String) -> String {
        StaffPasswords.hash(password, cost: 6)
    }

    /// Runs `body` against the server as `ouderstem serve` builds it (routes, connection timeouts), on a
    /// free loopback port, over real HTTP.
    ///
    /// The test client keeps one connection for the whole test and cannot open a new one, and with every
    /// suite running at once a test may leave it idle for longer than the server's 30 s: so the idle
    /// timeout is `idleTimeoutSeconds`, long unless a test is about timeouts.
    func withServer(_ configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0),
                    idleTimeoutSeconds: Double = 600,
                    _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        var configuration = configuration
        configuration.idleTimeoutSeconds = idleTimeoutSeconds
        let app = try await OuderstemServer.application(database: database, configuration: configuration)
        try await app.test(.live) { client in
            try await body(Browser(client: client))
        }
    }

    /// Another handle on the same database with connections of its own, working on the peiling called `name`.
    func open(peiling name: String) throws -> SurveyDatabase {
        guard let schema, let url = ServerTestBackend.url else { return try SurveyDatabase(path: database.path, peiling: name) }
        return try SurveyDatabase(postgres: PostgresPool(url: url, schema: schema, maxConnections: 4), address: database.path, peiling: name)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
        if let schema { ServerTestBackend.dropSchema(schema) }
    }
}
