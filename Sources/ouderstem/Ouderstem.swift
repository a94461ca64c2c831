import ArgumentParser
import SurveyStore

/// The `ouderstem` command: find out what parents need, including the parents who are hardest to hear.
@main
struct Ouderstem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ouderstem",
        abstract: "Find out what the parents of your group need: survey, sample, invite, collect, report.",
        discussion: """
            A typical peiling:
              ouderstem survey validate Surveys/behoeften-ouders.yaml
              ouderstem init --survey Surveys/behoeften-ouders.yaml --name "Groep 5"
              ouderstem settings --school "De Regenboog" --contact "juf Anna" --deadline 2026-12-18
              ouderstem roster import klas.csv
              ouderstem sample --size 8 --seed 2026 --reserve 4
              ouderstem invite --base-url https://ouders.school.nl
              ouderstem serve --host 0.0.0.0
              ouderstem enter K7Q-M4X-RT9-PWA-HC3-NZB --method paper_home
              ouderstem status
              ouderstem report
              ouderstem export            (a de-identified file for a researcher)
            The data lives in ouderstem.sqlite in the current folder; give --db PATH
            after the command to use another file, or --database postgres://USER:PASSWORD@HOST/DB
            (or OUDERSTEM_DATABASE) for a PostgreSQL database shared by several servers.
            One database can hold several peilingen
            (one per school or group, `ouderstem peilingen`): give --peiling NAME when
            more than one is open.
            Messages are in Dutch when the locale is Dutch or unset (LANG=nl_NL.UTF-8,
            C, POSIX) and in English otherwise; OUDERSTEM_LANG=nl or en overrides it.
            This help is in English.
            """,
        subcommands: [
            SurveyCommand.self,
            InitCommand.self,
            PeilingenCommand.self,
            SettingsCommand.self,
            RosterCommand.self,
            SampleCommand.self,
            InviteCommand.self,
            EnterCommand.self,
            StatusCommand.self,
            ServeCommand.self,
            StaffCommand.self,
            ReportCommand.self,
            OverviewCommand.self,
            ExportCommand.self,
            CloseCommand.self,
            ReopenCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            MigrateCommand.self,
            DemoCommand.self,
        ]
    )

    /// Runs the command. A failure the teacher can act on is printed as one plain sentence in the CLI's
    /// language (`CLILanguage`); ArgumentParser's own usage errors and `--help` stay as it prints them.
    static func main() async {
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch let error as StoreError {
            fail(error.cliMessage)
        } catch let error as BackupError {
            fail(error.cliMessage)
        } catch {
            // ArgumentParser's own (help asked for, an exit code, a usage error) stay as it prints them.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
            fail(String(describing: error))
        }
    }

    private static func fail(_ message: String) -> Never {
        Output.error(say(.errorPrefix) + message)
        exit(withError: ExitCode.failure)
    }
}
