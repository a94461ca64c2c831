import Foundation
import Testing

/// The translation round trip and the translation status through the real binary, as a teacher and a
/// translator use them.
@Suite("CLI: translations")
struct CLITranslateTests {
    static let surveys = CLI.repository.appendingPathComponent("Surveys")

    /// A copy of a shipped survey in the CLI's folder, to import into.
    func copy(_ name: String, into cli: CLI) throws -> String {
        let target = cli.path(name)
        try FileManager.default.copyItem(atPath: Self.surveys.appendingPathComponent(name).path, toPath: target)
        return target
    }

    @Test func validateAndShowGiveTheStatusPerLanguage() throws {
        let cli = try CLI()
        for name in ["behoeften-ouders.yaml", "partnerschap-kinderopvang.yaml"] {
            let result = try cli.run(["survey", "validate", Self.surveys.appendingPathComponent(name).path])
            #expect(result.status == 0, "\(result.error)")
            let rows = result.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            let total = try #require(rows.compactMap { $0.count > 3 && $0[0] == "nl" ? Int($0[2]) : nil }.first)
            #expect(total > 200)
            for (code, draft) in [("nl", false), ("en", false), ("ar", true), ("tr", true), ("pl", true), ("uk", true)] {
                let row = try #require(rows.first { $0.first == code }, "\(name): no status row for \(code)")
                // language, name, present, missing, draft, checked
                #expect(Array(row.suffix(4)) == ["\(total)", "0", draft ? "\(total)" : "0", draft ? "0" : "\(total)"], "\(name) \(code): \(row)")
            }
        }
        let show = try cli.run(["survey", "show", Self.surveys.appendingPathComponent("behoeften-ouders.yaml").path, "--lang", "uk"])
        #expect(show.status == 0)
        #expect(show.output.contains("Nederlands (nl) | Українська (uk) (draft: not checked by a native speaker yet)"))
        #expect(show.output.contains("question.info-kanaal.text  [Question 1.1 (multiple)]"))
        let pair = try #require(show.output.split(separator: "\n").first { $0.hasPrefix("Hoe wilt u het liefst informatie van school") })
        #expect(pair.contains(" | Як ви найбільше хочете отримувати"))
        let unknown = try cli.run(["survey", "show", Self.surveys.appendingPathComponent("behoeften-ouders.yaml").path, "--lang", "ti"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("has no language 'ti'") && unknown.error.contains("translate export"))
    }

    @Test func xliffExportEditImportChangesOnlyThatText() throws {
        let cli = try CLI()
        let survey = try copy("behoeften-ouders.yaml", into: cli)
        let before = try String(contentsOfFile: survey, encoding: .utf8)
        let export = try cli.run(["survey", "translate", "export", survey, "--lang", "pl"])
        #expect(export.status == 0, "\(export.error)")
        #expect(export.output.contains("behoeften-ouders.pl.xlf:") && export.output.contains("0 to do"))
        var xml = try String(contentsOfFile: cli.path("behoeften-ouders.pl.xlf"), encoding: .utf8)
        let old = "<target>Dalej</target>"
        #expect(xml.components(separatedBy: old).count == 2)
        xml = xml.replacingOccurrences(of: old, with: "<target>Następne</target>")
        try xml.write(toFile: cli.path("behoeften-ouders.pl.xlf"), atomically: true, encoding: .utf8)

        let imported = try cli.run(["survey", "translate", "import", survey, "behoeften-ouders.pl.xlf"])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("1 changed: interface.next"))
        #expect(imported.output.contains("0 new") && imported.output.contains("0 missing"))
        #expect(imported.output.contains("Validated and written: \(survey)."))
        let after = try String(contentsOfFile: survey, encoding: .utf8)
        let changed = zip(before.components(separatedBy: "\n"), after.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.contains("pl: \"Następne\"") == true)
    }

