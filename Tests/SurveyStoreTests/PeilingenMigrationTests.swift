import Foundation
import GRDB
import SurveyStore
import Testing

/// `v5-peilingen` on a database made by the release before it. The fixture
/// `Fixtures/peiling-before-peilingen.sqlite` was made with the debug build of commit 2c8216c (`swift build
/// --product ouderstem`): `init --survey Surveys/behoeften-ouders.yaml --name "Groep 5 (v4)" --school "Basisschool
/// De Regenboog"`, `roster import Surveys/demo/roster-groep5.csv`, `sample --size 8 --seed 2026 --reserve 4`,
/// `invite --base-url http://localhost:8080`, `demo simulate --count 5 --seed 3`, `staff add juf-anna`; then
/// `sqlite3 FILE "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;"` so it is one file.
@Suite struct PeilingenMigrationTests {
    /// Row counts of the fixture's tables, read without migrating.
    static func counts(_ path: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var counts: [String: Int] = [:]
            for table in ["respondent", "invitation", "sample", "response", "answer", "staff"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
            }
            return counts
        }
    }

    @Test func aDatabaseOfTheLastReleaseBecomesOnePeilingWithNothingLost() throws {
        let path = try copyOfFixture("peiling-before-peilingen")
        let before = try Self.counts(path)
        #expect(before["response"] == 5 && before["invitation"] == 30, "the fixture is the file described above")
        let codesBefore = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT code FROM invitation ORDER BY code") }

        let database = try SurveyDatabase(path: path)
        #expect(try Self.counts(path) == before, "every row is still there")
        let list = try database.peilingen()
        #expect(list.map(\.name) == ["Groep 5 (v4)"])
        #expect(list.map(\.school) == ["Basisschool De Regenboog"], "the school comes from the settings")
        #expect(list.map(\.closed) == [false])
        #expect(list.map(\.rosterSize) == [30])
        #expect(list.map(\.responses) == [5])
        // The one peiling is the default: no --peiling needed, and everything is reachable through it.
        #expect(try database.respondents().count == 30)
        #expect(try database.sample()?.sample.members.count == 8)
        #expect(try database.invitationCodes().values.map(\.value).sorted() == codesBefore)
        let someCode = try #require(codesBefore.first)
        #expect(try database.respondent(forCode: someCode).code.value == someCode)
        var answered = 0
        try database.forEachResponse { answered += $0.answers.isEmpty ? 0 : 1 }
        #expect(answered == 5)
        #expect(try database.settings().school == "Basisschool De Regenboog")
        #expect(try database.staffMembers().map(\.name) == ["juf-anna"])
        let problems = try database.read { try $0.rows("PRAGMA foreign_key_check") }
        #expect(problems.isEmpty)
    }

    @Test func theMigratedFileTakesASecondSchool() throws {
        let path = try copyOfFixture("peiling-before-peilingen")
        _ = try SurveyDatabase(path: path)
        let first = try SurveyDatabase(path: path, peiling: "Groep 5 (v4)")
        let survey = try first.currentSurvey()
        let yaml = try first.read { try $0.value("SELECT yaml FROM definition") } ?? ""
        let second = try SurveyDatabase(path: path, peiling: "De Klimop groep 3")
        try second.initialize(name: "De Klimop groep 3", survey: survey, yaml: yaml)
        // The same roster ids ("L01" ...) in the second school; codes new and unique across the file.
        try second.importRoster(try first.respondents())
        let codes = try second.invite(try second.respondents().map(\.id))
        #expect(codes.count == 30)
        #expect(Set(codes.map(\.code.value)).isDisjoint(with: try first.invitationCodes().values.map(\.value)))
        #expect(try first.status().responses == 5)
        #expect(try second.status().responses == 0)
    }
}
