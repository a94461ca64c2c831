import Foundation
import SurveyCore
import SurveyStore
import Testing

/// `ouderstem enter` reads numbers by the same rule as the web form: plain decimals only.
@Suite struct EntryNumberTests {
    @Test func aNumberThatIsNotPlainDecimalIsAskedAgain() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        var plan = EntryScript.minimal(survey)
        // "0x3" is 3 to Swift's Double(_:); the staff member is told and types it again.
        plan["aantal-kinderen"] = "0x3\n3"
        let result = try cli.run(["enter", "--respondent", "L02", "--method", "paper_home"], input: EntryScript.lines(for: survey, plan: plan))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Vul een getal in van 1 tot en met 10."))
        let answer = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L02")?.answers["aantal-kinderen"]
        #expect(answer?.value == .number(3))
    }
}
