import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The teacher's whole flow through the real binary on a temporary database.
@Suite struct CLIFlowTests {
    static let surveyPath = CLI.repository.appendingPathComponent("Surveys/behoeften-ouders.yaml").path
    static let rosterPath = CLI.repository.appendingPathComponent("Surveys/demo/roster-groep5.csv").path

    /// init, roster import, sample (twice, same seed), invite, three entries by three methods, status.
    @Test func wholeFlow() throws {
        let cli = try CLI()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey

        let started = try cli.run(["init", "--survey", Self.surveyPath, "--name", "Groep 5 test"])
        #expect(started.status == 0, "\(started.error)")
        let imported = try cli.run(["roster", "import", Self.rosterPath])
        #expect(imported.status == 0)
        #expect(imported.output.contains("30 families"))

        let first = try cli.run(["sample", "--size", "8", "--seed", "42", "--reserve", "3"])
        let firstSample = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).sample())
        let second = try cli.run(["sample", "--size", "8", "--seed", "42", "--reserve", "3"])
        let secondSample = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).sample())
        #expect(first.status == 0 && second.status == 0)
        #expect(firstSample.sample.members == secondSample.sample.members)
        #expect(firstSample.sample.reserve == secondSample.sample.reserve)
        #expect(firstSample.sample.members.count == 8)
        for tag in ["gescheiden", "samengesteld", "tweeverdieners", "alleenstaand", "nt2"] {
            #expect(first.output.contains(tag), "coverage table lists \(tag)")
        }
        let roster = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).respondents()
        let sampledTags = Set(firstSample.sample.members.flatMap { id in roster.first { $0.id == id }!.tags })
        #expect(sampledTags == ["gescheiden", "samengesteld", "tweeverdieners", "alleenstaand", "nt2"])

        let invited = try cli.run(["invite", "--base-url", "http://school.example:8080", "--out", cli.path("uitnodigingen")])
        #expect(invited.status == 0, "\(invited.error)")
        let codes = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).invitationCodes()
        #expect(codes.count == 30)

        // Paper form typed in by code; an oral interview with an interpreter in Arabic; at the conversation.
        var plan = EntryScript.minimal(survey)
        plan["info-weet-leren"] = "4"
        plan["school-doen"] = "Meer contact, graag."
        let paper = try cli.run(["enter", codes["L04"]!.description, "--method", "paper_home", "--entered-by", "Sanne"],
                                input: EntryScript.lines(for: survey, plan: plan))
        #expect(paper.status == 0, "\(paper.error)")
        #expect(paper.output.contains("Saved"))

        let interview = try cli.run(["enter", "--respondent", "L07", "--method", "oral_interpreter", "--language", "ar",
                                     "--interpreter", "family_member"], input: EntryScript.lines(for: survey, plan: plan))
        #expect(interview.status == 0, "\(interview.error)")
        let arabicQuestion = try #require(survey.question("info-kanaal")?.text["ar"])
        #expect(interview.output.contains(arabicQuestion), "the Arabic text is shown beside the Dutch")

        let conversation = try cli.run(["enter", "--respondent", "L19", "--method", "at_school_conversation"],
                                       input: EntryScript.lines(for: survey, plan: plan))
        #expect(conversation.status == 0, "\(conversation.error)")

        let db = try SurveyDatabase(path: cli.path("ouderstem.sqlite"))
        let oral = try #require(try db.response(of: "L07"))
        #expect(oral.method == .oralInterpreter && oral.language == "ar" && oral.interpreter == .familyMember)
        #expect(oral.tags.contains("nt2"))
        let typed = try #require(try db.response(of: "L04"))
        #expect(typed.enteredBy == "Sanne")
        #expect(typed.answers["info-weet-leren"]?.value == .choice("eens"))
        #expect(typed.answers["school-doen"]?.value == .text("Meer contact, graag."))

        let status = try cli.run(["status", "--json"])
        #expect(status.status == 0)
        let figures = try JSONDecoder().decode(PeilingStatus.self, from: Data(status.output.utf8))
        #expect(figures.responses == 3)
        #expect(figures.missing.count == 27)
        let byMethod = Dictionary(uniqueKeysWithValues: figures.byMethod.map { ($0.key, $0.responded) })
        #expect(byMethod["paper_home"] == 1 && byMethod["oral_interpreter"] == 1 && byMethod["at_school_conversation"] == 1)
        // Representativeness, with the follow-up list ordered by whose voice is most missing.
        let representativeness = try #require(figures.representativeness)
        #expect(representativeness.r < 1)
        #expect(figures.missing.map(\.voiceMissing) == figures.missing.map(\.voiceMissing).sorted())
        let text = try cli.run(["status"])
        #expect(text.output.contains("Representativeness: R = "))
        #expect(text.output.contains("3 of 30 families"))
        #expect(text.output.contains("Oral with interpreter"))
    }

    /// Going back with '<' changes an earlier answer; the summary lets staff confirm.
    @Test func goingBackChangesAnAnswer() throws {
        let cli = try Self.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        var lines = EntryScript.lines(for: survey, plan: EntryScript.minimal(survey)).split(separator: "\n", omittingEmptySubsequences: false)
        // First question: answer 1, go back, answer 2 (the second is what counts).
        lines.replaceSubrange(0..<1, with: ["1", "<", "2"])
        let result = try cli.run(["enter", "--respondent", "L02", "--method", "paper_home"], input: lines.joined(separator: "\n"))
        #expect(result.status == 0, "\(result.error)")
        let answer = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L02")?.answers["info-kanaal"]
        #expect(answer?.value == .choices(["email"]))
    }

    /// A bad answer is explained and asked again; nothing is lost.
    @Test func badAnswerIsAskedAgain() throws {
        let cli = try Self.startedPeiling()
        let survey = try SurveyLoader.load(path: Self.surveyPath).survey
        let script = "99\n" + EntryScript.lines(for: survey, plan: EntryScript.minimal(survey))
        let result = try cli.run(["enter", "--respondent", "L02", "--method", "oral"], input: script)
        #expect(result.status == 0)
        #expect(result.output.contains("Kies een van de antwoorden"))
    }

    static func startedPeiling(on backend: CLIBackend = .sqlite) throws -> CLI {
        let cli = try CLI(on: backend)
        try cli.run(["init", "--survey", surveyPath])
        try cli.run(["roster", "import", rosterPath])
        return cli
    }
}
