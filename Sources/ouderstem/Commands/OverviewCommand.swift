import ArgumentParser
import Foundation
import SurveyReports
import SurveyStore

/// `ouderstem overview`: the board's overview of every peiling in the database, by school.
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Write the board overview: response per school and the main findings of every peiling side by side.",
        discussion: """
            Writes Reports/overzicht-scholen.md (or overview-schools.md with --lang en): the response per
            school and per peiling, then per questionnaire the strongest needs and lowest statements of every
            peiling side by side. Each figure is the one the peiling's own report shows, under the same
            disclosure rules ("<5", "x"); no answer figures are added up across peilingen. No names.

            Example:
              ouderstem overview --db bestuur.sqlite --out Reports/ --min-group 5
            """
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var output: ReportFileOptions

    func run() async throws {
        let db = try database.open()
        guard !(try db.peilingen()).isEmpty else { throw CLIError(say(.peilingenNone)) }
        let overview = try BoardOverview.make(database: db, minGroup: output.minGroup)
        let folder = URL(fileURLWithPath: output.out, isDirectory: true)
        let file = folder.appendingPathComponent(output.lang == "en" ? "overview-schools.md" : "overzicht-scholen.md")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(BoardOverviewText(overview, language: output.lang).render().utf8).write(to: file, options: .atomic)
        } catch {
            throw CLIError(say(.cannotWrite, ["path": file.path, "error": error.localizedDescription]))
        }
        print(say(.overviewWritten, ["path": file.path, "schools": overview.schools.count,
                                     "peilingen": overview.tables.reduce(0) { $0 + $1.columns.count }]))
    }
}
