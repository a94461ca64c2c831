import Foundation
import SurveyStore
import Testing

/// The peiling settings a letter needs, set at `init` and changed with `ouderstem settings`.
@Suite struct SettingsTests {
    @Test("Settings given at init appear in the letter and the paper form; `settings` changes and clears them")
    func settingsReachTheLetter() throws {
        let cli = try CLI()
        let started = try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--school", "Basisschool De Regenboog",
                                   "--groups", "groep 5A en 5B", "--contact", "juf Anna de Vries",
                                   "--contact-info", "anna@deregenboog.nl", "--deadline", "18-12-2026"])
        #expect(started.status == 0, "\(started.error)")
        #expect(!started.output.contains("The letter still needs"))
        try cli.run(["roster", "import", CLIFlowTests.rosterPath])

        let shown = try cli.run(["settings"])
        #expect(shown.output.contains("Basisschool De Regenboog"))
        #expect(shown.output.contains("2026-12-18 (vrijdag 18 december 2026)"))

        let invited = try cli.run(["invite", "--base-url", "http://school.example:8080", "--out", cli.path("brieven")])
        #expect(invited.status == 0, "\(invited.error)")
        #expect(invited.output.contains("double-sided"))
        let letters = try String(contentsOfFile: cli.path("brieven/uitnodigingen.html"), encoding: .utf8)
        for text in ["Basisschool De Regenboog", "groep 5A en 5B", "juf Anna de Vries", "anna@deregenboog.nl", "vrijdag 18 december 2026"] {
            #expect(letters.contains(text), "the letter says \(text)")
        }
        let printed = try cli.run(["survey", "print", "--code", "--out", cli.path("papier.html")])
        #expect(printed.status == 0, "\(printed.error)")
        let forms = try String(contentsOfFile: cli.path("papier.html"), encoding: .utf8)
        #expect(forms.contains("Invullen kan tot en met <bdi>vrijdag 18 december 2026</bdi>."))
        #expect(forms.contains("Laat die vraag dan open."), "the instructions say a question may be left open")

        let wrong = try cli.run(["settings", "--deadline", "31-11-2026"])
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("The deadline '31-11-2026' is not a date"))
        let cleared = try cli.run(["settings", "--school", "", "--why", "Wij willen de ouderavonden beter laten aansluiten."])
        #expect(cleared.status == 0, "\(cleared.error)")
        #expect(cleared.output.contains("The letter still needs: --school"))
        let stored = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).settings()
        #expect(stored.school == nil)
        #expect(stored.why == "Wij willen de ouderavonden beter laten aansluiten.")
        #expect(stored.deadline?.description == "2026-12-18")
    }

    @Test("A letter without school, contact or deadline is written, with a warning that names what is missing")
    func missingSettingsAreNamed() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let invited = try cli.run(["invite", "--base-url", "http://school.example:8080", "--out", cli.path("brieven")])
        #expect(invited.status == 0, "\(invited.error)")
        #expect(invited.error.contains("the letter does not say --school, --contact, --contact-info, --deadline yet"))
    }
}
