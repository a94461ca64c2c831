import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Two schools in one file: each handle sees and changes only its own peiling, and a code names its peiling.
@Suite("Many peilingen")
struct ManyPeilingenStoreTests {
    /// The test file with a second peiling, "De Klimop", beside the fixture's "Groep 5 najaar"; both have the
    /// same roster ids (two schools both have a "Tim de Vries").
    static func twoSchools(on backend: TestBackend = .sqlite) throws -> (store: TempStore, regenboog: SurveyDatabase, klimop: SurveyDatabase) {
        let store = try TempStore(on: backend)
        let regenboog = try store.open(peiling: "Groep 5 najaar")
        try regenboog.applySettings(SettingsChange(school: "De Regenboog"))
        let klimop = try store.open(peiling: "Klimop groep 3")
        #expect(try klimop.initialize(name: "ignored: the handle names it", survey: store.survey, yaml: storeSurveyYAML) == .created)
        try klimop.applySettings(SettingsChange(school: "De Klimop"))
        try regenboog.importRoster(TempStore.roster)
        try klimop.importRoster(Array(TempStore.roster.prefix(2)))
        return (store, regenboog, klimop)
    }

    @Test(arguments: TestBackend.available) func eachPeilingKeepsItsOwnRosterSampleCodesAndResponses(_ backend: TestBackend) throws {
        let (store, regenboog, klimop) = try Self.twoSchools(on: backend)
        defer { withExtendedLifetime(store) {} }  // the folder goes with it
        #expect(try klimop.peiling().name == "Klimop groep 3")
        #expect(try regenboog.respondents().count == 4)
        #expect(try klimop.respondents().map(\.id) == ["Sara El Amrani", "Tim de Vries"])

        _ = try klimop.drawSample(size: 1, seed: 7, cover: nil, reserve: 0)
        #expect(try regenboog.sample() == nil, "a sample drawn in one peiling is not the other's")

        let regenboogCodes = try regenboog.invite(TempStore.roster.map(\.id))
        let klimopCodes = try klimop.invite(["Sara El Amrani", "Tim de Vries"])
        #expect(Set(regenboogCodes.map(\.code.value)).isDisjoint(with: klimopCodes.map(\.code.value)), "codes are unique across the file")
        #expect(try klimop.invitationCodes().count == 2)

        let tim = try #require(klimopCodes.first { $0.respondent.id == "Tim de Vries" }?.code)
        try klimop.save(NewResponse(respondentID: "Tim de Vries", method: .digital, language: "nl",
                                    answers: answers(("wens", .text("Klimop-only wish"), nil))))
        // The same id in the other school has not answered, and Tim's Klimop code opens nothing there.
        #expect(try regenboog.response(of: "Tim de Vries") == nil)
        expectStoreError(.unknownCode) { try regenboog.respondent(forCode: tim.value) }
        #expect(try klimop.respondent(forCode: tim.value).respondent.id == "Tim de Vries")

        var seen: [String] = []
        try regenboog.forEachResponse { seen.append($0.respondentID ?? "") }
        #expect(seen.isEmpty)
        #expect(try regenboog.status().responses == 0)
        #expect(try klimop.status().responses == 1)
        #expect(try regenboog.settings().school == "De Regenboog")
        #expect(try klimop.settings().school == "De Klimop")
    }

