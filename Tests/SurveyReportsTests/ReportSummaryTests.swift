import Foundation
import Testing
@testable import SurveyReports
import SurveyCore
import SurveyStore

/// The summary sheet, the Markdown text, versions and the statistics under them.
@Suite struct ReportSummaryTests {
    @Test func wilsonIntervalMatchesTheTextbook() {
        // Wilson (1927) 95% intervals as tabulated by Newcombe (1998): 5/10 and 0/10.
        let half = Proportion(count: 5, total: 10).interval
        #expect(abs(half.low - 0.2366) < 0.0001 && abs(half.high - 0.7634) < 0.0001)
        let none = Proportion(count: 0, total: 10).interval
        #expect(none.low == 0 && abs(none.high - 0.2775) < 0.0001)
        #expect(Proportion(count: 0, total: 0).interval == (0, 0))
    }

    @Test func summaryGivesResponseNeedsAndLowestItems() throws {
        let (peiling, _, book) = try ReportWorkbookTests.report()
        defer { peiling.remove() }
        let sheet = "Samenvatting"
        #expect(book.contains(sheet, "16 van de 17 ouders op de lijst hebben geantwoord (94%)."))
        let digital = try #require(book.row(in: sheet, column: 1, equals: "Digitaal (eigen apparaat)"))
        #expect(digital.cells[2] == "13")
        #expect(abs(ReportWorkbookTests.number(digital.cells[3])! - 13.0 / 16) < 1e-9)
        // The need question: 2 "grote behoefte" + 3 "behoefte" of 16.
        let need = try #require(book.rows(sheet).first { $0.cells[1]?.hasPrefix("31% (grote) behoefte: \u{201C}Hoeveel behoefte heeft u aan meer informatie?\u{201D}") == true })
        #expect(abs(ReportWorkbookTests.number(need.cells[2])! - 5.0 / 16) < 1e-9)
        #expect(need.cells[5] == "16")
        let lowest = try #require(book.rows(sheet).first { $0.cells[1]?.hasPrefix("53% (helemaal) eens: \u{201C}De berichten van school zijn duidelijk.\u{201D}") == true })
        #expect(lowest.cells[5] == "15")
        // Good response: no warning.
        #expect(!book.rows(sheet).contains { $0.cells[0] == "!" })
    }

    @Test func lowResponseIsWarnedAbout() throws {
        let peiling = try TestPeiling()
        defer { peiling.remove() }
        try peiling.answer("a1", ["duidelijk": ["eens"], "kanaal": ["app"]])
        try peiling.answer("a2", ["duidelijk": ["oneens"], "kanaal": ["email"]])
        let files = try ReportWriter.write(database: peiling.database, options: ReportOptions(), to: peiling.folder)
        let book = try XlsxReader(files.workbook)
        let warnings = book.rows("Samenvatting").filter { $0.cells[0] == "!" }.compactMap { $0.cells[1] }
        #expect(warnings.contains { $0.hasPrefix("Pas 2 ouders hebben geantwoord.") })
        #expect(warnings.contains { $0.hasPrefix("De respons is 12% (2 van 17 ouders).") })
        // The nt2 parents did not answer at all: their voice is missing.
        #expect(warnings.contains { $0.contains("'Nederlands als tweede taal' antwoordde 0% (0 van 3)") })
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(markdown.contains("> **Let op:** Pas 2 ouders hebben geantwoord."))
    }

    @Test func aPeilingWithoutResponsesStillGivesAReport() throws {
        let peiling = try TestPeiling()
        defer { peiling.remove() }
        let files = try ReportWriter.write(database: peiling.database, options: ReportOptions(), to: peiling.folder)
        let book = try XlsxReader(files.workbook)
        #expect(book.rows("Samenvatting").contains { $0.cells[1] == "Er zijn nog geen antwoorden: dit rapport bevat nog geen uitkomsten." })
        #expect(!book.sheetNames.contains("Data"))
        #expect(try String(contentsOf: files.summary, encoding: .utf8).contains("> **Let op:** Er zijn nog geen antwoorden"))
    }

