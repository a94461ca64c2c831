import Foundation
import GRDB
import SurveyStore
import Testing

/// `v4-server-state` on a database made by the version before it. The fixture
/// `Fixtures/peiling-before-server-state.sqlite` was made with the release build of commit c2a3ab5:
/// `init --survey Surveys/behoeften-ouders.yaml --name "Groep 5 (v3)"`, `roster import
/// Surveys/demo/roster-groep5.csv`, `invite`, `demo simulate --count 5 --seed 3`, `staff add juf-anna`.
@Suite struct ServerStateMigrationTests {
    static let serverTables = ["attempt_bucket", "kiosk_session", "server_secret", "staff_session"]

    static func tables(_ path: String) throws -> Set<String> {
        try DatabaseQueue(path: path).read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
    }

    @Test func aDatabaseOfThePreviousVersionGainsTheServerStateAndKeepsItsData() throws {
        let path = try copyOfFixture("peiling-before-server-state")
        #expect(try Self.tables(path).isDisjoint(with: Self.serverTables), "the fixture is from before the migration")

        let database = try SurveyDatabase(path: path)
        #expect(try Self.tables(path).isSuperset(of: Self.serverTables))
        let migrations = try database.read { try $0.column("SELECT identifier FROM grdb_migrations") as [String] }
        #expect(migrations.contains("v4-server-state"))
        // What was there is still there.
        #expect(try database.peiling().name == "Groep 5 (v3)")
        #expect(try database.respondents().count == 30)
        #expect(try database.status().responses == 5)
        #expect(try database.staffMembers().map(\.name) == ["juf-anna"])
        // And the new tables work: a session of the existing account.
        let hash = TokenHash(of: "a-cookie")
        try database.insertStaffSession(StaffSessionRecord(tokenHash: hash, staffName: "juf-anna", expires: Date().addingTimeInterval(60)))
        #expect(try database.staffSession(hash, at: Date())?.staffName == "juf-anna")
    }

    @Test func openingTheMigratedFileAgainChangesNothing() throws {
        let path = try copyOfFixture("peiling-before-server-state")
        let first = try SurveyDatabase(path: path)
        let secret = try first.serverSecret(named: "csrf-key") { "first" }
        let again = try SurveyDatabase(path: path)
        #expect(try again.serverSecret(named: "csrf-key") { "second" } == secret, "a second opening keeps the stored secret")
        #expect(secret == "first")
    }
}
