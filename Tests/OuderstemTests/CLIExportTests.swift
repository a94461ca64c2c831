import Foundation
import SurveyStore
import Testing

/// `ouderstem export` through the real binary: what a teacher sees on the terminal and what lands in Reports/.
@Suite struct CLIExportTests {
    /// The demo class: 30 families, 22 answered by several methods (simulated like `make demo`).
    static func demoClass() throws -> CLI {
        let cli = try CLIFlowTests.startedPeiling()
        let simulated = try cli.run(["demo", "simulate", "--count", "22", "--seed", "7"])
        #expect(simulated.status == 0, "\(simulated.error)")
        return cli
    }

    @Test func writesACSVAndItsExplanationAndSaysWhatItChanged() throws {
        let cli = try Self.demoClass()
        let result = try cli.run(["export", "--format", "csv", "--seed", "3"])
        #expect(result.status == 0, "\(result.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("Reports")).sorted()
        let csvName = try #require(files.first { $0.hasSuffix("-export.csv") }, "\(files)")
        #expect(files == [csvName.replacingOccurrences(of: ".csv", with: "-toelichting.txt"), csvName].sorted(), "only the two files: \(files)")
        let printed = result.output.split(separator: "\n").filter { $0.hasPrefix("Export: ") }
        #expect(printed.count == 2 && printed[0].hasSuffix("Reports/" + csvName), "both paths are printed: \(result.output)")

        // The warning names each column it changed, one line each; the explanation lists the same columns.
        #expect(result.error.hasPrefix("Warning: this file has one row per parent"))
        #expect(result.error.contains("Open answers left out (add --with-open-answers to include them)."))
        #expect(result.error.contains("--seed fixes the row order: use it only for tests."))
        let text = try String(contentsOfFile: cli.path("Reports/" + csvName.replacingOccurrences(of: ".csv", with: "-toelichting.txt")), encoding: .utf8)
        let changed = result.error.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap { line -> String? in
            let name = line.dropFirst(2).prefix { $0 != ":" }
            return name.contains(" ") || name.count == line.count - 2 ? nil : String(name)
        }
        #expect(!changed.isEmpty, "\(result.error)")
        for column in changed { #expect(text.contains("  \(column): "), "the explanation lists \(column)") }

        // k-anonymity, recomputed from the file: every combination of the identifying columns holds 5 or more rows.
        let data = try String(contentsOfFile: cli.path("Reports/" + csvName), encoding: .utf8)
        let lines = data.dropFirst().split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let background: Set<String> = ["gezin", "gescheiden", "gescheiden-info", "werk", "thuistaal", "aantal-kinderen"]
        let identifying = header.indices.filter {
            ["groep", "afnamewijze", "taal", "tolk", "versie"].contains(header[$0]) || header[$0].hasPrefix("kenmerk.") || background.contains(header[$0])
        }
        var sizes: [[String]: Int] = [:]
        for row in lines.dropFirst() { sizes[identifying.map { row[$0] }, default: 0] += 1 }
        #expect(sizes.values.allSatisfy { $0 >= 5 }, "\(sizes)")
        #expect(!data.contains("L0") && !data.contains("demo"), "no roster id, no 'entered by'")
    }

    @Test func errorsAreOnePlainSentenceAndWriteNothing() throws {
        let cli = try CLIFlowTests.startedPeiling()
        let empty = try cli.run(["export"])
        #expect(empty.status != 0)
        #expect(empty.error.contains("There are no responses to export yet."))

        try cli.run(["demo", "simulate", "--count", "1", "--seed", "7"])
        let one = try cli.run(["export", "--format", "csv"])
        #expect(one.status != 0)
        #expect(one.error.contains("There are only 1 responses and an export needs at least 5 (--min-group)"))
        #expect(one.error.split(separator: "\n").count == 1, "one plain sentence: \(one.error)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: cli.path("Reports"))) ?? []
        #expect(written.isEmpty, "nothing was written: \(written)")

        let mismatch = try cli.run(["export", "--format", "xlsx", "--out", cli.path("data.csv")])
        #expect(mismatch.status != 0 && mismatch.error.contains("data.csv does not end in .xlsx"))
        let format = try cli.run(["export", "--format", "pdf"])
        #expect(format.status != 0 && format.error.contains("--format must be xlsx or csv."))

        let missing = try CLI().run(["export"])
        #expect(missing.status != 0 && missing.error.contains("There is no database at ouderstem.sqlite"))
    }
}
