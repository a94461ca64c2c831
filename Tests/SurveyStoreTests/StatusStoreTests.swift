import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The progress figures of `ouderstem status` and the dashboard.
@Suite("Status")
struct StatusStoreTests {
    @Test(arguments: TestBackend.available) func countsPerMethodGroupAndTagAndWhoIsMissing(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
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

        // Representativeness: only the two NT2 families (the two with another language at home) have not
        // answered, so the propensities are 1, 1, 0, 0: R = 1 − 2·√(1/3); NT2 and the other languages are
        // the voices missing most, √(2/4)·(0 − ½) each.
        let representativeness = try #require(status.representativeness)
        #expect(abs(representativeness.r - (1 - 2 * (1.0 / 3).squareRoot())) < 1e-6)
        let missingMost = representativeness.partials.prefix(2).map { "\($0.variable) \($0.category)" }
        #expect(Set(missingMost) == ["kenmerk nt2", "taal overig"])
        #expect(abs(representativeness.partials[0].value + 0.5 * (0.5).squareRoot()) < 1e-6)
        #expect(representativeness.meaning["nl"]?.contains("ontbreekt") == true)

        // The parents still to reach: whose voice is most missing first (here equal), then the sampled one,
        // each with a method that may work.
        #expect(status.missing.map(\.respondentID) == ["Sara El Amrani", "Ola Kowalska"])
        #expect(status.missing.allSatisfy { abs($0.voiceMissing - representativeness.partials[0].value) < 1e-6 })
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

extension StatusStoreTests {
    @Test(arguments: TestBackend.available) func followUpStartsWithTheVoiceMostMissing(_ backend: TestBackend) throws {
        // Six Dutch-speaking families (four answered), four Polish-speaking NT2 families (one answered).
        let roster = (1...6).map { Respondent(id: "n\($0)", group: "5A") }
            + (1...4).map { Respondent(id: "p\($0)", group: "5A", language: "pl", tags: ["nt2"]) }
        let store = try TempStore(on: backend)
        try store.db.importRoster(roster)
        try store.db.saveSample(Sample(seed: 1, members: ["n5"], reserve: [], covered: []))
        for id in ["n1", "n2", "n3", "n4", "p1"] {
            try store.db.save(NewResponse(respondentID: id, method: .digital, language: "nl", answers: answers(("uren", .number(8), nil))))
        }
        let status = try store.db.status()
        // NT2: √(4/10) · (1/4 − 1/2) = −0.158; the Dutch-speaking families answered more than average.
        let nt2 = try #require(status.representativeness?.partials.first)
        #expect(nt2.category == "nt2" || nt2.category == "overig")
        #expect(abs(nt2.value + (0.4).squareRoot() * 0.25) < 1e-6)
        // So the NT2 families come first, before n5 who is in the sample.
        #expect(status.missing.map(\.respondentID) == ["p2", "p3", "p4", "n5", "n6"])
    }
}
