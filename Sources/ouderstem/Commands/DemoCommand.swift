import ArgumentParser
import SurveyCore
import SurveyStore

/// `ouderstem demo simulate`: simulated parents' answers, so the demo's reports have something to show.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Demo helpers (simulated data; never use them on a real peiling).",
        subcommands: [Simulate.self]
    )

    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill in simulated responses for families who have not answered yet (seeded, reproducible).",
            discussion: """
                Each simulated response is marked as entered by 'demo'. Answers lean on the family's tags (for
                example, parents with Dutch as a second language more often want an interpreter), so the demo
                report shows differences between groups.

                Example:
                  ouderstem demo simulate --db demo/ouderstem.sqlite --count 20 --seed 7
                """
        )

        @OptionGroup var database: PeilingOptions

        @Option(help: "How many families to simulate.")
        var count: Int = 20

        @Option(help: "Seed for reproducible answers.")
        var seed: UInt64 = 7

        func run() async throws {
            let db = try database.open()
            let survey = try db.currentSurvey()
            let missing = try db.status().missing.map(\.respondentID)
            var generator = SeededGenerator(seed: seed)
            var simulated = 0
            for id in missing.sorted().shuffled(using: &generator).prefix(count) {
                guard let respondent = try db.respondent(id) else { continue }
                var parent = SimulatedParent(survey: survey, respondent: respondent, generator: SeededGenerator(seed: generator.next()))
                let method = parent.method()
                try db.save(NewResponse(respondentID: id, method: method, language: method == .oralInterpreter ? respondent.language : "nl",
                                        interpreter: method == .oralInterpreter ? .professional : nil, enteredBy: "demo",
                                        answers: parent.answers()))
                simulated += 1
            }
            print(say(.demoSimulated, ["count": simulated]))
        }
    }
}
