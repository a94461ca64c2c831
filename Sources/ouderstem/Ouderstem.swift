import ArgumentParser

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
            after the command to use another file.
            """,
        subcommands: [
            SurveyCommand.self,
            InitCommand.self,
            SettingsCommand.self,
            RosterCommand.self,
            SampleCommand.self,
            InviteCommand.self,
            EnterCommand.self,
            StatusCommand.self,
            ServeCommand.self,
            StaffCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            CloseCommand.self,
            ReopenCommand.self,
            DemoCommand.self,
        ]
    )
}
