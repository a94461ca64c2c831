import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Saving responses: all answer kinds come back, nothing is duplicated, hidden answers are dropped.
@Suite("Responses")
struct ResponseStoreTests {
    let every = answers(
        ("kanaal", .choices(["app", "anders"]), "via de buurvrouw"),
        ("tevreden", .choice("eens"), nil),
        ("uren", .number(22.5), nil),
        ("wens", .text("Meer contact bij het halen.\nEn een koffieochtend: ’s ochtends, \"graag\"."), nil),
        ("gesprek", .choice("ja"), nil),
        ("gesprek-hoe", .text("goed"), nil),
        ("ouders", .choice("twee-ouders"), nil))

    @Test(arguments: TestBackend.available) func everyAnswerKindComesBackFromTheFile(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let id = try store.db.save(NewResponse(respondentID: "Ola Kowalska", method: .oralInterpreter, language: "pl",
                                               interpreter: .familyMember, enteredBy: "juf Anna", answers: every))
        // Read back through a second connection to the same file.
        let reopened = try store.open()
        let stored = try #require(try reopened.response(of: "Ola Kowalska"))
        #expect(stored.id == id)
        #expect(stored.answers == every)
        #expect(stored.answers["kanaal"]?.otherText == "via de buurvrouw")
        #expect(stored.method == .oralInterpreter)
        #expect(stored.interpreter == .familyMember)
        #expect(stored.enteredBy == "juf Anna")
        #expect(stored.language == "pl")
        #expect(stored.complete)
        #expect(stored.definitionHash == store.survey.contentHash)
        #expect(stored.group == "5B")
        #expect(stored.respondentID == "Ola Kowalska")
        #expect(try reopened.response(of: "Tim de Vries") == nil)
    }

    @Test(arguments: TestBackend.available) func aSecondSaveIsRefusedOrReplacesButNeverDuplicates(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let code = try #require(try store.db.invite(["Tim de Vries"]).first?.code)
        let first = try store.db.save(NewResponse(respondentID: "Tim de Vries", method: .paperHome, language: "nl", enteredBy: "juf Anna",
                                                  answers: answers(("uren", .number(30), nil), ("wens", .text("meer uitjes"), nil))))
        let again = NewResponse(respondentID: "Tim de Vries", method: .digital, language: "en", answers: answers(("uren", .number(8), nil)))
        expectStoreError(.alreadyAnswered(code: code.description)) { try store.db.save(again) }
        expectStoreError(.alreadyAnswered(code: code.description)) { try store.db.save(again, existing: .refuse) }
        #expect(try store.db.response(of: "Tim de Vries")?.answers["uren"]?.value == .number(30))

        let replaced = try store.db.save(again, existing: .replace)
        #expect(replaced == first)
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(stored.answers == answers(("uren", .number(8), nil)))
        #expect(stored.method == .digital)
        #expect(stored.language == "en")
        var count = 0
        try store.db.forEachResponse(includeIncomplete: true) { _ in count += 1 }
        #expect(count == 1)
    }

    @Test(arguments: TestBackend.available) func aFormStillInProgressIsNotAnAnswerToRefuse(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let started = try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .digital, language: "nl",
                                                    answers: answers(("uren", .number(4), nil)), complete: false))
        // Staff type in the paper form the parent handed in after all.
        let paper = try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .paperHome, language: "nl", enteredBy: "juf Anna",
                                                  answers: answers(("uren", .number(5), nil))))
        #expect(paper == started)
        let stored = try #require(try store.db.response(of: "Daan Jansen"))
        #expect(stored.complete)
        #expect(stored.method == .paperHome)
        #expect(stored.answers["uren"]?.value == .number(5))
    }

    @Test(arguments: TestBackend.available) func answersToHiddenQuestionsAreDropped(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.save(NewResponse(respondentID: "Tim de Vries", method: .digital, language: "nl",
                                      answers: answers(("gesprek", .choice("nee"), nil), ("gesprek-hoe", .text("was fijn"), nil))))
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(Set(stored.answers.keys) == ["gesprek"])
    }

    @Test(arguments: TestBackend.available) func tagsComeFromTheRosterAndTheBackgroundAnswers(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.save(NewResponse(respondentID: "Ola Kowalska", method: .digital, language: "pl",
                                      answers: answers(("ouders", .choice("een-ouder"), nil))))
        let stored = try #require(try store.db.response(of: "Ola Kowalska"))
        #expect(stored.tags == ["alleenstaand", "nt2"])
        #expect(stored.group == "5B")
        // The roster itself is not changed by what a parent reported.
        #expect(try store.db.respondent("Ola Kowalska")?.tags == ["nt2"])

        expectStoreError(.unknownRespondent("Niemand")) {
            try store.db.save(NewResponse(respondentID: "Niemand", method: .digital, language: "nl", answers: [:]))
        }
    }

    @Test(arguments: TestBackend.available) func anonymousKioskFormPostedTwiceLandsOnce(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let form = NewResponse(respondentID: nil, submissionKey: "kiosk-3f9a", method: .digitalAtSchool, language: "nl",
                               answers: answers(("ouders", .choice("een-ouder"), nil), ("tevreden", .choice("neutraal"), nil)))
        let first = try store.db.save(form)
        let second = try store.db.save(form)
        #expect(first == second)
        var stored: [StoredResponse] = []
        try store.db.forEachResponse { stored.append($0) }
        #expect(stored.count == 1)
        #expect(stored.first?.respondentID == nil)
        #expect(stored.first?.group == nil)
        #expect(stored.first?.tags == ["alleenstaand"])
        #expect(stored.first?.method == .digitalAtSchool)
        // Another parent at the same kiosk is another response.
        var next = form
        next.submissionKey = "kiosk-77b0"
        #expect(try store.db.save(next) != first)
    }

    @Test(arguments: TestBackend.available) func responsesStreamInIdOrderAndSkipUnfinishedForms(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        var ids: [Int64] = []
        for (index, respondent) in TempStore.roster.enumerated() {
            ids.append(try store.db.save(NewResponse(respondentID: respondent.id, method: .digital, language: respondent.language,
                                                     answers: answers(("uren", .number(Double(index)), nil)), complete: index != 1)))
        }
        #expect(ids == ids.sorted())
        var complete: [StoredResponse] = []
        try store.db.forEachResponse { complete.append($0) }
        #expect(complete.map(\.id) == [ids[0], ids[2], ids[3]])
        #expect(complete.map { $0.answers["uren"]?.value } == [.number(0), .number(2), .number(3)])
        var all: [StoredResponse] = []
        try store.db.forEachResponse(includeIncomplete: true) { all.append($0) }
        #expect(all.map(\.id) == ids)
        #expect(all.map(\.complete) == [true, false, true, true])
        // A response without answers still comes through.
        let empty = try store.db.save(NewResponse(respondentID: nil, submissionKey: "leeg", method: .digitalAtSchool, language: "nl", answers: [:]))
        var last: StoredResponse?
        try store.db.forEachResponse { last = $0 }
        #expect(last?.id == empty)
        #expect(last?.answers.isEmpty == true)
    }
}
