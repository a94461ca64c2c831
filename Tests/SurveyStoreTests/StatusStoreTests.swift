import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The progress figures of `ouderstem status` and the dashboard.
@Suite("Status")
struct StatusStoreTests {
    @Test func countsPerMethodGroupAndTagAndWhoIsMissing() throws {
        let store = try TempStore()
        try store.db.importRoster(TempStore.roster)
        try store.db.saveSample(Sample(seed: 1, members: ["Sara El Amrani", "Tim de Vries"], reserve: [], covered: ["nt2"]))
        try store.db.save(NewResponse(respondentID: "Tim de Vries", method: .digital, language: "nl", answers: answers(("uren", .number(40), nil))))
        try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .paperHome, language: "nl", enteredBy: "juf Anna",
                                      answers: answers(("uren", .number(20), nil))))
        try store.db.save(NewResponse(respondentID: "Ola Kowalska", method: .digital, language: "pl", answers: [:], complete: false))
        try store.db.save(NewResponse(respondentID: nil, submissionKey: "k1", method: .digitalAtSchool, language: "nl",
                                      answers: answers(("wens", .text("koffie"), nil))))

        let status = try store.db.status()
        #expect(status.peilingName == "Groep 5 najaar")
        #expect(status.surveyID == "opvang-test")
        #expect(!status.closed)
        #expect(status.rosterSize == 4)
        #expect(status.responses == 3)
        #expect(status.inProgress == 1)
        #expect(status.anonymous == 1)
        #expect(status.responseRate == 0.5)

        let methods = Dictionary(uniqueKeysWithValues: status.byMethod.map { ($0.key, $0.responded) })
        #expect(methods == ["digital": 1, "paper_home": 1, "digital_at_school": 1, "oral": 0, "oral_interpreter": 0, "at_school_conversation": 0])
        #expect(status.byGroup.map(\.key) == ["5A", "5B"])
        #expect(status.byGroup.map(\.roster) == [2, 2])
        #expect(status.byGroup.map(\.responded) == [1, 1])
        let tags = Dictionary(uniqueKeysWithValues: status.byTag.map { ($0.key, [$0.roster, $0.responded]) })
        #expect(tags == ["nt2": [2, 0], "alleenstaand": [1, 0], "tweeverdieners": [1, 1], "gescheiden": [1, 1]])
        #expect(status.sampleSize == 2)
        #expect(status.sampleResponded == 1)

        // The parents still to reach: the sampled one first, each with a method that may work.
        #expect(status.missing.map(\.respondentID) == ["Sara El Amrani", "Ola Kowalska"])
        let sara = try #require(status.missing.first)
        #expect(sara.inSample)
        #expect(sara.suggestedMethod == .oralInterpreter)
        #expect(sara.language == "ar")
        #expect(sara.reason["nl"]?.contains("tolk") == true)
        #expect(sara.reason["en"]?.contains("interpreter") == true)
        let ola = status.missing[1]
        #expect(!ola.inSample)
        #expect(ola.suggestedMethod == .oralInterpreter)
        #expect(ola.group == "5B")
    }

    @Test func suggestedMethodsFollowTheFamily() {
        let cases: [(Respondent, ResponseMethod)] = [
            (Respondent(id: "1", group: "5A", language: "ar", tags: ["nt2"]), .oralInterpreter),
            (Respondent(id: "2", group: "5A", language: "nl", tags: ["nt2"]), .oral),
            (Respondent(id: "3", group: "5A", tags: ["tweeverdieners"]), .digital),
            (Respondent(id: "4", group: "5A", tags: ["gescheiden"]), .paperHome),
            (Respondent(id: "5", group: "5A"), .atSchoolConversation),
        ]
        for (respondent, method) in cases {
            #expect(Followup.suggestion(for: respondent).method == method, "\(respondent.id)")
        }
    }
}
