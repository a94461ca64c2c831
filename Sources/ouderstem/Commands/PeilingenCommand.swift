import ArgumentParser
import SurveyStore

/// `ouderstem peilingen`: the peilingen in one database, by school.
struct PeilingenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peilingen",
        abstract: "List the peilingen in the database: school, survey, open or closed, roster and responses.",
        discussion: """
            One database can hold a peiling per school or group. Every command that works on a peiling takes
            --peiling NAME; without it, it works on the only open peiling.

            Example:
              ouderstem init --survey Surveys/behoeften-ouders.yaml --name "Regenboog groep 5" --school "De Regenboog"
              ouderstem init --survey Surveys/behoeften-ouders.yaml --name "Klimop groep 3" --school "De Klimop"
              ouderstem peilingen
              ouderstem status --peiling "Klimop groep 3"
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let peilingen = try database.open().peilingen()
        guard !peilingen.isEmpty else {
            print(say(.peilingenNone))
            return
        }
        var table = TextTable(header: columns(.peilingenHeader))
        for peiling in peilingen {
            table.add([peiling.name, peiling.school ?? say(.peilingenNoSchool), peiling.surveyID,
                       say(peiling.closed ? .statusClosed : .statusOpen), String(peiling.rosterSize), String(peiling.responses)])
        }
        print(table.render(), terminator: "")
    }
}
