import ArgumentParser
import SurveyStore

/// `--db PATH`: the peiling's SQLite file, `ouderstem.sqlite` in the current folder by default.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The peiling's database file.")
    var db: String = "ouderstem.sqlite"

    /// Opens the existing database (a missing one is a plain error, never created by accident).
    func open() throws -> SurveyDatabase {
        try SurveyDatabase(path: db)
    }
}
