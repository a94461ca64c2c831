import Foundation
import SurveyCore
import SurveyStore
import Testing
@testable import ouderstem

/// The CLI speaks Dutch to a Dutch teacher and English otherwise, from one table of texts.
@Suite struct CLILanguageTests {
    static let dutch = "nl_NL.UTF-8"
    static let english = "en_US.UTF-8"

    // MARK: The table

    @Test func everyTextHasBothLanguagesWithTheSamePlaceholders() {
        for key in CLIText.allCases {
            guard let phrase = CLIText.table[key] else {
                Issue.record("\(key) has no text")
                continue
            }
            #expect(!phrase.nl.isEmpty && !phrase.en.isEmpty, "\(key) needs a Dutch and an English text")
            #expect(CLIText.placeholders(in: phrase.nl) == CLIText.placeholders(in: phrase.en),
                    "\(key): Dutch \(CLIText.placeholders(in: phrase.nl).sorted()) but English \(CLIText.placeholders(in: phrase.en).sorted())")
        }
        #expect(CLIText.table.count == CLIText.allCases.count, "no text without a key")
    }

    @Test func placeholdersAreFilledByName() {
        let values: [String: Any] = ["count": 30, "file": "klas.csv", "added": 30, "updated": 0, "unchanged": 0]
        #expect(CLIText.rosterImported.text(values, in: .dutch) == "30 gezinnen ingelezen uit klas.csv: 30 nieuw, 0 bijgewerkt, 0 ongewijzigd.")
        #expect(CLIText.rosterImported.text(values, in: .english) == "Imported 30 families from klas.csv: 30 new, 0 updated, 0 unchanged.")
    }

    // MARK: Choosing the language

    @Test func theLocaleChoosesTheLanguageInPOSIXOrder() {
        #expect(CLILanguage(environment: ["LANG": "nl_NL.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "nl_BE.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(CLILanguage(environment: ["LANG": "de_DE.UTF-8"]) == .english)
        // LC_ALL before LC_MESSAGES before LANG; an empty one counts as unset.
        #expect(CLILanguage(environment: ["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "nl_NL"]) == .english)
        #expect(CLILanguage(environment: ["LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]) == .english)
        // OUDERSTEM_LANG overrides the locale.
        #expect(CLILanguage(environment: ["OUDERSTEM_LANG": "en", "LC_ALL": "nl_NL.UTF-8"]) == .english)
        #expect(CLILanguage(environment: ["OUDERSTEM_LANG": "nl", "LANG": "en_US.UTF-8"]) == .dutch)
    }

    @Test func anUnsetOrDefaultLocaleIsDutch() {
        #expect(CLILanguage(environment: [:]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "C"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "C.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LC_ALL": "POSIX"]) == .dutch)
    }

    // MARK: The real binary

    @Test func rosterImportSummaryInTheTeachersLanguage() throws {
        let cli = try CLI()
        try cli.run(["init", "--survey", CLIFlowTests.surveyPath])
        let dutch = try cli.speaking(Self.dutch).run(["roster", "import", CLIFlowTests.rosterPath, "--dry-run"])
        #expect(dutch.status == 0, "\(dutch.error)")
        #expect(dutch.output.contains("Proefrun, er is niets geschreven. Inlezen van \(CLIFlowTests.rosterPath) zou geven: 30 nieuw, 0 bijgewerkt, 0 ongewijzigd."))
        #expect(!dutch.output.contains("Dry run"))

        let english = try cli.speaking(Self.english).run(["roster", "import", CLIFlowTests.rosterPath])
        #expect(english.status == 0, "\(english.error)")
        #expect(english.output.contains("Imported 30 families from \(CLIFlowTests.rosterPath): 30 new, 0 updated, 0 unchanged."))

        let again = try cli.speaking(Self.dutch).run(["roster", "import", CLIFlowTests.rosterPath])
        #expect(again.output.contains("30 gezinnen ingelezen uit \(CLIFlowTests.rosterPath): 0 nieuw, 0 bijgewerkt, 30 ongewijzigd."))
        #expect(!again.output.contains("Imported"))
    }

    @Test func enterPromptsInTheTeachersLanguage() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey
        let script = EntryScript.lines(for: survey, plan: EntryScript.minimal(survey), confirm: "n")

        let dutch = try cli.speaking(Self.dutch).run(["enter", "--respondent", "L03", "--method", "paper_home"], input: script)
        #expect(dutch.output.contains("Typ het nummer van het antwoord"))
        #expect(dutch.output.contains("Opslaan? [j]a, [n]ee, of een vraagnummer (2.3) om te wijzigen:"))
        #expect(dutch.output.contains(", groep 5") && dutch.output.contains(", taal ") && dutch.output.contains(", Papier (thuis)"))
        #expect(!dutch.output.contains("Save?"))
        #expect(dutch.status != 0)
        #expect(dutch.error == "Fout: Gestopt: er is niets opgeslagen.\n")

        let english = try cli.speaking(Self.english).run(["enter", "--respondent", "L03", "--method", "paper_home"], input: script)
        #expect(english.output.contains("Type the number of the answer"))
        #expect(english.output.contains("Save? [y]es, [n]o, or a question number (2.3) to change:"))
        #expect(english.output.contains(", group 5") && english.output.contains(", language ") && english.output.contains(", Paper (at home)"))
        #expect(!english.output.contains("Opslaan?"))
        #expect(english.error == "Error: Stopped: nothing was saved.\n")
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).response(of: "L03") == nil)
    }

    @Test func missingDatabaseIsOnePlainSentence() throws {
        let cli = try CLI()
        let dutch = try cli.speaking(Self.dutch).run(["status"])
        #expect(dutch.status != 0)
        #expect(dutch.error == "Fout: Er is geen database ouderstem.sqlite; begin met `ouderstem init --survey BESTAND` (of geef --db).\n")
        let english = try cli.speaking(Self.english).run(["status"])
        #expect(english.status != 0)
        #expect(english.error == "Error: There is no database at ouderstem.sqlite; start with `ouderstem init --survey FILE` (or give --db).\n")
    }

    @Test func badRosterRowIsRefusedInTheTeachersLanguage() throws {
        let cli = try CLI()
        try cli.run(["init", "--survey", CLIFlowTests.surveyPath])
        let file = cli.path("klas.csv")
        try "kind;groep;kenmerken\nSara;5A;nt2\nDaan;;tweeverdieners\n".write(toFile: file, atomically: true, encoding: .utf8)
        let dutch = try cli.speaking(Self.dutch).run(["roster", "import", file])
        #expect(dutch.status != 0)
        #expect(dutch.error == "Fout: \(file): Rij 3: geen groep of klas bij 'Daan'. Er is niets ingelezen.\n", "\(dutch.error)")
        #expect(dutch.error.split(separator: "\n").count == 1)
        let english = try cli.speaking(Self.english).run(["roster", "import", file])
        #expect(english.status != 0)
        #expect(english.error == "Error: \(file): Row 3: no group or class for 'Daan'. Nothing was imported.\n")
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).respondents().isEmpty)
    }

    @Test func anUnsetLocaleSpeaksDutchAndTheOverrideWins() throws {
        let cli = try CLI()
        let bare = try cli.speaking(nil).run(["status"])
        #expect(bare.error.hasPrefix("Fout: Er is geen database"), "\(bare.error)")
        let posix = try cli.speaking("C.UTF-8").run(["status"])
        #expect(posix.error.hasPrefix("Fout: Er is geen database"), "\(posix.error)")
        var overridden = cli.speaking(Self.dutch)
        overridden.variables["OUDERSTEM_LANG"] = "en"
        let said = try overridden.run(["status"]).error
        #expect(said.hasPrefix("Error: There is no database"), "\(said)")
    }

    @Test func helpStaysEnglish() throws {
        let cli = try CLI().speaking(Self.dutch)
        let help = try cli.run(["roster", "import", "--help"])
        #expect(help.output.contains("Import a roster CSV"))
    }
}
