import Foundation
import SurveyCore
import SurveyStore
import Testing

/// `copyAll`: an SQLite file moved into an empty PostgreSQL store (`ouderstem migrate --to`) reads the same
/// there, keeps its ids and codes, and goes on from there.
@Suite("Copy into PostgreSQL")
struct StoreCopyTests {
    /// Two schools with everything a peiling gathers: settings, roster, codes, a sample with a decline,
    /// complete, unfinished and anonymous responses, a staff account with a scope, a report with names.
    static func fullFile() throws -> (store: TempStore, klimop: SurveyDatabase) {
        let store = try TempStore()
        try store.db.applySettings(SettingsChange(school: "De Regenboog", deadline: "18-12-2026"))
        try store.db.importRoster(TempStore.roster)
        _ = try store.db.invite(TempStore.roster.map(\.id))
        try store.db.saveSample(Sample(seed: 7, members: ["Sara El Amrani", "Tim de Vries"], reserve: ["Ola Kowalska"], covered: ["nt2"]))
        _ = try store.db.decline("Sara El Amrani")
        try store.db.save(NewResponse(respondentID: "Tim de Vries", method: .oralInterpreter, language: "nl", interpreter: .professional,
                                      enteredBy: "meester Karim", answers: answers(("uren", .number(12.5), nil), ("wens", .text("meer uitleg"), nil),
                                                                                   ("ouders", .choice("een-ouder"), nil))))
        try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .digital, language: "nl", answers: answers(("uren", .number(3), nil)),
                                      complete: false))
        try store.db.save(NewResponse(respondentID: nil, submissionKey: "kiosk-1", method: .digitalAtSchool, language: "nl",
                                      answers: answers(("wens", .text("koffie"), nil))))
        let klimop = try store.open(peiling: "Klimop groep 3")
        try klimop.initialize(name: "Klimop groep 3", survey: store.survey, yaml: storeSurveyYAML)
        try klimop.applySettings(SettingsChange(school: "De Klimop"))
        try klimop.importRoster(Array(TempStore.roster.prefix(2)))
        try klimop.setClosed(true)
        let klimopID = try #require(try klimop.peiling().id)
        try store.db.setStaff(name: "juf-anna", passwordHash: "not-a-real-hash",
                              scope: StaffScope(role: .teacher, school: "De Klimop", peilingIDs: [klimopID]))
        try store.db.recordNamesReport(["/tmp/regenboog-met-namen.xlsx"])
        return (store, klimop)
    }

    /// Every response of `database` as a reader sees it, times to the millisecond (SQLite keeps no finer).
    static func responses(_ database: SurveyDatabase) throws -> [StoredResponse] {
        var all: [StoredResponse] = []
        try database.forEachResponse(includeIncomplete: true) { response in
            var response = response
            response.createdAt = Date(timeIntervalSince1970: (response.createdAt.timeIntervalSince1970 * 1000).rounded() / 1000)
            response.updatedAt = Date(timeIntervalSince1970: (response.updatedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
            all.append(response)
        }
        return all
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aFileCopiedIntoPostgreSQLReadsTheSameThere() throws {
        let (file, klimop) = try Self.fullFile()
        let server = try TempStore(on: .postgres, initialize: false)
        let counts = try file.db.copyAll(to: server.db)
        #expect(counts.first { $0.table == "response" }?.rows == 3)
        #expect(counts.first { $0.table == "peiling" }?.rows == 2)

        let regenboog = try server.open(peiling: "Groep 5 najaar")
        let klimopThere = try server.open(peiling: "Klimop groep 3")
        #expect(try server.open().peilingen() == file.db.peilingen())
        #expect(try regenboog.settings() == file.db.settings())
        #expect(try regenboog.respondents() == file.db.respondents())
        #expect(try regenboog.invitationCodes() == file.db.invitationCodes(), "every letter's code opens the same form")
        #expect(try regenboog.sample() == file.db.sample())
        #expect(try Self.responses(regenboog) == Self.responses(file.db))
        #expect(try regenboog.status().missing == file.db.status().missing)
        #expect(try klimopThere.peiling() == klimop.peiling())
        #expect(try server.open().staffMembers() == file.db.staffMembers())
        #expect(try regenboog.namesReports() == file.db.namesReports())

        // It goes on from there: a new response takes a new id, not a copied one.
        try regenboog.save(NewResponse(respondentID: "Ola Kowalska", method: .digital, language: "pl", answers: [:]))
        let ids = try Self.responses(regenboog).map(\.id)
        #expect(Set(ids).count == 4)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aDatabaseThatHoldsPeilingenIsNotCopiedInto() throws {
        let (file, _) = try Self.fullFile()
        let server = try TempStore(on: .postgres)
        let before = try server.db.peilingen()
        expectStoreError(.copyTargetNotEmpty(server.db.path)) { try file.db.copyAll(to: server.db) }
        #expect(try server.db.peilingen() == before, "nothing was added")
        #expect(try server.db.respondents().isEmpty)
    }

    /// More rows than one `INSERT` carries (500 responses, 1,142 answers per statement): every row arrives once,
    /// in the batches' seams too.
    @Test(arguments: TestBackend.available)
    func aCopyLargerThanOneInsertKeepsEveryRow(_ backend: TestBackend) throws {
        let file = try TempStore()
        let saved = file.db.saveAll((0..<1_250).map { n in
            NewResponse(respondentID: nil, submissionKey: "kiosk-\(n)", method: .digitalAtSchool, language: "nl",
                        answers: answers(("uren", .number(Double(n)), nil), ("wens", .text("wens \(n)"), nil)))
        })
        #expect(saved.allSatisfy { (try? $0.get()) != nil })
        let target = try TempStore(on: backend, initialize: false)
        let counts = try file.db.copyAll(to: target.db)
        #expect(counts.first { $0.table == "response" }?.rows == 1_250)
        #expect(counts.first { $0.table == "answer" }?.rows == 2_500)
        #expect(try Self.responses(target.open(peiling: "Groep 5 najaar")) == Self.responses(file.db))
    }
}
