import ArgumentParser

/// The `ouderstem` command: find out what parents need, including the parents who are hardest to hear.
@main
struct Ouderstem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ouderstem",
        abstract: "Find out what the parents of your group need: survey, sample, invite, collect, report.",
        discussion: """
            A typical run:
              ouderstem survey validate Surveys/behoeften-ouders.yaml
              ouderstem init --survey Surveys/behoeften-ouders.yaml --name "Groep 5, najaar"
              ouderstem roster import klas.csv
              ouderstem sample --size 8 --seed 2026
              ouderstem invite --base-url http://school.local:8080
              ouderstem enter K7QM-... --method paper_home
              ouderstem status
              ouderstem report
            The data lives in ouderstem.sqlite in the current folder (--db to choose another file).
            """,
        subcommands: [
            SurveyCommand.self,
            InitCommand.self,
            RosterCommand.self,
            SampleCommand.self,
            EnterCommand.self,
            StatusCommand.self,
            CloseCommand.self,
            ReopenCommand.self,
            DemoCommand.self,
            InviteCommand.self,
            ServeCommand.self,
            StaffCommand.self,
            ReportCommand.self,
        ]
    )
}
