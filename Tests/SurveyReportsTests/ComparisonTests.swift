import Foundation
import Testing
@testable import SurveyReports
import SurveyCore
import SurveyStore

/// `report --compare`: this peiling against an earlier one, read back from the workbook and the text summary.
@Suite struct ComparisonTests {
    /// The fixture with the wording of "kind-mee" changed and a new question "avond", as a next year's version.
    static func nextYear() throws -> String {
        let text = try String(contentsOf: TestPeiling.fixture, encoding: .utf8)
        return text.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "Wilt u dat uw kind meedoet aan het gesprek?", with: "Mag uw kind meedoen aan het gesprek?")
            .replacingOccurrences(of: "      - id: kinderen\n", with: [
                "      - id: avond", "        type: single",
                "        text: { nl: \"Kunt u 's avonds naar school komen?\", en: \"Can you come to school in the evening?\" }",
                "        options:", "          - { id: ja, nl: \"Ja\", en: \"Yes\" }", "          - { id: nee, nl: \"Nee\", en: \"No\" }",
                "      - id: kinderen", "",
            ].joined(separator: "\n"))
    }

    @Test func earlierPeilingIsComparedQuestionByQuestion() throws {
        // Last year: the known answers (duidelijk 8 of 15 agree). This year: all 16 families agree.
        let earlier = try TestPeiling()
        defer { earlier.remove() }
        try earlier.answerAll()
        let yaml = try Self.nextYear()
        let now = try TestPeiling(yaml: yaml)
        defer { now.remove() }
        #expect(now.survey.question("avond") != nil && now.survey.version == 2)
        for id in ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "b1", "b2", "b3", "c1", "c2", "c3", "c4", "c5"] {
            try now.answer(id, ["duidelijk": ["helemaal-eens"], "kanaal": ["app"], "meer": ["geen-behoefte"], "kind-mee": ["ja"], "avond": ["nee"]])
        }
        let earlierFile = earlier.folder.appendingPathComponent("test.sqlite")
        let files = try ReportWriter.write(database: now.database, options: ReportOptions(compare: earlierFile),
                                           to: now.folder.appendingPathComponent("Reports"))
        let book = try XlsxReader(files.workbook)
        #expect(book.sheetNames.contains("Vergelijking"))

        // duidelijk: 8/15 = 53% last year, 16/16 now: +47 points, Fisher p = 0.0022 before correction.
        let duidelijk = try #require(book.row(in: "Vergelijking", equals: "De berichten van school zijn duidelijk."))
        #expect(duidelijk.cells[1] == "(helemaal) eens")
        #expect(abs(Double(duidelijk.cells[2] ?? "")! - 8.0 / 15) < 1e-9)
        #expect(duidelijk.cells[3] == "15" && duidelijk.cells[4] == "1" && duidelijk.cells[5] == "16")
        #expect(duidelijk.cells[6] == "47")
        #expect(duidelijk.cells[7] == "nee: echt verschil")
        #expect(duidelijk.cells[8] == nil)

        // kind-mee: reworded, so marked; both options compared (last year 11 of 16 "ja").
        let kindMee = try #require(book.row(in: "Vergelijking", equals: "Mag uw kind meedoen aan het gesprek?"))
        #expect(kindMee.cells[1] == "Ja")
        #expect(abs(Double(kindMee.cells[2] ?? "")! - 11.0 / 16) < 1e-9)
        #expect(kindMee.cells[8] == "gewijzigd")

        // The new question is listed, not compared.
        let onlyNow = try #require(book.row(in: "Vergelijking", equals: "Alleen nu gevraagd"))
        #expect(book.row(in: "Vergelijking", equals: "Kunt u 's avonds naar school komen?", after: onlyNow.row) != nil)

        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(markdown.contains("## Vergelijking met Groep 5, najaar 2026"))
        #expect(markdown.contains("- \u{201C}De berichten van school zijn duidelijk.\u{201D} ((helemaal) eens): 53% → 100% (+47 punten)"))
        #expect(markdown.contains("1 alleen nu gevraagd, 0 alleen vorige keer"))
    }

    @Test func aQuestionWithTooFewAnswersInEitherYearIsNotCompared() throws {
        let earlier = try TestPeiling()
        defer { earlier.remove() }
        // Last year only four families answered "duidelijk".
        for id in ["a1", "a2", "a3", "a4"] { try earlier.answer(id, ["duidelijk": ["eens"], "kind-mee": ["ja"]]) }
        for id in ["a5", "a6", "a7", "a8"] { try earlier.answer(id, ["kind-mee": ["nee"]]) }
        let now = try TestPeiling()
        defer { now.remove() }
        try now.answerAll()
        let files = try ReportWriter.write(database: now.database, options: ReportOptions(compare: earlier.folder.appendingPathComponent("test.sqlite")),
                                           to: now.folder.appendingPathComponent("Reports"))
        let book = try XlsxReader(files.workbook)
        let tooFew = try #require(book.rows("Vergelijking").first { $0.cells[0]?.hasPrefix("Te weinig antwoorden om te vergelijken") == true })
        let listed = try #require(book.row(in: "Vergelijking", equals: "De berichten van school zijn duidelijk."))
        #expect(listed.row > tooFew.row, "duidelijk appears only in the list of questions not compared")
        #expect(listed.cells[2] == nil)
        // kind-mee had 8 answers last year: compared.
        let kindMee = try #require(book.row(in: "Vergelijking", equals: "Wilt u dat uw kind meedoet aan het gesprek?"))
        #expect(kindMee.row < tooFew.row && kindMee.cells[2] != nil)
    }

    @Test func aMissingFileIsAClearError() throws {
        let now = try TestPeiling()
        defer { now.remove() }
        let missing = now.folder.appendingPathComponent("vorig-jaar.sqlite")
        #expect(throws: ReportError.self) {
            try ReportWriter.write(database: now.database, options: ReportOptions(compare: missing), to: now.folder.appendingPathComponent("Reports"))
        }
        do {
            _ = try ReportWriter.write(database: now.database, options: ReportOptions(compare: missing), to: now.folder.appendingPathComponent("Reports"))
        } catch let error as ReportError {
            #expect(error.description.contains("vorig-jaar.sqlite does not exist"))
        }
        #expect(!FileManager.default.fileExists(atPath: now.folder.appendingPathComponent("Reports/groep-5-najaar-2026.xlsx").path))
    }
}