    @Test func markdownHasBarsDifferencesAndDiscussionQuestions() throws {
        let (peiling, files, _) = try ReportWorkbookTests.report()
        defer { peiling.remove() }
        let text = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(text.hasPrefix("# Wat heeft u nodig?"))
        // 8 of 15 agree: 53%, the lowest-scoring statement.
        #expect(text.contains("1. 53% (helemaal) eens: \u{201C}De berichten van school zijn duidelijk.\u{201D}"))
        #expect(MarkdownReport.bar(0.8) == "████████░░ 80%")
        // 5A (6 of 8 agree) against the other 7 parents (2 agree) is 22 points apart, but with so few parents not
        // beyond chance (Fisher p = 0.132, scipy: fisher_exact([[6, 2], [2, 5]])), so no difference is claimed.
        let differences = try #require(text.components(separatedBy: "## Verschillen tussen groepen").last?.components(separatedBy: "## Wiens stem").first)
        #expect(abs(Significance.fisherExact(6, 2, 2, 5) - 0.13193473193473193) < 1e-12)
        #expect(differences.contains("Geen groep van minstens 5 ouders antwoordt duidelijk anders dan de andere ouders"))
        #expect(!differences.contains("- 5A (n = 8)"))
        #expect(differences.contains("Benjamini-Hochberg"))
        // The dual earners are a1–a6 of 5A: shown beside 5A they would give a7 and a8 away, so they are hidden.
        #expect(!differences.contains("Tweeverdieners"))
        #expect(!differences.contains("5B (n") && !differences.contains("5C (n"))
        #expect(text.contains("| Groep 5C | 6 | 5 | ████████░░ 83% |"))
        #expect(text.contains("1. Hoe geven wij ouders inzicht in wat hun kind leert? _(Kletspot 17)_"))
    }

    @Test func aClearDifferenceBetweenGroupsIsTestedAndListed() throws {
        let peiling = try TestPeiling()
        defer { peiling.remove() }
        // 5A all agree strongly, two of 5B are neutral, 5C disagrees: 8 of 16 agree overall. (5B is too small to
        // show and 5C is hidden to protect it; b1 stays out so that NT2's hidden cell keeps a range.)
        for i in 1...8 { try peiling.answer("a\(i)", ["duidelijk": ["helemaal-eens"]]) }
        for i in 2...3 { try peiling.answer("b\(i)", ["duidelijk": ["neutraal"]]) }
        for i in 1...6 { try peiling.answer("c\(i)", ["duidelijk": ["oneens"]]) }
        let files = try ReportWriter.write(database: peiling.database, options: ReportOptions(), to: peiling.folder)
        let text = try String(contentsOf: files.summary, encoding: .utf8)
        let differences = try #require(text.components(separatedBy: "## Verschillen tussen groepen").last?.components(separatedBy: "## Wiens stem").first)
        // 5A 8 of 8 against the other 8 parents 0 of 8: Fisher p = 1.6e-4 (scipy: fisher_exact([[8, 0], [0, 8]])).
        #expect(abs(Significance.fisherExact(8, 0, 0, 8) - 0.0001554001554001554) < 1e-15)
        #expect(differences.contains("- 5A (n = 8): 100% (helemaal) eens bij “De berichten van school zijn duidelijk.”, tegen 50% van alle ouders."))
        #expect(!differences.contains("5C (n"), "hidden to protect 5B")
    }

    @Test func reportSaysHowRepresentativeTheResponseIsAndWhoseVoiceIsMissing() throws {
        let (peiling, files, book) = try ReportWorkbookTests.report()
        defer { peiling.remove() }
        // Everyone on the roster of 17 answered except c6: R from the same routine as `status`.
        let status = try peiling.database.status()
        let r = try #require(status.representativeness)
        let text = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(text.contains("Representativiteit: " + r.meaning.dutch))
        #expect(text.contains("De stem die het meest ontbreekt: groep 5C (5 van 6 geantwoord)."))
        #expect(book.rows("Samenvatting").contains { $0.cells[1]?.contains("Representativiteit: R = ") == true })
    }

    @Test func discussionQuestionsComeFromTheDefinitionWithTheirCard() throws {
        let (peiling, _, book) = try ReportWorkbookTests.report()
        defer { peiling.remove() }
        let sheet = "Gespreksvragen"
        let first = try #require(book.row(in: sheet, column: 1, equals: "Hoe geven wij ouders inzicht in wat hun kind leert?"))
        #expect(first.cells[2] == "Kletspot 17")
        #expect(book.row(in: sheet, column: 1, equals: "Passen onze manieren van informeren bij wat ouders aangeven?")?.cells[2] == "Kaart 3.1")
    }

