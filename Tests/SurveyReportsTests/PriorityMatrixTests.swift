import Foundation
import Testing
@testable import SurveyReports
import SurveyCore

/// The priority matrix: per theme satisfaction (statements) against need (need questions), the themes with less
/// satisfaction and more need than the average theme first.
@Suite struct PriorityMatrixTests {
    @Test func themeWithLowSatisfactionAndHighNeedComesFirst() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Surveys/behoeften-ouders.yaml")
        let survey = try SurveyLoader.load(yaml: String(contentsOf: file, encoding: .utf8), file: file.path).survey
        let layout = QuestionLayout(survey: survey)
        // Themes with both an agreement statement and a need question.
        let themes = survey.themes.filter { theme in
            let scales = layout.entries.filter { $0.theme.id == theme.id }.compactMap(\.scale)
            return scales.contains(where: Findings.isNeedScale) && scales.contains { !Findings.isNeedScale($0) }
        }
        #expect(themes.count >= 3)
        // Per theme (satisfied of 10, need of 10): the first is unhappy and in need, the others are not.
        let shares = [(2, 8), (9, 1), (6, 4)]
        var items: [Findings.Item] = []
        for (theme, (satisfied, need)) in zip(themes, shares) {
            for (q, entry) in layout.entries.enumerated() where entry.theme.id == theme.id && entry.scale != nil {
                let isNeed = Findings.isNeedScale(entry.scale!)
                items.append(Findings.Item(question: q, top: Proportion(count: isNeed ? need : satisfied, total: 10), mean: 3, isNeed: isNeed))
            }
        }
        let priorities = Findings.priorities(items, layout: layout, themes: survey.themes)
        #expect(priorities.map(\.theme.id) == [themes[0].id, themes[2].id, themes[1].id])
        #expect(priorities.map(\.first) == [true, false, false])
        // Averages 0.567 satisfied and 0.433 need: the third theme is more satisfied and less in need than that.
        #expect(abs(priorities[0].satisfied - 0.2) < 1e-12 && abs(priorities[0].need - 0.8) < 1e-12)
        #expect(!priorities[1].lessSatisfied && !priorities[1].moreNeed)
    }

    @Test func workbookShowsTheMatrixAsATableAndAScatterChart() throws {
        let (peiling, files, book) = try ReportWorkbookTests.report()
        defer { peiling.remove() }
        // The one theme with a statement and a need question, with the figures of its own theme sheet.
        let row = try #require(book.row(in: "Prioriteiten", equals: "Informatie"))
        let together = book.rows("1 Informatie").filter { $0.cells[0]?.hasPrefix("Samen: ") == true }
        let satisfied = try #require(together.first { $0.cells[0] == "Samen: (helemaal) eens" }?.cells[2])
        let need = try #require(together.first { $0.cells[0] == "Samen: (grote) behoefte" }?.cells[2])
        #expect(row.cells[1] == satisfied)
        #expect(row.cells[2] == need)
        #expect(row.cells[3] == "Vasthouden", "a single theme is its own average")
        let parts = try XlsxReader.allParts(files.workbook)
        #expect(parts.contains("<c:scatterChart>"))
        #expect(parts.contains("Tevredenheid en behoefte per thema"))
    }
}