    @Test func malformedXliffIsRefusedAndNothingIsWritten() throws {
        let cli = try CLI()
        let survey = try copy("behoeften-ouders.yaml", into: cli)
        let before = try Data(contentsOf: URL(fileURLWithPath: survey))
        try cli.run(["survey", "translate", "export", survey, "--lang", "tr", "--out", "tr.xlf"])
        let xml = try String(contentsOfFile: cli.path("tr.xlf"), encoding: .utf8)

        // Not XML: cut off in the middle of a unit.
        let cut = String(xml.prefix(xml.count / 2))
        try cut.write(toFile: cli.path("cut.xlf"), atomically: true, encoding: .utf8)
        let notXML = try cli.run(["survey", "translate", "import", survey, "cut.xlf"])
        #expect(notXML.status != 0)
        #expect(notXML.error.contains("cut.xlf:") && notXML.error.contains("this is not well-formed XML"))
        #expect(notXML.error.contains("cut.xlf was refused (1 problem); nothing was written to \(survey)."))

        // An id the survey does not have, and a Dutch source that is not the survey's.
        let lines = xml.components(separatedBy: "\n")
        let unknownLine = try #require(lines.firstIndex { $0.contains("<unit id=\"question.gezin.text\">") }) + 1
        let wrongLine = try #require(lines.firstIndex { $0.contains("<unit id=\"question.werk.text\">") }) + 1
        let edited = xml.replacingOccurrences(of: "<unit id=\"question.gezin.text\">", with: "<unit id=\"question.familie.text\">")
            .replacingOccurrences(of: "<source>Werken u en uw partner allebei?</source>", with: "<source>Werkt u?</source>")
        try edited.write(toFile: cli.path("edited.xlf"), atomically: true, encoding: .utf8)
        let refused = try cli.run(["survey", "translate", "import", survey, "edited.xlf"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("edited.xlf:\(unknownLine): unit 'question.familie.text': is not a text of"))
        #expect(refused.error.contains("edited.xlf:\(wrongLine): unit 'question.werk.text': the Dutch source is \"Werkt u?\""))
        #expect(refused.error.contains("was refused (2 problems); nothing was written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: survey)) == before)
    }

    @Test func spreadsheetFormRoundTrip() throws {
        let cli = try CLI()
        let survey = try copy("partnerschap-kinderopvang.yaml", into: cli)
        let before = try String(contentsOfFile: survey, encoding: .utf8)
        let export = try cli.run(["survey", "translate", "export", survey, "--lang", "uk", "--out", "uk.xlsx"])
        #expect(export.status == 0, "\(export.error)")
        // The translator changes one cell in Excel: here the shared string in the saved workbook.
        let old = "Далі", new = "Наступна сторінка"
        let script = """
            import sys, zipfile
            src, dst, old, new = sys.argv[1:5]
            with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == "xl/sharedStrings.xml":
                        text = data.decode("utf-8")
                        assert text.count("<t>" + old + "</t>") == 1, "the cell is not there once"
                        data = text.replace("<t>" + old + "</t>", "<t>" + new + "</t>").encode("utf-8")
                    zout.writestr(item, data)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, cli.path("uk.xlsx"), cli.path("uk-filled.xlsx"), old, new]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)

        let imported = try cli.run(["survey", "translate", "import", survey, "uk-filled.xlsx"])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("1 changed: interface.next"))
        let after = try String(contentsOfFile: survey, encoding: .utf8)
        let changed = zip(before.components(separatedBy: "\n"), after.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1 && changed.first?.1.contains("uk: \"\(new)\"") == true)

        // A spreadsheet that is not the form is refused by row.
        try "id;nl\n".write(toFile: cli.path("other.xlsx"), atomically: true, encoding: .utf8)
        let refused = try cli.run(["survey", "translate", "import", survey, "other.xlsx"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("other.xlsx: row 1: this is not an Excel workbook"))
    }

    @Test func languagesWithoutTranslationAreNamedWithTheInterpreterInterview() throws {
        let cli = try CLI()
        let survey = Self.surveys.appendingPathComponent("behoeften-ouders.yaml").path
        #expect(try cli.run(["init", "--survey", survey, "--name", "Groep 5"]).status == 0)
        try """
            id;groep;taal;kenmerken
            T01;5A;nl;
            T02;5A;ar;nt2
            T03;5A;Pools;nt2
            T04;5A;tr;
            T05;5A;uk;nt2
            T06;5A;ti;nt2
            T07;5B;Tigrinya;nt2
            T08;5B;nl;
            """.write(toFile: cli.path("klas.csv"), atomically: true, encoding: .utf8)
        let roster = try cli.run(["roster", "import", "klas.csv"])
        #expect(roster.status == 0, "\(roster.error)")
        #expect(roster.output.contains("Home languages in klas.csv and the survey 'behoeften-ouders':"))
        #expect(roster.output.contains("ti Tigrinya: 2 families, no translation: the letter and form show English beside Dutch; offer the interview with an interpreter"))
        #expect(roster.output.contains("pl Pools: 1 family, translated (draft)"))
        #expect(roster.output.contains("uk Oekraïens: 1 family, translated (draft)"))
        #expect(roster.output.contains("nl Nederlands: 2 families, Dutch"))

        let status = try cli.run(["status"])
        #expect(status.output.contains("Languages without a translation:\n  ti Tigrinya: 2 families, no translation"))

        let invite = try cli.run(["invite", "--base-url", "https://ouders.school.nl", "--out", "brieven"])
        #expect(invite.status == 0, "\(invite.error)")
        #expect((invite.output + invite.error).contains("2 letters are for parents who speak 'ti'") )
        let letters = try String(contentsOfFile: cli.path("brieven/uitnodigingen.html"), encoding: .utf8)
        let sections = letters.components(separatedBy: "<section class=\"letter\">").dropFirst()
        let tigrinya = try #require(sections.first { $0.contains("T06 · 5A") })
        #expect(tigrinya.contains("Deze vragenlijst is er nog niet in het Tigrinya (ትግርኛ). Wilt u de vragen samen met ons doornemen, met een tolk?"))
        #expect(tigrinya.contains("This questionnaire is not available in ትግርኛ (ti) yet."))
        let polish = try #require(sections.first { $0.contains("T03 · 5A") })
        #expect(polish.contains("lang=\"pl\"") && polish.contains("Drodzy Rodzice,"))
        #expect(!polish.contains("translation-notice"))
        let ukrainian = try #require(sections.first { $0.contains("T05 · 5A") })
        #expect(ukrainian.contains("lang=\"uk\"") && ukrainian.contains("Шановні батьки!"))
        let turkish = try #require(sections.first { $0.contains("T04 · 5A") })
        #expect(turkish.contains("lang=\"tr\"") && turkish.contains("Sevgili veli,") && turkish.contains("Kodunuz"))
    }
}
