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

    @OptionGroup var database: DatabaseOptions

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
        print("Peiling '\(status.peilingName)' (\(status.surveyID)), \(status.closed ? "gesloten / closed" : "open")")
        print("Respons / response: \(status.responses - status.anonymous) of \(status.rosterSize) families (\(percent(status.responseRate)))"
              + (status.inProgress > 0 ? ", \(status.inProgress) still filling in" : "")
              + (status.anonymous > 0 ? ", \(status.anonymous) without code" : ""))
        if status.sampleSize > 0 {
            print("Steekproef / sample: \(status.sampleResponded) of \(status.sampleSize) answered")
        }
        var methods = TextTable(header: ["afnamewijze / method", "n"])
        for count in status.byMethod where count.responded > 0 {
            methods.add([ResponseMethod(rawValue: count.key)?.label.dutch ?? count.key, String(count.responded)])
        }
        print("\n" + methods.render(), terminator: "")
        for (title, counts) in [("groep / group", status.byGroup), ("kenmerk / tag", status.byTag)] where !counts.isEmpty {
            var table = TextTable(header: [title, "roster", "answered", "%"])
            for count in counts { table.add([count.key, String(count.roster), String(count.responded), percent(count.rate)]) }
            print("\n" + table.render(), terminator: "")
        }
        let uncovered = try LanguageCoverage.summary(languages: db.respondents().map(\.language), survey: db.currentSurvey())
            .filter { $0.contains("no translation") }
        if !uncovered.isEmpty {
            print("\nTalen zonder vertaling / languages without a translation:")
            uncovered.forEach { print("  " + $0) }
        }
        if let representativeness = status.representativeness {
            print("\nRepresentativiteit / representativeness: " + representativeness.meaning.dutch)
            print("  " + (representativeness.meaning["en"] ?? ""))
            var partials = TextTable(header: ["wiens stem ontbreekt / whose voice is missing", "roster", "answered", "partial R"])
            for partial in representativeness.partials where partial.value < -0.005 {
                partials.add(["\(partial.variable): \(partial.category)", String(partial.roster), String(partial.responded),
                              String(format: "%.2f", partial.value)])
            }
            if !partials.rows.isEmpty { print(partials.render(), terminator: "") }
        }
        guard !status.missing.isEmpty else {
            print("\nEveryone on the roster has answered.")
            return
        }
        print("\nNog niet ingevuld / not answered yet (\(status.missing.count)):")
        var table = TextTable(header: ["id", "groep", "kind", "ouders", "taal", "kenmerken", "steekproef", "partial R", "probeer / try", "waarom / why"])
        for missing in status.missing {
            table.add([missing.respondentID, missing.group, missing.childName ?? "", missing.parentNames ?? "", missing.language,
                       missing.tags.joined(separator: ", "), missing.inSample ? "ja" : "", String(format: "%.2f", abs(missing.voiceMissing) < 0.005 ? 0 : missing.voiceMissing),
                       missing.suggestedMethod.rawValue,
                       missing.reason.dutch])
        }
        print(table.render(), terminator: "")
    }

    private func percent(_ rate: Double) -> String {
        "\(Int((rate * 100).rounded()))%"
    }
}
