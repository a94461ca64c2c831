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

    @Test func initWithANewVersionSaysWhatChangesBeforeMoving() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let v1 = try String(contentsOfFile: CLIFlowTests.surveyPath, encoding: .utf8)
        let removedLine = try #require(v1.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains("id: telefoon") })
        let v2 = v1.replacingOccurrences(of: "version: 1\n", with: "version: 2\n").replacingOccurrences(of: removedLine + "\n", with: "")
        try v2.write(toFile: cli.path("v2.yaml"), atomically: true, encoding: .utf8)
        let moved = try cli.run(["init", "--survey", cli.path("v2.yaml")])
        #expect(moved.status == 0, "\(moved.error)")
        #expect(moved.output.contains("Version 1 → 2 of 'behoeften-ouders':"))
        #expect(moved.output.contains("is gone in version 2; earlier answers stay counted, marked as removed."))
        #expect(moved.output.contains("The peiling now uses version 2"))
    }
}
