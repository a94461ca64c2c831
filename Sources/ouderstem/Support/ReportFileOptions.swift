import ArgumentParser

/// What `report` and `overview` share: where the files go, their language, and the smallest group shown.
struct ReportFileOptions: ParsableArguments {
    @Option(help: "The folder to write to.")
    var out: String = "Reports"

    @Option(help: "The language of the files: nl or en.")
    var lang: String = "nl"

    @Option(name: .customLong("min-group"), help: "The smallest group whose answers are shown.")
    var minGroup: Int = 5

    func validate() throws {
        guard ["nl", "en"].contains(lang) else { throw ValidationError(say(.reportLanguage)) }
        guard minGroup >= 1 else { throw ValidationError(say(.reportMinGroup)) }
    }
}
