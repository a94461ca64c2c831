import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// `ouderstem sample`: draw the parents who are approached personally ("aselect", De Vries 2013).
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw a reproducible random sample of parents that mirrors the group on every tag and home language.",
        discussion: """
            How the draw works (balanced sampling by the cube method of Deville & Tillé, 2004):
              1. Every family has the same chance: size / families on the roster.
              2. The sample mirrors the roster: of every tag (all tags on the roster, or those of --cover) and
                 of every home-language group (Dutch; each other language with at least one family expected in
                 the sample; the other languages together as "overig") it holds its share of the roster,
                 within one family. The coverage table shows the roster share, the expected and the drawn count.
              3. The roster is sorted by id and shuffled with a random generator started from the seed, so the
                 same roster and seed always give the same sample (write the seed down).
              4. The reserve list is drawn from the rest in the same way, in random order. When a parent
                 declines (--decline ID), the reserve after whom the sample mirrors the roster best takes the
                 place (the first in line among equals).
            These parents are approached personally; the others are invited as usual.

            Examples:
              ouderstem sample --size 8 --seed 2026 --reserve 4
              ouderstem sample --size 6 --cover nt2,alleenstaand
              ouderstem sample --decline L07
              ouderstem sample --show
            """
    )

    @OptionGroup var database: PeilingOptions

    @Option(help: "How many parents to draw.")
    var size: Int?

    @Option(help: "The seed; the same seed gives the same sample. Random (and printed) when left out.")
    var seed: UInt64?

    @Option(help: "Tags to balance on, separated by commas (default: every tag on the roster).")
    var cover: String?

    @Option(help: "How many reserves to draw for parents who decline.")
    var reserve: Int = 0

    @Option(help: "Record that this sampled parent declined, and promote a reserve.")
    var decline: String?

    @Flag(help: "Show the current sample.")
    var show = false

    func run() async throws {
        let db = try database.open()
        if let decline {
            let replacement = try db.decline(decline)
            print(replacement.map { say(.sampleDeclinedReplaced, ["id": decline, "reserve": $0]) } ?? say(.sampleDeclinedNoReserve, ["id": decline]))
        } else if let size {
            let drawn: DrawnSample
            do {
                drawn = try db.drawSample(size: size, seed: seed, cover: cover, reserve: reserve)
            } catch let problem as SampleRequestProblem {
                switch problem {
                case .sizeBelowOne: throw CLIError(say(.sampleSizeTooSmall))
                case .negativeReserve: throw CLIError(say(.sampleReserveNegative))
                case .emptyRoster: throw CLIError(say(.rosterIsEmpty))
                }
            }
            let (sample, seed, rosterCount) = (drawn.sample, drawn.seed, drawn.rosterSize)
            for tag in drawn.absentTags { Output.error(say(.sampleUnknownCoverTag, ["tag": tag])) }
            if size > rosterCount { Output.error(say(.sampleWholeRoster, ["count": rosterCount])) }
            print(say(.sampleDrawn, ["drawn": sample.members.count, "roster": rosterCount, "seed": seed]))
        } else if !show {
            throw CLIError(say(.sampleWhatToDo))
        }
        try printSample(db)
    }

    private func printSample(_ db: SurveyDatabase) throws {
        guard let stored = try db.sample() else { throw CLIError(say(.sampleNone)) }
        let roster = try db.respondents()
        let byID = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let active = Set(stored.active)
        var coverage = TextTable(header: columns(.sampleCoverageHeader))
        for line in SampleBalance.lines(roster: roster, members: Array(active), size: stored.sample.members.count, tags: stored.sample.covered) {
            coverage.add([line.name, String(line.roster), "\(Int((line.share * 100).rounded()))%", String(format: "%.1f", line.expected), String(line.drawn)])
        }
        print("\n" + say(.sampleCoverage) + "\n" + coverage.render())
        var list = TextTable(header: ["#", "id", "groep", "kind", "ouders", "taal", "kenmerken", "status"])
        for (index, id) in (stored.sample.members + stored.sample.reserve).enumerated() {
            let respondent = byID[id]
            let isReserve = index >= stored.sample.members.count
            var note = isReserve ? say(.sampleReserve) : ""
            if stored.declined.contains(id) { note = say(.sampleDeclined) } else if let replaced = stored.replacements[id] { note = say(.sampleInsteadOf, ["id": replaced]) }
            list.add([isReserve ? "R\(index - stored.sample.members.count + 1)" : String(index + 1), id, respondent?.group ?? "",
                      respondent?.childName ?? "", respondent?.parentNames ?? "", respondent?.language ?? "",
                      respondent?.tags.joined(separator: ", ") ?? "", note])
        }
        print(say(.sampleHeading, ["seed": stored.sample.seed]) + "\n" + list.render(), terminator: "")
    }
}
