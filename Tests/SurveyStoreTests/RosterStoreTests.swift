import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The roster, personal codes, and forgetting names after the peiling.
@Suite("Roster and invitations")
struct RosterStoreTests {
    @Test(arguments: TestBackend.available) func importingTwiceUpdatesInsteadOfDuplicating(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let first = try store.db.importRoster(Array(TempStore.roster.prefix(3)))
        #expect(first.added == 3 && first.updated == 0)
        var changed = TempStore.roster
        changed[1].group = "6A"
        changed[1].tags = ["tweeverdieners", "samengesteld"]
        let second = try store.db.importRoster(changed)
        #expect(second.added == 1 && second.updated == 3)
        let stored = try store.db.respondents()
        #expect(stored.count == 4)
        #expect(Set(stored.map(\.id)) == Set(TempStore.roster.map(\.id)))
        let tim = try #require(try store.db.respondent("Tim de Vries"))
        #expect(tim.group == "6A")
        #expect(tim.tags == ["samengesteld", "tweeverdieners"])
        #expect(try store.db.respondent("Sara El Amrani") == TempStore.roster[0])
    }

    @Test(arguments: TestBackend.available) func invitingAgainKeepsTheCodes(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let ids = TempStore.roster.map(\.id)
        let first = try store.db.invite(ids)
        #expect(first.map(\.respondent.id) == ids)
        #expect(Set(first.map(\.code)).count == ids.count)
        let again = try store.db.invite(ids.reversed())
        let codes = Dictionary(uniqueKeysWithValues: first.map { ($0.respondent.id, $0.code) })
        for (respondent, code) in again { #expect(codes[respondent.id] == code) }
        #expect(try store.db.invitationCodes() == codes)
        expectStoreError(.unknownRespondent("Niemand")) { try store.db.invite(["Niemand"]) }
    }

    @Test(arguments: TestBackend.available) func aTypedCodeFindsItsParentAndTyposAreToldApart(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let invited = try store.db.invite(["Ola Kowalska"])
        let code = try #require(invited.first?.code)
        let found = try store.db.respondent(forCode: code.description.lowercased().replacingOccurrences(of: "-", with: " "))
        #expect(found.respondent.id == "Ola Kowalska")
        #expect(found.code == code)

        var typo = Array(code.value)
        typo[4] = typo[4] == "A" ? "B" : "A"
        expectStoreError(.codeTypo) { try store.db.respondent(forCode: String(typo)) }
        // A well-formed code that was never handed out.
        var unused = InvitationCode.generate()
        while unused == code { unused = InvitationCode.generate() }
        expectStoreError(.unknownCode) { try store.db.respondent(forCode: unused.description) }
        expectStoreError(.unknownCode) { try store.db.respondent(forCode: "hallo") }
    }

    @Test(arguments: TestBackend.available) func forgettingIsOnlyForAClosedPeilingAndLeavesNoNameInTheFile(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        _ = try store.db.invite(TempStore.roster.map(\.id))
        try store.db.saveSample(Sample(seed: 7, members: ["Sara El Amrani", "Tim de Vries"], reserve: ["Ola Kowalska"], covered: ["nt2"]))
        #expect(try store.db.decline("Sara El Amrani") == "Ola Kowalska")
        try store.db.save(NewResponse(respondentID: "Sara El Amrani", method: .oralInterpreter, language: "ar", interpreter: .professional,
                                      enteredBy: "meester Karim", answers: answers(("ouders", .choice("een-ouder"), nil))))
        try store.db.save(NewResponse(respondentID: "Daan Jansen", method: .digital, language: "nl",
                                      answers: answers(("wens", .text("minder apps"), nil))))

        expectStoreError(.rosterForgottenOnlyWhenClosed) { try store.db.forgetRoster() }
        #expect(try store.db.respondent("Sara El Amrani")?.parentNames == "Fatima Bouzid")

        try store.db.setClosed(true)
        #expect(try store.db.forgetRoster() == 4)

        let secrets = TempStore.roster.flatMap { [$0.id, $0.childName, $0.parentNames, $0.contact].compactMap { $0 } }
            + ["Fatima", "Bouzid", "Kowalsk", "Jansen", "de Vries"]
        let bytes = try store.rawBytes()
        #expect(!bytes.isEmpty)
        for secret in secrets {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is still in the database file")
        }

        let roster = try store.db.respondents()
        #expect(roster.count == 4)
        #expect(roster.allSatisfy { $0.childName == nil && $0.parentNames == nil && $0.contact == nil })
        #expect(Set(roster.map(\.group)) == ["5A", "5B"])
        // Responses keep what reports need: group and tags, but no name.
        var stored: [StoredResponse] = []
        try store.db.forEachResponse { stored.append($0) }
        #expect(stored.count == 2)
        #expect(stored.map(\.group) == ["5A", "5B"])
        #expect(stored.map(\.tags) == [["alleenstaand", "nt2"], ["gescheiden"]])
        #expect(stored[0].interpreter == .professional)
        for response in stored { #expect(roster.map(\.id).contains(response.respondentID ?? "")) }
        // The sample still knows who replaced whom, under the new ids.
        let sample = try #require(try store.db.sample())
        #expect(sample.replacements.count == 1)
        for (reserve, replaced) in sample.replacements {
            #expect(roster.map(\.id).contains(reserve))
            #expect(roster.map(\.id).contains(replaced))
            #expect(sample.declined.contains(replaced))
        }
        #expect(try store.db.invitationCodes().count == 4)
    }
}