    @Test func olderVersionsCountWhereTheQuestionStillExists() throws {
        let peiling = try TestPeiling()
        defer { peiling.remove() }
        for i in 1...5 { try peiling.answer("a\(i)", ["duidelijk": ["eens"], "meer": ["behoefte"], "kanaal": ["app"]]) }
        // Version 2 drops `meer` and adds `nieuw`.
        let v1 = try String(contentsOf: TestPeiling.fixture, encoding: .utf8)
        let v2 = v1.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "      - id: meer\n", with: "      - id: nieuw\n")
            .replacingOccurrences(of: "Hoeveel behoefte heeft u aan meer informatie?", with: "Hoeveel behoefte heeft u aan een gesprek?")
            .replacingOccurrences(of: "How much do you need more information?", with: "How much do you need a conversation?")
        let survey2 = try SurveyLoader.load(yaml: v2, file: "v2.yaml").survey
        #expect(try peiling.database.initialize(name: "Groep 5, najaar 2026", survey: survey2, yaml: v2) == .updatedDefinition(fromVersion: 1, toVersion: 2))
        for i in 1...3 {
            var answers: Answers = [:]
            answers["duidelijk"] = Answer(questionID: "duidelijk", value: .choice("helemaal-eens"))
            answers["nieuw"] = Answer(questionID: "nieuw", value: .choice("grote-behoefte"))
            try peiling.database.save(NewResponse(respondentID: "b\(i)", method: .paperHome, language: "nl", answers: answers))
        }
        // Three parents answered the new question: a minimum of 3 shows it.
        let files = try ReportWriter.write(database: peiling.database, options: ReportOptions(minGroup: 3), to: peiling.folder)
        let book = try XlsxReader(files.workbook)
        #expect(book.contains("Samenvatting", "5 antwoorden zijn gegeven op een eerdere versie van de vragenlijst (versie 1: 5, versie 2: 3)."))
        let sheet = "1 Informatie"
        // duidelijk exists in both versions: all 8 count.
        let duidelijk = try #require(book.rows(sheet).first { $0.cells[0]?.hasSuffix("De berichten van school zijn duidelijk.") == true })
        #expect(book.row(in: sheet, equals: "8 ouders beantwoordden deze vraag.", after: duidelijk.row) != nil)
        // nieuw was not in version 1: the five earlier parents did not skip it.
        let nieuw = try #require(book.rows(sheet).first { $0.cells[0]?.hasSuffix("Hoeveel behoefte heeft u aan een gesprek?") == true })
        #expect(book.row(in: sheet, equals: "3 ouders beantwoordden deze vraag.", after: nieuw.row) != nil)
        // meer no longer exists: it has no table.
        #expect(!book.contains(sheet, "Hoeveel behoefte heeft u aan meer informatie?"))
    }

    @Test func anOptionRemovedInANewVersionStaysCountedAndMarked() throws {
        let peiling = try TestPeiling()
        defer { peiling.remove() }
        // Five parents choose "Op papier" under version 1.
        for i in 1...5 { try peiling.answer("a\(i)", ["kanaal": ["papier"], "duidelijk": ["eens"]]) }
        let v1 = try String(contentsOf: TestPeiling.fixture, encoding: .utf8)
        let v2 = v1.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "          - { id: papier, nl: \"Op papier\", en: \"On paper\" }\n", with: "")
        let survey2 = try SurveyLoader.load(yaml: v2, file: "v2.yaml").survey
        #expect(survey2.question("kanaal")?.options.contains { $0.id == "papier" } == false)
        _ = try peiling.database.initialize(name: "Groep 5, najaar 2026", survey: survey2, yaml: v2)
        for i in 1...5 { try peiling.answer("c\(i)", ["kanaal": ["app"], "duidelijk": ["eens"]]) }
        let files = try ReportWriter.write(database: peiling.database, options: ReportOptions(), to: peiling.folder)
        let book = try XlsxReader(files.workbook)
        let sheet = "1 Informatie"
        // All ten still count: n stays 10, and the five earlier answers are there, marked.
        let kanaal = try #require(book.rows(sheet).first { $0.cells[0]?.hasSuffix("Hoe wilt u informatie krijgen?") == true })
        #expect(book.row(in: sheet, equals: "Meer antwoorden mogelijk. 10 ouders beantwoordden deze vraag.", after: kanaal.row) != nil)
        let removed = try #require(book.row(in: sheet, equals: "Op papier (verwijderd in versie 2)", after: kanaal.row))
        #expect(removed.cells[1] == "5")
        // The summary says what changed and how many answered each version.
        #expect(book.contains("Samenvatting", "versie 1: 5, versie 2: 5"))
        #expect(book.contains("Samenvatting", "Vraag 'kanaal': antwoord 'Op papier' vervalt in versie 2; eerdere antwoorden blijven meetellen"))
    }

    @Test func slugIsLowercaseAsciiWithDashes() {
        #expect(Slug.make("Groep 5, najaar 2026") == "groep-5-najaar-2026")
        #expect(Slug.make("Peuters Één & Twee!") == "peuters-een-twee")
        #expect(Slug.make("***") == "peiling")
    }
}
