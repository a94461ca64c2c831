import Foundation
import SurveyCore
import GRDB
import SurveyStore
import Testing

/// Starting a peiling, moving it to a new version of its survey, and closing it.
@Suite("Peiling")
struct PeilingStoreTests {
    @Test(arguments: TestBackend.available) func initializeStoresTheDefinition(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let peiling = try store.db.peiling()
        #expect(peiling.name == "Groep 5 najaar")
        #expect(peiling.surveyID == "opvang-test")
        #expect(peiling.definitionHash == store.survey.contentHash)
        #expect(!peiling.isClosed)
        #expect(try store.db.currentSurvey() == store.survey)
        // Reopened from the file by another process (the server next to the CLI).
        let reopened = try store.open()
        #expect(try reopened.currentSurvey().contentHash == store.survey.contentHash)
    }

    @Test func answersAreWrittenForAPowerCut() throws {
        let store = try TempStore()
        // WAL with synchronous=FULL: an acknowledged answer survives a killed process and a power cut.
        let mode = try store.db.read { try $0.value("PRAGMA journal_mode") as String? }
        let synchronous = try store.db.read { try $0.value("PRAGMA synchronous") as Int? }
        #expect(mode == "wal")
        #expect(synchronous == 2)
        let foreignKeys = try store.db.read { try $0.value("PRAGMA foreign_keys") as Int? }
        #expect(foreignKeys == 1)
    }

    @Test func noDatabaseAndNoPeilingAreClearErrors() throws {
        let store = try TempStore(initialize: false)
        expectStoreError(.noPeiling) { try store.db.peiling() }
        let missing = store.folder.appendingPathComponent("nothing.sqlite").path
        expectStoreError(.noDatabase(missing)) { try SurveyDatabase(path: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test(arguments: TestBackend.available) func aNewVersionOfTheSameSurveyTakesOverAndEarlierResponsesKeepTheirs(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let before = try store.db.save(NewResponse(respondentID: "Tim de Vries", method: .digital, language: "nl",
                                                   answers: answers(("wens", .text("meer uitjes"), nil))))

        expectStoreError(.alreadyInitialized(survey: "opvang-test")) {
            try store.db.initialize(name: "opnieuw", survey: store.survey, yaml: storeSurveyYAML)
        }

        let yaml2 = storeSurveyYAML.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "Wat wenst u?", with: "Wat wenst u voor volgend jaar?")
        let survey2 = try SurveyLoader.load(yaml: yaml2, file: "v2.yaml").survey
        #expect(try store.db.initialize(name: "Groep 5 najaar", survey: survey2, yaml: yaml2) == .updatedDefinition(fromVersion: 1, toVersion: 2))
        #expect(try store.db.currentSurvey().question("wens")?.text["nl"] == "Wat wenst u voor volgend jaar?")
        #expect(try store.db.peiling().definitionHash == survey2.contentHash)
        #expect(Set(try store.db.definitions().keys) == [store.survey.contentHash, survey2.contentHash])

        try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .digital, language: "nl",
                                      answers: answers(("wens", .text("een feest"), nil))))
        #expect(try store.db.response(of: "Tim de Vries")?.definitionHash == store.survey.contentHash)
        #expect(try store.db.response(of: "Tim de Vries")?.id == before)
        #expect(try store.db.response(of: "Daan Jansen")?.definitionHash == survey2.contentHash)
    }

    @Test(arguments: TestBackend.available) func anotherSurveyIsRefused(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let other = storeSurveyYAML.replacingOccurrences(of: "id: opvang-test", with: "id: ander-onderzoek")
        let survey = try SurveyLoader.load(yaml: other, file: "other.yaml").survey
        expectStoreError(.otherSurvey(existing: "opvang-test", new: "ander-onderzoek")) {
            try store.db.initialize(name: "ander", survey: survey, yaml: other)
        }
        #expect(try store.db.peiling().surveyID == "opvang-test")
        #expect(try store.db.definitions().count == 1)
    }

    @Test(arguments: TestBackend.available) func closedPeilingRefusesAnswersUntilReopened(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.setClosed(true)
        #expect(try store.db.peiling().isClosed)
        let response = NewResponse(respondentID: "Tim de Vries", method: .paperHome, language: "nl", enteredBy: "juf Anna",
                                   answers: answers(("uren", .number(12), nil)))
        expectStoreError(.closed) { try store.db.save(response) }
        #expect(try store.db.response(of: "Tim de Vries") == nil)
        try store.db.setClosed(false)
        #expect(try !store.db.peiling().isClosed)
        try store.db.save(response)
        #expect(try store.db.response(of: "Tim de Vries")?.answers["uren"]?.value == .number(12))
    }
}
