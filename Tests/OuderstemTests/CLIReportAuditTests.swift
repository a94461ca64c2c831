import Foundation
import Testing

/// `ouderstem report --audit` and `--open-answers` through the real binary, on the demo roster.
@Suite struct CLIReportAuditTests {
    @Test func auditPrintsTheRuleAndEveryHiddenCell() throws {
        let cli = try CLIFlowTests.startedPeiling()
        #expect(try cli.run(["demo", "simulate", "--count", "12", "--seed", "3"]).status == 0)
        let result = try cli.run(["report", "--audit", "--out", cli.path("Reports")])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Regel: elk getoond cijfer komt van minstens 5 antwoorden"))
        #expect(result.output.contains("Uitkomst: geslaagd"))
        // Every hidden cell is listed with a range "low–high" per answer, or says why it has none.
        let cells = result.output.split(separator: "\n").filter { $0.hasPrefix("  [") }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.contains("–") || $0.contains("bereik niet berekend") })
        #expect(result.output.contains("Workbook: "))
    }

    @Test func openAnswersOptionIsCheckedAndSaysWhatIsAllowed() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let wrong = try cli.run(["report", "--open-answers", "all"])
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("--open-answers must be none, text or with-groups."))
        #expect(!wrong.error.contains("Fatal"))
    }
}
