import Foundation
import SurveyCore
import SurveyStore
import Testing

/// A paper form on which the parent left questions open, typed in with `-`.
@Suite struct PaperBlanksTests {
    @Test("`-` records 'not answered on paper' for a required question; the response is saved without it")
    func dashLeavesARequiredQuestionOpen() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        let required = try #require(survey.questions.first { $0.required && survey.isVisible($0, given: [:]) })
        var plan = EntryScript.minimal(survey)
        plan[required.id] = "-"
        let entered = try cli.run(["enter", "--respondent", "L04", "--method", "paper_home", "--entered-by", "Sanne"],
                                  input: EntryScript.lines(for: survey, plan: plan))
        #expect(entered.status == 0, "\(entered.output)\(entered.error)")
        #expect(entered.output.contains("Saved"))
        #expect(entered.output.contains("not answered on paper"), "the help line tells staff about -")
        #expect(entered.output.contains("\(required.id): - (not answered)"), "the summary shows it as open")
        let stored = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L04"))
        #expect(stored.answers[required.id] == nil, "nothing is invented for the open question")
        let others = survey.questions.filter { $0.required && $0.id != required.id && survey.isVisible($0, given: stored.answers) }
        #expect(others.allSatisfy { stored.answers[$0.id] != nil })
    }

    @Test("An empty line on a required question says how to record it as left open")
    func emptyRequiredAnswerPointsToDash() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        let required = try #require(survey.questions.first { $0.required && survey.isVisible($0, given: [:]) })
        var plan = EntryScript.minimal(survey)
        plan[required.id] = "\n-"   // Enter on the required question first, then "-".
        let input = EntryScript.lines(for: survey, plan: plan)
        let entered = try cli.run(["enter", "--respondent", "L05", "--method", "paper_home"], input: input)
        #expect(entered.output.contains("Left open on paper? Type -"))
        #expect(entered.status == 0, "\(entered.output)\(entered.error)")
    }
}

/// `enter` keeps to the same limits as the web form.
@Suite struct EntryLimitsTests {
    @Test("A fourth choice where the survey says 'at most three' is refused and asked again")
    func atMostThreeChoicesInEnter() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        var plan = EntryScript.minimal(survey)
        plan["samen-belangrijk"] = "1,2,3,4\n1,2"
        let entered = try cli.run(["enter", "--respondent", "L06", "--method", "paper_home"], input: EntryScript.lines(for: survey, plan: plan))
        #expect(entered.status == 0, "\(entered.output)\(entered.error)")
        #expect(entered.output.contains("U koos er te veel. Kies er hoogstens 3. / You chose too many. Choose at most 3."))
        let stored = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L06"))
        #expect(stored.answers["samen-belangrijk"]?.chosen.count == 2)
    }
}
