import ArgumentParser
import Foundation
import SurveyStore

/// `--db PATH` or `--database URL`: the peilingen's database. An SQLite file (`ouderstem.sqlite` in the
/// current folder by default) or a PostgreSQL URL; `OUDERSTEM_DATABASE` gives it when the option does not,
/// so that a board's server and its staff's commands name the shared database once.
struct DatabaseOptions: ParsableArguments {
    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("""
                The database: an SQLite file, or a PostgreSQL URL (postgres://USER:PASSWORD@HOST:5432/DATABASE). \
                Default: $OUDERSTEM_DATABASE, else ouderstem.sqlite.
                """, valueName: "path-or-url"))
    var given: String?

    /// The database asked for: the option, else the environment, else the file in the current folder.
    var db: String {
        given ?? ProcessInfo.processInfo.environment["OUDERSTEM_DATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? "ouderstem.sqlite"
    }

    /// Opens the existing database (a missing one is a plain error, never created by accident).
    func open() throws -> SurveyDatabase {
        try SurveyDatabase(path: db)
    }
}
