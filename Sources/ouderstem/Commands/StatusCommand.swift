import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// `ouderstem status`: progress, and the follow-up list of who has not answered yet.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show response per method, group and tag, and who has not answered yet with a method to try.",
        discussion: """
            The follow-up list suggests a method per family: a parent who speaks another language at home is
            offered a conversation with an interpreter, a Dutch-as-a-second-language parent an oral
            conversation, dual earners and single parents the personal link, and so on.

            Representativeness: the R-indicator (Schouten, Cobben & Bethlehem 2009) is 1 − 2 × the standard
            deviation of the families' chances of answering, estimated from the roster's tags, home language and
            group (logistic regression). 1: the parents who answered are like all parents on the roster; the
            lower, the more some families' voice is missing. Per tag, language group and group the partial
            indicator says whose voice is missing most (negative: answers less than the rest). The follow-up
            list starts with the families whose voice is most missing; among equals the sampled families.

            Examples:
              ouderstem status
              ouderstem status --json > status.json
            """
    )

    @OptionGroup var database: PeilingOptions

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func run() async throws {
        let db = try database.open()
        let status = try db.status()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        print(say(.statusPeiling, ["name": status.peilingName, "survey": status.surveyID, "state": say(status.closed ? .statusClosed : .statusOpen)]))
        print(say(.statusResponse, ["responded": status.responses - status.anonymous, "roster": status.rosterSize, "percent": percent(status.responseRate)])
              + (status.inProgress > 0 ? say(.statusInProgress, ["count": status.inProgress]) : "")
              + (status.anonymous > 0 ? say(.statusAnonymous, ["count": status.anonymous]) : ""))
        if status.sampleSize > 0 {
            print(say(.statusSample, ["answered": status.sampleResponded, "size": status.sampleSize]))
        }
        let language = CLILanguage.current.rawValue
        var methods = TextTable(header: columns(.statusMethodHeader))
        for count in status.byMethod where count.responded > 0 {
            methods.add([ResponseMethod(rawValue: count.key)?.label.text(language) ?? count.key, String(count.responded)])
        }
        print("\n" + methods.render(), terminator: "")
        for (header, counts) in [(CLIText.statusGroupHeader, status.byGroup), (.statusTagHeader, status.byTag)] where !counts.isEmpty {
            var table = TextTable(header: columns(header))
            for count in counts { table.add([count.key, String(count.roster), String(count.responded), percent(count.rate)]) }
            print("\n" + table.render(), terminator: "")
        }
        let uncovered = try LanguageCoverage.summary(languages: db.respondents().map(\.language), survey: db.currentSurvey())
            .filter { $0.contains("no translation") }
        if !uncovered.isEmpty {
            print("\n" + say(.statusUntranslated))
            uncovered.forEach { print("  " + $0) }
        }
        if let representativeness = status.representativeness {
            print("\n" + say(.statusRepresentativeness, ["meaning": representativeness.meaning.text(language)]))
            var partials = TextTable(header: columns(.statusPartialsHeader))
            for partial in representativeness.partials where partial.value < -0.005 {
                partials.add(["\(partial.variable): \(partial.category)", String(partial.roster), String(partial.responded),
                              String(format: "%.2f", partial.value)])
            }
            if !partials.rows.isEmpty { print(partials.render(), terminator: "") }
        }
        guard !status.missing.isEmpty else {
            print("\n" + say(.statusEveryoneAnswered))
            return
        }
        print("\n" + say(.statusNotAnswered, ["count": status.missing.count]))
        var table = TextTable(header: columns(.statusMissingHeader))
        for missing in status.missing {
            table.add([missing.respondentID, missing.group, missing.childName ?? "", missing.parentNames ?? "", missing.language,
                       missing.tags.joined(separator: ", "), missing.inSample ? say(.rosterInSample) : "", String(format: "%.2f", abs(missing.voiceMissing) < 0.005 ? 0 : missing.voiceMissing),
                       missing.suggestedMethod.rawValue,
                       missing.reason.text(language)])
        }
        print(table.render(), terminator: "")
    }

    private func percent(_ rate: Double) -> String {
        "\(Int((rate * 100).rounded()))%"
    }
}
