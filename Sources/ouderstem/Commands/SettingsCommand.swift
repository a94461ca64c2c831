import ArgumentParser
import SurveyStore

/// `ouderstem settings`: show or change who asks, until when and whom to ask.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the peiling's settings: school, groups, contact, deadline, logo, why you ask.",
        discussion: """
            The letter, the paper form, the forms and the dashboard show these.
            Without options: prints them. With options: changes the ones given;
            an empty value ("") clears one. Run `ouderstem invite` and
            `ouderstem survey print` again afterwards to print the new texts.

            Example:
              ouderstem settings --school "Basisschool De Regenboog" --groups "groep 5A en 5B" \\
                --contact "juf Anna de Vries" --contact-info "anna@deregenboog.nl of 020 123 45 67" \\
                --deadline 2026-12-18 --why "Wij willen de ouderavonden beter laten aansluiten."
            """
    )

    @OptionGroup var database: PeilingOptions
    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let db = try database.open()
        _ = try db.peiling()
        let current = settings.isEmpty ? try db.settings() : try settings.apply(to: db)
        for line in settingsLines(current) { print(line) }
    }
}
