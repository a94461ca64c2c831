import Foundation
import SurveyCore
import SurveyStore
import Testing

/// One database for a school board: De Regenboog with two peilingen ("Groep 5 test" of `TestPeiling` and
/// "Regenboog groep 7"), De Klimop with one ("Klimop groep 3"), each with the same roster ids "L01" ... and
/// codes of its own, and an account per role. `juf-anna` is the account every peiling had before scopes.
struct TwoSchools {
    let peiling: TestPeiling
    /// Peiling name -> its handle, its id in the addresses, and respondent id -> code.
    let handles: [String: SurveyDatabase]
    let ids: [String: Int64]
    let codes: [String: [String: String]]

    static let groep5 = "Groep 5 test", groep7 = "Regenboog groep 7", klimop = "Klimop groep 3"
    /// A teacher of De Regenboog limited to Groep 5, the coordinator of De Regenboog, and the board.
    static let teacher = "juf-els", coordinator = "ib-kees", board = "bestuur"

    init(on backend: ServerTestBackend = .sqlite) throws {
        peiling = try TestPeiling(on: backend)
        let yaml = try String(contentsOf: TestPeiling.repositoryRoot.appendingPathComponent("Surveys/behoeften-ouders.yaml"), encoding: .utf8)
        try peiling.database.applySettings(SettingsChange(school: "De Regenboog"))
        var handles = [Self.groep5: peiling.database]
        var codes = [Self.groep5: peiling.codes]
        for (name, school) in [(Self.groep7, "De Regenboog"), (Self.klimop, "De Klimop")] {
            let handle = try peiling.open(peiling: name)
            try handle.initialize(name: name, survey: peiling.survey, yaml: yaml)
            try handle.applySettings(SettingsChange(school: school))
            _ = try handle.importRoster(try peiling.database.respondents())
            codes[name] = Dictionary(uniqueKeysWithValues: try handle.invite(["L01", "L02"]).map { ($0.respondent.id, $0.code.value) })
            handles[name] = handle
        }
        self.handles = handles
        self.codes = codes
        ids = Dictionary(uniqueKeysWithValues: try peiling.database.peilingen().map { ($0.name, $0.id) })
        let database = peiling.database
        let hash = TestPeiling.staffHash(TestPeiling.staffPassword)
        try database.setStaff(name: Self.teacher, passwordHash: hash,
                              scope: database.staffScope(role: .teacher, school: "De Regenboog", peilingen: [Self.groep5]))
        try database.setStaff(name: Self.coordinator, passwordHash: hash,
                              scope: database.staffScope(role: .coordinator, school: "De Regenboog", peilingen: []))
        try database.setStaff(name: Self.board, passwordHash: hash, scope: .wholeFile)
    }

    /// `/staff/p/ID` of the peiling called `name`.
    func base(_ name: String) -> String { "/staff/p/\(ids[name]!)" }
}

extension Browser {
    /// Logs the staff member `name` in (every test account has `TestPeiling.staffPassword`) and returns the
    /// page `/staff` shows them.
    func logIn(as name: String) async throws -> Page {
        let login = try await get("/staff/login")
        let csrf = try #require(login.inputValue("csrf"))
        let response = try await post("/staff/login", [("csrf", csrf), ("name", name), ("password", TestPeiling.staffPassword)])
        #expect(response.status == .seeOther)
        return try await follow(response)
    }
}
