import ArgumentParser
import SurveyStore

/// `ouderstem migrate --to URL`: the whole database copied into a new PostgreSQL database.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy every peiling of the database (--db) into a new, empty PostgreSQL database.",
        discussion: """
            For a school board that moves from one SQLite file to the PostgreSQL database its
            servers share. Every peiling comes along with its survey versions, settings, roster,
            codes, sample and responses, and so do the staff accounts; ids and codes stay the
            same, so letters and links keep working. The copy is one transaction that commits
            only when every table has as many rows in PostgreSQL as in the file. The file is
            not changed. Staff log in again afterwards (sessions are not copied).

            Example:
              ouderstem migrate --db ouderstem.sqlite --to postgres://ouderstem:secret@db.school.nl/ouderstem
            Then use --database URL (or OUDERSTEM_DATABASE) in every command and in `serve`.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The PostgreSQL database to copy into (it must exist and be empty).", valueName: "url"))
    var to: String

    func validate() throws {
        guard SurveyDatabase.isPostgresURL(to) else { throw ValidationError(say(.migrateNeedsURL)) }
    }

    func run() async throws {
        let source = try database.open()
        let target = try SurveyDatabase(path: to, create: true)
        let counts = try source.copyAll(to: target)
        let rows = Dictionary(uniqueKeysWithValues: counts.map { ($0.table, $0.rows) })
        print(say(.migrated, ["target": target.path, "peilingen": rows["peiling"] ?? 0, "families": rows["respondent"] ?? 0,
                              "responses": rows["response"] ?? 0, "staff": rows["staff"] ?? 0]))
    }
}
