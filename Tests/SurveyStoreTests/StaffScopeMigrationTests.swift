import Foundation
import GRDB
import SurveyStore
import Testing

/// `v6-staff-scopes` on a file made by the release before it. The fixture `Fixtures/staff-before-scopes.sqlite`
/// was made with the debug build of commit e38c5b8: `init --survey Surveys/behoeften-ouders.yaml --name
/// "Regenboog groep 5" --school "De Regenboog"`, `roster import --peiling "Regenboog groep 5"
/// Surveys/demo/roster-groep5.csv`, the same for "Klimop groep 3" of "De Klimop", `staff add juf-anna`; then
/// `sqlite3 FILE "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;"` so it is one file.
@Suite struct StaffScopeMigrationTests {
    @Test func anAccountFromBeforeScopesStillSeesEveryPeiling() throws {
        let path = try copyOfFixture("staff-before-scopes")
        let database = try SurveyDatabase(path: path)
        let hashBefore = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT password_hash FROM staff") }
        let scope = try #require(try database.staffScope(name: "juf-anna"))
        #expect(scope == .wholeFile)
        #expect(scope.filter(try database.peilingen()).map(\.name) == ["Klimop groep 3", "Regenboog groep 5"])
        #expect(try database.staffPasswordHash(name: "juf-anna") == hashBefore, "she logs in with the same password")
        #expect(try database.staffMembers().map(\.scope.role) == [.board])
    }

    @Test func scopesNarrowToASchoolOrATeachersOwnPeilingen() throws {
        let database = try SurveyDatabase(path: try copyOfFixture("staff-before-scopes"))
        let all = try database.peilingen()
        let coordinator = try #require(try database.staffScope(role: .coordinator, school: "De Klimop", peilingen: []))
        try database.setStaff(name: "ib-kees", passwordHash: "x", scope: coordinator)
        #expect(try database.staffScope(name: "ib-kees")?.filter(all).map(\.name) == ["Klimop groep 3"])
        let teacher = try #require(try database.staffScope(role: nil, school: "De Regenboog", peilingen: ["Regenboog groep 5"]))
        try database.setStaff(name: "juf-anna", passwordHash: "y", scope: teacher)
        let stored = try #require(try database.staffScope(name: "juf-anna"))
        #expect(stored.role == .teacher)
        #expect(stored.filter(all).map(\.name) == ["Regenboog groep 5"])
        #expect(try database.staffMembers().first { $0.name == "juf-anna" }?.peilingNames == ["Regenboog groep 5"])
    }
}
