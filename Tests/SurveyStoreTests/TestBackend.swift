import Foundation
import SurveyStore
import Testing

/// The backends the store tests run on: SQLite always, PostgreSQL when `TestPostgres.runs`. A test written
/// once takes one as its argument (`@Test(arguments: TestBackend.available)`) and runs on each.
enum TestBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let available: [Self] = TestPostgres.runs ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }
}

extension TestBackend {
    /// A new database with two server instances serving the same peiling, and a third serving another one.
    func instances() throws -> ServerStateInstances {
        switch self {
        case .sqlite:
            let store = try TempStore()
            try store.db.setStaff(name: "juf-anna", passwordHash: "not-a-real-hash")  // sessions reference staff
            let other = try SurveyDatabase(path: store.path, peiling: "Klimop groep 3")
            _ = try other.initialize(name: "Klimop groep 3", survey: store.survey, yaml: storeSurveyYAML)
            return ServerStateInstances(a: try SurveyDatabase(path: store.path, peiling: "Groep 5 najaar"),
                                        b: try SurveyDatabase(path: store.path, peiling: "Groep 5 najaar"),
                                        otherPeiling: other, database: store)
        case .postgres:
            let schema = try TestSchema()
            return ServerStateInstances(a: try PostgresServerState(pool: schema.pool(), peilingID: 1),
                                        b: try PostgresServerState(pool: schema.pool(), peilingID: 1),
                                        otherPeiling: try PostgresServerState(pool: schema.pool(), peilingID: 2),
                                        database: schema)
        }
    }
}

/// Server instances on one database, each with connections of its own: what several `serve` processes are.
/// Unchecked: the stores are Sendable, and `database` is only held, never used.
final class ServerStateInstances: @unchecked Sendable {
    let a: any ServerStateStore
    let b: any ServerStateStore
    let otherPeiling: any ServerStateStore
    /// The SQLite file's folder or the PostgreSQL schema, deleted when the instances go.
    private let database: AnyObject

    init(a: any ServerStateStore, b: any ServerStateStore, otherPeiling: any ServerStateStore,
         database: AnyObject) {
        self.a = a
        self.b = b
        self.otherPeiling = otherPeiling
        self.database = database
    }
}
