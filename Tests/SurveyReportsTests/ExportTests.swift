import Foundation
import SurveyCore
import Testing
@testable import SurveyReports

/// The de-identified export, read back from the written files and checked the way an attacker who knows the
/// roster would try to use it (issue 8): no combination smaller than k, nobody singled out, nothing that links.
@Suite struct ExportTests {
    static let formats: [ExportOptions.Format] = [.xlsx, .csv]

    static func background(_ survey: Survey) -> Set<String> {
        Set(survey.themes.filter(\.isBackground).flatMap(\.questions).filter { $0.type != .text }.map(\.id))
    }

    /// Exports the class into its own Reports folder and reads the data back from the file.
    static func export(_ peiling: AdversarialClass, _ options: ExportOptions) throws -> (ExportReport, ExportFile) {
        let report = try ExportWriter.write(database: peiling.database, options: options, to: peiling.folder.appendingPathComponent("Reports"))
        let file = options.format == .xlsx ? try ExportFile(xlsx: report.files[0]) : try ExportFile(csv: report.files[0])
        return (report, file)
    }

    @Test(arguments: formats, [5, 3])
    func everyCombinationInTheFileHoldsAtLeastKRows(format: ExportOptions.Format, k: Int) throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (report, file) = try Self.export(peiling, ExportOptions(format: format, minGroup: k, seed: 1))
        let identifying = ExportFile.quasiIdentifiers(in: file.header, background: Self.background(peiling.survey))
        let sizes = file.combinationSizes(identifying)
        #expect(!sizes.isEmpty)
        #expect(sizes.values.allSatisfy { $0 >= k }, "combinations in the file: \(sizes)")
        #expect(file.rows.count == report.rowsWritten)
        #expect(report.rowsWritten + report.rowsDropped == 16)
        #expect(file.header.contains("info-duidelijk"), "the answers are there")
    }

    /// The attacker knows the Polish parent and the blended family: every value they could see in the file, in
    /// every form the export might show it. Rows that fit what they know must be at least k.
    @Test(arguments: formats)
    func blendedFamilyAndPolishParentCannotBeSingledOut(format: ExportOptions.Format) throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (_, file) = try Self.export(peiling, ExportOptions(format: format, seed: 7))
        let duidelijk = try #require(file.column("info-duidelijk")), wie = try #require(file.column("info-wie"))
        for number in [4, 5] {
            let family = AdversarialClass.families[number - 1]
            var known: [String: Set<String>] = [
                "groep": ["5B", "5"], "tolk": [""], "versie": ["1"],
                "afnamewijze": [family.method.rawValue, family.method == .oral ? "mondeling" : "digitaal"],
                "taal": family.language == "nl" ? ["nl"] : [family.language, "niet-nl"],
            ]
            for tag in peiling.survey.tags { known["kenmerk." + tag.id] = [family.tags.contains(tag.id) ? "1" : "0"] }
            for question in Self.background(peiling.survey) { known[question] = [""] }
            known["gezin"] = family.background["gezin"].map { Set($0 + ["samengesteld"]) } ?? [""]
            known["thuistaal"] = number == 4 ? ["pools", "nt2"] : ["nederlands", "geen"]
            let identifying = ExportFile.quasiIdentifiers(in: file.header, background: Self.background(peiling.survey))
            let candidates = file.rows.filter { row in
                identifying.allSatisfy { row[$0] == "*" || known[file.header[$0]]?.contains(row[$0]) == true }
            }
            let own = file.rows.first { AdversarialClass.familyNumber(duidelijk: $0[duidelijk], wie: $0[wie]) == number }
            #expect(own.map { row in candidates.contains(row) } == true, "family \(number)'s own row fits what the attacker knows")
            #expect(candidates.count >= 5, "family \(number) hides among \(candidates.count) rows")
        }
        for value in ["pl", "pools", "samengesteld", "oral_interpreter", "professional", "ar"] {
            #expect(!file.rows.contains { $0.contains(value) }, "\(value) would single out a family")
        }
    }

    @Test(arguments: formats)
    func noCodeRosterIdNameStaffOrDateInAnyFile(format: ExportOptions.Format) throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (report, file) = try Self.export(peiling, ExportOptions(format: format))
        var everything: String
        var cells: [String]
        if format == .xlsx {
            everything = try XlsxReader.allParts(report.files[0])
            let book = try XlsxReader(report.files[0])
            #expect(book.sheetNames == ["Toelichting", "Data", "Codeboek"])
            cells = book.sheets.values.flatMap { $0.values.flatMap(\.values) }
        } else {
            #expect(report.files.map(\.lastPathComponent) == ["groep-5b-najaar-export.csv", "groep-5b-najaar-export-toelichting.txt"])
            #expect(file.startsWithBOM)
            everything = try report.files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
            cells = everything.split(whereSeparator: { ";\r\n".contains($0) }).map(String.init)
        }
        let forbidden = AdversarialClass.families.flatMap { [$0.id, $0.name, "\($0.id)@example.org"] }
            + AdversarialClass.names.flatMap { $0.split(separator: " ").map(String.init).filter { $0.count > 3 } }
            + AdversarialClass.staff + peiling.codes
        for text in forbidden { #expect(!everything.contains(text), "\(text) is in the export") }
        for cell in cells {
            #expect(cell.firstMatch(of: /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/) == nil, "a date or time: \(cell)")
        }
        for name in file.header {
            #expect(!["id", "code", "respondent", "datum", "date", "ingevoerd", "entered_by", "verified_by", "nr"].contains(name.lowercased()))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: peiling.folder.appendingPathComponent("Reports").path)
        #expect(left.sorted() == report.files.map(\.lastPathComponent).sorted(), "no temporary file is left behind")
    }

    @Test(arguments: formats)
    func openAnswersOnlyWhenAskedAndThenWithAWarning(format: ExportOptions.Format) throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (without, plain) = try Self.export(peiling, ExportOptions(format: format))
        #expect(!plain.header.contains("school-doen") && !plain.header.contains("nog-vertellen"))
        #expect(!plain.rows.joined().contains { $0.contains("bel mij gerust") })
        #expect(without.withOpenAnswers == false)

        let (with, open) = try Self.export(peiling, ExportOptions(format: format, withOpenAnswers: true))
        let column = try #require(open.column("school-doen"))
        #expect(open.rows.contains { $0[column] == "Ik ben Fatima Benali, bel mij gerust." })
        let formula = try #require(open.column("nog-vertellen"))
        let explanation: String
        if format == .xlsx {
            let book = try XlsxReader(with.files[0])
            #expect(open.rows.contains { $0[formula] == "=HYPERLINK(\"http://example.org\")" })
            #expect(!book.rawSheets["Data"]!.contains("<f>"), "an answer is never run as a formula")
            explanation = book.rows("Toelichting").map { $0.cells.values.joined(separator: " ") }.joined(separator: "\n")
        } else {
            #expect(open.rows.contains { $0[formula] == "'=HYPERLINK(\"http://example.org\")" }, "a spreadsheet shows it as text")
            explanation = try String(contentsOf: with.files[1], encoding: .utf8)
        }
        #expect(explanation.contains("Open antwoorden staan erin"))
        #expect(explanation.contains("may contain names") || explanation.contains("names or details"))
    }

    /// The row order is not the order of entry: families 1..16 were entered in order.
    @Test func rowsAreShuffled() throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        func order(_ seed: UInt64?) throws -> [Int] {
            let (_, file) = try Self.export(peiling, ExportOptions(format: .csv, seed: seed))
            let d = try #require(file.column("info-duidelijk")), w = try #require(file.column("info-wie"))
            return file.rows.compactMap { AdversarialClass.familyNumber(duidelijk: $0[d], wie: $0[w]) }
        }
        let first = try order(11), again = try order(11), other = try order(12), unseeded = try order(nil)
        #expect(first.sorted() == Array(1...16))
        #expect(first != Array(1...16) && unseeded != Array(1...16))
        #expect(first == again, "a seed reproduces the order (for tests)")
        #expect(first != other)
    }

    @Test func answersAreCodesWithACodebook() throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (report, file) = try Self.export(peiling, ExportOptions(format: .xlsx, seed: 3))
        let book = try XlsxReader(report.files[0])
        let duidelijk = try #require(file.column("info-duidelijk"))
        #expect(Set(file.rows.map { $0[duidelijk] }).isSubset(of: ["1", "2", "3", "4", "5"]), "scale points as numbers")
        let app = try #require(file.column("info-kanaal.app"), "one 0/1 column per option of a multiple-choice question")
        #expect(Set(file.rows.map { $0[app] }) == ["1"], "every family chose the first option")
        #expect(file.column("info-kanaal.email").map { c in Set(file.rows.map { $0[c] }) } == ["0"])

        let codebook = book.rows("Codeboek")
        let question = try #require(peiling.survey.question("info-duidelijk"))
        let start = try #require(codebook.firstIndex { $0.cells[0] == "info-duidelijk" })
        #expect(codebook[start].cells[1] == question.text.dutch)
        #expect(codebook[start].cells[3] == "1" && codebook[start].cells[4] == question.options[0].label.dutch)
        #expect(codebook[start + 4].cells[3] == "5" && codebook[start + 4].cells[4] == question.options[4].label.dutch)
    }

    @Test func explanationSaysWhatWasDone() throws {
        let peiling = try AdversarialClass()
        defer { peiling.remove() }
        let (report, _) = try Self.export(peiling, ExportOptions(format: .csv))
        let text = try String(contentsOf: report.files[1], encoding: .utf8)
        #expect(text.contains("k = 5") && text.contains("Sweeney 2002"))
        #expect(text.contains("willekeurige volgorde (cryptografisch geschud)"))
        #expect(text.contains("Antwoorden: 16; rijen in dit bestand: \(report.rowsWritten); weggelaten rijen: \(report.rowsDropped)."))
        // Four oral interviews (3 with interpreter, 1 without) and one blended family are fewer than 5: removed.
        #expect(text.contains("afnamewijze: weggelaten") && text.contains("kenmerk.samengesteld: weggelaten"))
        #expect(text.contains("taal: weggelaten") && text.contains("tolk: weggelaten"))
        #expect(text.contains("Open antwoorden (open vragen en 'anders, namelijk') zijn weggelaten"))
        #expect(text.contains("— Codeboek / Codebook —"))
        #expect(report.changedColumns.contains("afnamewijze: removed"))
    }

    /// One response can never be de-identified: nothing is written, and the reason is one sentence.
    @Test func fewerResponsesThanKWritesNothing() throws {
        let peiling = try AdversarialClass(families: [AdversarialClass.families[0]])
        defer { peiling.remove() }
        let out = peiling.folder.appendingPathComponent("Reports")
        #expect(throws: ReportError.self) { try ExportWriter.write(database: peiling.database, options: ExportOptions(), to: out) }
        do {
            _ = try ExportWriter.write(database: peiling.database, options: ExportOptions(), to: out)
        } catch let error as ReportError {
            #expect(error.description == "There are only 1 responses and an export needs at least 5 (--min-group), or a row would stand for one family; nothing was written.")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty)
    }

    /// A class of 30 with two common methods and a common tag keeps them: only what is rare is coarsened.
    @Test func aLargerClassKeepsWhatIsSafe() throws {
        let families = (1...30).map { n in
            AdversarialClass.Family(id: String(format: "gezin-%02d", n), name: "Ouder Nummer\(n)", language: "nl",
                                    tags: n <= 10 ? ["tweeverdieners"] : [], method: n % 2 == 0 ? .digital : .paperHome,
                                    interpreter: nil, background: [:])
        } + [AdversarialClass.Family(id: "gezin-31", name: "Katarzyna Nowak", language: "pl", tags: ["nt2"], method: .oral,
                                     interpreter: nil, background: ["thuistaal": ["pools"]])]
        let peiling = try AdversarialClass(families: families)
        defer { peiling.remove() }
        let (report, file) = try Self.export(peiling, ExportOptions(format: .xlsx, seed: 5))
        let method = try #require(file.column("afnamewijze"))
        // The one oral interview makes the methods coarser (digital / written), but they stay.
        #expect(Set(file.rows.map { $0[method] }).isSuperset(of: ["digitaal", "schriftelijk"]))
        #expect(file.column("kenmerk.tweeverdieners") != nil)
        let identifying = ExportFile.quasiIdentifiers(in: file.header, background: Self.background(peiling.survey))
        #expect(file.combinationSizes(identifying).values.allSatisfy { $0 >= 5 })
        #expect(!file.rows.contains { $0.contains("pl") || $0.contains("oral") }, "the one Polish interview is not visible")
        #expect(report.rowsWritten + report.rowsDropped == 31)
    }
}
