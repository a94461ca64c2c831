import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// `ouderstem init`: start a peiling of one survey in a new database.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a peiling (survey run) of one survey definition.",
        discussion: """
            Creates the database (ouderstem.sqlite, or --db) with the survey stored in it. Running it again
            with a changed version of the same survey moves the peiling to that version: earlier responses keep
            the version they answered, and the report says when responses span versions.
            With --name of a peiling not yet in the database, it starts another peiling in the same file (a
            school per peiling, --school); codes stay unique across the file. See `ouderstem peilingen`.

            Example:
              ouderstem init --survey Surveys/behoeften-ouders.yaml --name "Groep 5, najaar 2026" \\
                --school "Basisschool De Regenboog" --groups "groep 5A en 5B" --contact "juf Anna de Vries" \\
                --contact-info "anna@deregenboog.nl" --deadline 2026-12-18
            The letter needs the school, the contact and the deadline; see `ouderstem settings`.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The survey definition (YAML).")
    var survey: String

    @Option(help: "A name for this peiling, used in reports and by --peiling; a new name starts another peiling in the file.")
    var name: String?

    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let definition = try loadSurvey(survey)
        let yaml = try String(contentsOfFile: survey, encoding: .utf8)
        // Named: that peiling, started when new. Unnamed: the only open one, or the file's first.
        let db = try SurveyDatabase(path: database.db, create: true, peiling: name)
        // Before a peiling moves to a new version, say what changes for the answers already given.
        if let current = try? db.currentSurvey(), current.id == definition.id, current.contentHash != definition.contentHash {
            let changes = VersionChanges(from: current, to: definition)
            print(say(.initVersionChange, ["from": current.version, "to": definition.version, "survey": definition.id]))
            for line in changes.isEmpty ? [say(.initOnlyWording)] : changes.lines(english: CLILanguage.current == .english) { print("  \(line)") }
            let counts = try db.status()
            print("  " + say(.initResponsesSoFar, ["count": counts.responses]))
        }
        let outcome: InitOutcome
        do {
            outcome = try db.initialize(name: definition.title.dutch, survey: definition, yaml: yaml)
        } catch StoreError.choosePeiling(let choices) {
            throw CLIError(say(.initChoosePeiling, ["choices": PeilingNames.list(choices)]))
        }
        let peilingName = try db.peiling().name
        let stored = settings.isEmpty ? try db.settings() : try settings.apply(to: db)
        switch outcome {
        case .created:
            print(say(.initStarted, ["name": peilingName, "db": db.path, "survey": summary(of: definition)]))
            print(say(.initNext))
        case let .updatedDefinition(from, to):
            print(say(.initUpdated, ["to": to, "survey": definition.id, "from": from]))
        }
        if !stored.missingForLetter.isEmpty {
            print(say(.letterStillNeeds, ["fields": stored.missingForLetter.joined(separator: ", ")]))
        }
    }
}
