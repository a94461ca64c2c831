import Foundation
import Testing
@testable import SurveyReports
import SurveyCore

/// Weighted percentages in the report: shown beside the unweighted ones where they differ by more than the
/// margin, never where they would let a reader work out a hidden cell; and mean differences by Welch's t.
@Suite struct WeightedReportTests {
    typealias Family = DisclosureClass.Family

    static func family(_ id: String, group: String = "5A", tags: [String] = [], duidelijk: String, answered: Bool = true) -> Family {
        Family(id: id, group: group, tags: tags, answers: ["duidelijk": [duidelijk], "kind-mee": ["ja"], "kanaal": ["app"]], answered: answered)
    }

    @Test func weightedShareIsShownWhereItDiffersByMoreThanTheMargin() throws {
        // 5A: all 10 families answer and agree. 5B: 30 families, 6 answer and disagree. Weighted to the roster
        // (10 : 30), 5A weighs 0.4 and 5B 2.0: 4 of 16 agree = 25% against 10 of 16 = 63% unweighted; Kish's
        // n_eff = 16² / (10·0.4² + 6·2²) = 10, Wilson margin at 25% with n = 10: 8%–56%, so 63% lies outside.
        var families = (1...10).map { Self.family("a\($0)", duidelijk: "eens") }
        families += (1...30).map { Self.family("b\($0)", group: "5B", duidelijk: "oneens", answered: $0 <= 6) }
        let peiling = try DisclosureClass(families)
        defer { peiling.remove() }
        let (files, book) = try peiling.report()

        let row = try #require(book.row(in: "1 Informatie", equals: "Gewogen: (helemaal) eens"))
        #expect(Double(row.cells[2] ?? "") == 0.25)
        #expect(abs(Double(row.cells[3] ?? "")! - 0.08) < 1e-12 && abs(Double(row.cells[4] ?? "")! - 0.56) < 1e-12, "\(row.cells)")
        let unweighted = try #require(book.row(in: "1 Informatie", equals: "Samen: (helemaal) eens"))
        #expect(Double(unweighted.cells[2] ?? "") == 0.625)
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(markdown.contains("Gewogen naar de klas: de 16 antwoorden tellen mee in de verhouding van de 40 ouders op de lijst"))
        #expect(markdown.contains("als 10 even zware antwoorden"))
        #expect(markdown.contains("### Gewogen anders dan ongewogen"))
        #expect(markdown.contains("n = 16; gewogen 25%, marge 8%–56%)"))
        #expect(book.contains("Samenvatting", "Gewogen naar de klas"))
    }

    @Test func weightedShareThatWouldRevealAHiddenCellIsLeftOut() throws {
        // 20 families without NT2 (16 answer, all agree) and 20 with NT2 (4 answer, all disagree): the NT2 cell
        // (4 answers) is hidden. Weights 0.625 and 2.5 make a weighted 50% against 80%, which differs by more than
        // the margin; but with it a reader solves 0.625·x + 2.5·y = 10, x + y = 16: y = 0, "no NT2 family agrees".
        var families = (1...20).map { Self.family("n\($0)", duidelijk: "eens", answered: $0 <= 16) }
        families += (1...20).map { Self.family("t\($0)", tags: ["nt2"], duidelijk: "oneens", answered: $0 <= 4) }
        let peiling = try DisclosureClass(families)
        defer { peiling.remove() }
        let (files, book) = try peiling.report()

        #expect(book.row(in: "1 Informatie", equals: "Gewogen: (helemaal) eens") == nil)
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(markdown.contains("Gewogen naar de kenmerken"))
        #expect(markdown.contains("Nergens wijkt het gewogen percentage meer dan de marge af"))
        #expect(!markdown.contains("; gewogen ") && !markdown.contains("### Gewogen anders"))

        // The same weighted figure without the check would have been shown: the check is what leaves it out.
        let a = try peiling.aggregate()
        let q = try #require(a.layout.entries.firstIndex { $0.question.id == "duidelijk" })
        let weighted = try #require(a.weightedTopShare(q))
        #expect(abs(weighted.share - 0.5) < 1e-9)
        #expect(weighted.differs(from: 0.8))
        let disclosure = DisclosureControl.protect(a, minGroup: 5)
        #expect(!WeightedShareCheck.isSafe(a, disclosure, question: q, weightedShare: weighted.share))
    }

    @Test func meanDifferenceIsFoundByWelchsTest() throws {
        // Nobody agrees in either group, so the shares cannot differ; 5A is neutral or disagrees (mean 2.5),
        // 5B mostly strongly disagrees (mean 1.25).
        var families = (1...8).map { Self.family("a\($0)", duidelijk: $0 <= 4 ? "neutraal" : "oneens") }
        families += (1...8).map { Self.family("b\($0)", group: "5B", duidelijk: $0 <= 6 ? "helemaal-oneens" : "oneens") }
        let peiling = try DisclosureClass(families)
        defer { peiling.remove() }
        let (files, _) = try peiling.report()
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(markdown.contains("- 5B (n = 8): gemiddeld lager dan de andere ouders bij"), "\(markdown)")
        #expect(markdown.contains("- 5A (n = 8): gemiddeld hoger dan de andere ouders bij"))
        #expect(markdown.contains("de t-toets van Welch"))
    }
}
