import ArgumentParser
import SurveyStore

/// `--db PATH --peiling NAME`: the database file and which of its peilingen a command works on. Without
/// `--peiling` the only open peiling is taken; when several are open the command stops and names them.
struct PeilingOptions: ParsableArguments {
    @OptionGroup var file: DatabaseOptions

    @Option(help: ArgumentHelp("The peiling to work on (see `ouderstem peilingen`); the only open one unless given.", valueName: "name"))
    var peiling: String?

    var db: String { file.db }

    /// Opens the existing database, seen through the chosen peiling.
    func open() throws -> SurveyDatabase {
        try SurveyDatabase(path: db, peiling: peiling)
    }
}