    @Test(arguments: TestBackend.available) func withoutANameSeveralOpenPeilingenAreNamedNotGuessed(_ backend: TestBackend) throws {
        let (store, _, klimop) = try Self.twoSchools(on: backend)
        let unnamed = try store.open()
        expectStoreError(.choosePeiling(choices: ["Groep 5 najaar", "Klimop groep 3"])) { try unnamed.respondents() }
        expectStoreError(.unknownPeiling(name: "Klimop", choices: ["Groep 5 najaar", "Klimop groep 3"])) {
            try store.open(peiling: "Klimop").status()
        }
        #expect(StoreError.choosePeiling(choices: ["A", "B"]).description
            == "This database has several open peilingen; choose one with --peiling: 'A', 'B'.")
        // Once one is closed, the only open one is the default again.
        try klimop.setClosed(true)
        #expect(try store.open().peiling().name == "Groep 5 najaar")
    }

    @Test(arguments: TestBackend.available) func theListShowsEveryPeilingWithItsSchoolAndProgress(_ backend: TestBackend) throws {
        let (store, _, klimop) = try Self.twoSchools(on: backend)
        try klimop.save(NewResponse(respondentID: "Sara El Amrani", method: .paperHome, language: "ar", answers: [:]))
        try klimop.setClosed(true)
        let list = try store.open().peilingen()
        #expect(list.map(\.name) == ["Klimop groep 3", "Groep 5 najaar"], "by school: De Klimop before De Regenboog")
        #expect(list.map(\.school) == ["De Klimop", "De Regenboog"])
        #expect(list.map(\.closed) == [true, false])
        #expect(list.map(\.rosterSize) == [2, 4])
        #expect(list.map(\.responses) == [1, 0])
    }

    @Test func aKioskUnlockedForOnePeilingIsLockedForTheOther() throws {
        let (store, regenboog, klimop) = try Self.twoSchools()
        defer { withExtendedLifetime(store) {} }
        let now = Date()
        let hash = TokenHash(of: "kiosk-cookie")
        try regenboog.insertKiosk(KioskRecord(tokenHash: hash, unlockedBy: "juf-anna", method: "digital_at_school",
                                              startTokenHash: TokenHash(of: "start"), visit: nil, lastActivity: now,
                                              expires: now.addingTimeInterval(600)))
        #expect(try regenboog.kiosk(hash, at: now)?.unlockedBy == "juf-anna")
        #expect(try klimop.kiosk(hash, at: now) == nil, "the same cookie on the other school's server opens nothing")
    }

    @Test(arguments: TestBackend.available) func anotherSchoolsSurveyIsNotAnEarlierVersionOfThisOne(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let other = storeSurveyYAML.replacingOccurrences(of: "id: opvang-test", with: "id: ander-onderzoek")
        let otherSurvey = try SurveyLoader.load(yaml: other, file: "other.yaml").survey
        let second = try store.open(peiling: "Ander onderzoek")
        try second.initialize(name: "Ander onderzoek", survey: otherSurvey, yaml: other)
        // The report counts removed options of earlier versions from these: another survey must not be among them.
        #expect(try second.definitions().values.map(\.id) == ["ander-onderzoek"])
        #expect(try store.open(peiling: "Groep 5 najaar").definitions().values.map(\.id) == ["opvang-test"])
    }

    @Test(arguments: TestBackend.available) func forgettingNamesInOnePeilingLeavesTheOtherAlone(_ backend: TestBackend) throws {
        let (store, regenboog, klimop) = try Self.twoSchools(on: backend)
        defer { withExtendedLifetime(store) {} }  // the folder goes with it
        try klimop.setClosed(true)
        #expect(try klimop.forgetRoster() == 2)
        #expect(try klimop.respondents().allSatisfy { $0.childName == nil })
        #expect(try regenboog.respondent("Tim de Vries")?.childName == "Tim de Vries")
    }

    @Test(arguments: TestBackend.available) func reportsWithNamesAreListedOnlyForTheirOwnPeiling(_ backend: TestBackend) throws {
        let (store, regenboog, klimop) = try Self.twoSchools(on: backend)
        defer { withExtendedLifetime(store) {} }
        try regenboog.recordNamesReport(["/tmp/regenboog-met-namen.xlsx"])
        try klimop.recordNamesReport(["/tmp/klimop-met-namen.xlsx"])
        // `roster forget` in one school names the files still to delete of that school only.
        #expect(try klimop.namesReports().map(\.path) == ["/tmp/klimop-met-namen.xlsx"])
        #expect(try regenboog.namesReports().map(\.path) == ["/tmp/regenboog-met-namen.xlsx"])
    }
}
