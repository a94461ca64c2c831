import ArgumentParser
import SurveyStore

/// `ouderstem close`: end collection; codes stop opening the form.
struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "End collection: codes stop working and the form kindly says the survey is closed.",
        discussion: "Reopen with `ouderstem reopen`. After closing, `ouderstem roster forget` can delete names for good."
    )

    @OptionGroup var database: PeilingOptions

    func run() async throws {
        let db = try database.open()
        try db.setClosed(true)
        let status = try db.status()
        print(say(.closed, ["name": status.peilingName, "count": status.responses]))
    }
}

/// `ouderstem reopen`: collect again after closing.
struct ReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Open a closed peiling again, so codes work again."
    )

    @OptionGroup var database: PeilingOptions

    func run() async throws {
        let db = try database.open()
        try db.setClosed(false)
        print(say(.reopened, ["name": try db.peiling().name]))
    }
}
