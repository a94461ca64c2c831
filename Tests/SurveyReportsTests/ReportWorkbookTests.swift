import Foundation
import Testing
@testable import SurveyReports
import SurveyStore

/// The workbook a teacher brings to the team meeting, read back from the .xlsx file itself.
@Suite struct ReportWorkbookTests {
    /// Writes the report of the known peiling and reads the workbook back.
    static func report(_ options: ReportOptions = ReportOptions()) throws -> (TestPeiling, ReportFiles, XlsxReader) {
        let peiling = try TestPeiling()
        try peiling.answerAll()
        let files = try ReportWriter.write(database: peiling.database, options: options, to: peiling.folder.appendingPathComponent("Reports"))
        return (peiling, files, try XlsxReader(files.workbook))
    }

    static func number(_ text: String?) -> Double? { text.flatMap(Double.init) }

    @Test func writesBothFilesNamedAfterThePeiling() throws {
        let (peiling, files, book) = try Self.report()
        defer { peiling.remove() }
        #expect(files.workbook.lastPathComponent == "groep-5-najaar-2026.xlsx")
        #expect(files.summary.lastPathComponent == "groep-5-najaar-2026.md")
        #expect(FileManager.default.fileExists(atPath: files.summary.path))
        #expect(book.sheetNames == ["Samenvatting", "Prioriteiten", "1 Informatie", "2 Tot slot", "Groepen", "Respons", "Open antwoorden", "Gespreksvragen", "Controle"])
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: files.workbook.deletingLastPathComponent().path)
        #expect(left.sorted() == ["groep-5-najaar-2026.md", "groep-5-najaar-2026.xlsx"])
    }

    @Test func themeSheetCountsEachOptionWithItsMargin() throws {
        let (peiling, _, book) = try Self.report()
        defer { peiling.remove() }
        let sheet = "1 Informatie"
        // duidelijk: 15 answered (c5 skipped), 4 "helemaal eens" (a1–a4).
        let heading = try #require(book.rows(sheet).first { $0.cells[0]?.contains("De berichten van school zijn duidelijk.") == true && $0.cells[1] == nil })
        #expect(book.rows(sheet).contains { $0.cells[0] == "15 ouders beantwoordden deze vraag, 1 sloegen haar over." })
        let top = try #require(book.row(in: sheet, equals: "Helemaal eens", after: heading.row))
        #expect(top.cells[1] == "4")
        #expect(abs(Self.number(top.cells[2])! - 4.0 / 15) < 1e-9)
        let low = try #require(Self.number(top.cells[3])), high = try #require(Self.number(top.cells[4]))
        #expect(low < 4.0 / 15 && 4.0 / 15 < high)
        let together = try #require(book.row(in: sheet, equals: "Samen: (helemaal) eens", after: heading.row))
        #expect(together.cells[1] == "8")
        #expect(abs(Self.number(together.cells[2])! - 8.0 / 15) < 1e-9)
        let mean = try #require(book.rows(sheet).first { $0.row > heading.row && $0.cells[0]?.hasPrefix("Gemiddelde (1 = helemaal oneens") == true })
        #expect(abs(Self.number(mean.cells[1])! - 53.0 / 15) < 1e-9)

        // Multiple choice: per option, of the 16 respondents who answered; sorted from most chosen.
        let kanaal = try #require(book.rows(sheet).first { $0.cells[0]?.hasSuffix("Hoe wilt u informatie krijgen?") == true })
        let app = try #require(book.rows(sheet).first { $0.row > kanaal.row })
        let header = try #require(book.row(in: sheet, equals: "Antwoord", after: kanaal.row))
        let firstOption = try #require(book.rows(sheet).first { $0.row == header.row + 1 })
        #expect(firstOption.cells[0] == "Via de ouderapp")
        #expect(firstOption.cells[1] == "9")
        #expect(abs(Self.number(firstOption.cells[2])! - 9.0 / 16) < 1e-9)
        _ = app
        let other = try #require(book.row(in: sheet, equals: "Anders, namelijk:", after: kanaal.row))
        #expect(other.cells[1] == "1")
    }

    @Test func themeSheetsHaveNativeBarCharts() throws {
        let (peiling, files, _) = try Self.report()
        defer { peiling.remove() }
        let listing = try Process.output("/usr/bin/unzip", ["-Z1", files.workbook.path])
        let charts = try listing.split(separator: "\n").filter { $0.hasPrefix("xl/charts/chart") }
            .map { try XlsxReader.part(files.workbook, String($0)) }.filter { $0.contains("'1 Informatie'!$") }
        // Informatie: a stacked overview per scale (2) and a bar chart per choice question (4).
        #expect(charts.count == 6)
        #expect(charts.filter { $0.contains("<c:grouping val=\"percentStacked\"/>") }.count == 2)
        #expect(charts.allSatisfy { $0.contains("<c:barDir val=\"bar\"/>") })
    }

    @Test func smallGroupsAreHiddenAndCannotBeSubtracted() throws {
        let (peiling, _, book) = try Self.report()
        defer { peiling.remove() }
        let sheet = "Groepen"
        // By group: 5B has 3 respondents (hidden, "<5"); 5C (5) is hidden too ("x"), or 5B = all - 5A - 5C.
        let groupHeader = try #require(book.rows(sheet).first { $0.cells.values.contains("5A (n = 8)") })
        let columns = groupHeader.cells
        let all = try #require(columns.first { $0.value == "Alle ouders (n = 16)" }?.key)
        let a = try #require(columns.first { $0.value == "5A (n = 8)" }?.key)
        let b = try #require(columns.first { $0.value == "5B (<5)" }?.key)
        let c = try #require(columns.first { $0.value == "5C (n = 5)" }?.key)
        let line = try #require(book.rows(sheet).first {
            $0.row > groupHeader.row && $0.cells[0] == "De berichten van school zijn duidelijk." && $0.cells[1] == "(helemaal) eens"
        })
        #expect(abs(Self.number(line.cells[all])! - 8.0 / 15) < 1e-9)
        #expect(abs(Self.number(line.cells[a])! - 6.0 / 8) < 1e-9)
        #expect(line.cells[b] == "<5")
        #expect(line.cells[c] == "<5")  // only 4 in 5C answered this one
        // Every cell in the hidden columns shows "<5" or "x", never a number.
        for row in book.rows(sheet) where row.row > groupHeader.row {
            if row.cells[0] == "Per afnamewijze" { break }
            #expect(row.cells[b] == nil || row.cells[b] == "<5")
            #expect(row.cells[c] == nil || row.cells[c] == "<5" || row.cells[c] == "x")
        }
        // By method: paper (3) hidden, so digital (13) is hidden as well ("x"): the total would give paper away.
        let methodHeader = try #require(book.rows(sheet).first { $0.cells.values.contains("Papier (thuis) (<5)") })
        let digital = try #require(methodHeader.cells.first { $0.value == "Digitaal (eigen apparaat) (n = 13)" }?.key)
        let methodRows = book.rows(sheet).filter { $0.row > methodHeader.row && $0.cells[digital] != nil }.prefix(5)
        #expect(!methodRows.isEmpty && methodRows.allSatisfy { $0.cells[digital] == "x" })
        // By tag: nt2 (3) hidden. The dual earners (6) are a1–a6, all in 5A (8): 5A minus them would give a7 and
        // a8, so their column is hidden too ("x").
        let tagHeader = try #require(book.rows(sheet).first { $0.cells.values.contains("Tweeverdieners (n = 6)") })
        #expect(tagHeader.cells.values.contains("Nederlands als tweede taal (<5)"))
        let tv = try #require(tagHeader.cells.first { $0.value == "Tweeverdieners (n = 6)" }?.key)
        let tagLine = try #require(book.rows(sheet).first {
            $0.row > tagHeader.row && $0.cells[0] == "De berichten van school zijn duidelijk." && $0.cells[1] == "(helemaal) eens"
        })
        #expect(tagLine.cells[tv] == "x")
        // The rule is written down for the reader.
        #expect(book.contains("Samenvatting", "'x': verborgen zodat niemand een verborgen cel kan terugrekenen"))
    }

    @Test func theMinimumIsTheChosenOne() throws {
        let (peiling, _, book) = try Self.report(ReportOptions(minGroup: 3))
        defer { peiling.remove() }
        // With a minimum of 3, 5B (3) and every method are shown; nt2 (3) too.
        #expect(book.rows("Groepen").contains { $0.cells.values.contains("5B (n = 3)") })
        #expect(book.rows("Groepen").contains { $0.cells.values.contains("Nederlands als tweede taal (n = 3)") })
        let (peiling9, _, book9) = try Self.report(ReportOptions(minGroup: 9))
        defer { peiling9.remove() }
        #expect(book9.rows("Groepen").contains { $0.cells.values.contains("5A (<9)") })
    }

    @Test func noNameEntersTheReportUnlessAsked() throws {
        let (peiling, files, _) = try Self.report()
        defer { peiling.remove() }
        let everything = try XlsxReader.allParts(files.workbook) + String(contentsOf: files.summary, encoding: .utf8)
        for name in TestPeiling.names + ["a1@example.org"] {
            #expect(!everything.contains(name), "\(name) is in the report")
        }

        let (named, namedFiles, namedBook) = try Self.report(ReportOptions(withNames: true))
        defer { named.remove() }
        // Only c6 (Piet Visser) has not answered: with --with-names the Respons sheet lists him, and says so.
        #expect(namedBook.contains("Respons", "Piet Visser"))
        #expect(!namedBook.contains("Respons", "Sanne Jansen"))
        #expect(namedBook.contains("Samenvatting", "--with-names"))
        #expect(try String(contentsOf: namedFiles.summary, encoding: .utf8).contains("--with-names"))
    }

    @Test func formulaLikeAnswersAreWrittenAsText() throws {
        // Four parents answered the open question: a minimum of 4 shows their texts.
        let (peiling, _, book) = try Self.report(ReportOptions(minGroup: 4))
        defer { peiling.remove() }
        for (name, xml) in book.rawSheets {
            #expect(!xml.contains("<f>"), "sheet \(name) has a formula")
        }
        let open = "Open antwoorden"
        for text in ["=HYPERLINK(\"http://example.org\",\"klik\")", "=SUM(A1:A9)", "+31 6 12345678 bel mij", "@juf: dank u wel"] {
            let row = try #require(book.row(in: open, equals: text), "\(text) missing")
            #expect(book.stringCells[open]!.contains("\(row.row):0"))
        }
    }

    @Test func openAnswersOfAQuestionWithTooFewAnswersStayOut() throws {
        let (peiling, _, book) = try Self.report()
        defer { peiling.remove() }
        let open = "Open antwoorden"
        // Four parents answered the open question (fewer than 5): none of their texts is in the report.
        #expect(book.row(in: open, equals: "Graag meer uitleg over rekenen") == nil)
        #expect(book.row(in: "2 Tot slot", equals: "Minder dan 5 antwoorden: om niemand herkenbaar te maken tonen we hier geen cijfers.") != nil)
        // The "other, namely" text of a question 16 answered is there, without characteristics.
        #expect(book.rows(open).contains { $0.cells[0] == "Hoe wilt u informatie krijgen? — anders, namelijk (1)" })
        #expect(book.row(in: open, equals: "=SUM(A1:A9)")?.cells[1] == nil)
        #expect(!book.contains(open, "Nederlands als tweede taal"))
    }

    @Test func everySheetPrintsOnA4Landscape() throws {
        let (peiling, _, book) = try Self.report()
        defer { peiling.remove() }
        for (name, xml) in book.rawSheets {
            #expect(xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"landscape\""), "\(name)")
            #expect(xml.contains("fitToHeight=\"0\""), "\(name) does not fit the width")
        }
        // Percentages are real numbers with a percentage format, not text.
        let styles = try XlsxReader.part(book.url, "xl/styles.xml")
        #expect(styles.contains("numFmtId=\"9\""))
    }

    @Test func englishReportHasEnglishSheets() throws {
        let (peiling, _, book) = try Self.report(ReportOptions(language: "en"))
        defer { peiling.remove() }
        #expect(book.sheetNames == ["Summary", "Priorities", "1 Information", "2 Finally", "Groups", "Response", "Open answers", "Discussion questions", "Disclosure check"])
        #expect(book.row(in: "1 Information", equals: "Strongly agree") != nil)
    }
}
