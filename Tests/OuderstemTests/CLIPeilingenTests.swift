import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Two schools in one file through the real binary: `--peiling` on every command, `ouderstem peilingen`, the
/// error when several peilingen are open and none is named, and one `serve` for both.
@Suite struct CLIPeilingenTests {
    static let regenboog = "Regenboog groep 5"
    static let klimop = "Klimop groep 3"

    /// Both peilingen started, each with the demo roster (the same ids "L01" ... in both schools).
    static func twoSchools() throws -> CLI {
        let cli = try CLI()
        for (name, school) in [(regenboog, "De Regenboog"), (klimop, "De Klimop")] {
            let started = try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--name", name, "--school", school])
            #expect(started.status == 0, "\(started.error)")
            let imported = try cli.run(["roster", "import", "--peiling", name, CLIFlowTests.rosterPath])
            #expect(imported.status == 0, "\(imported.error)")
        }
        return cli
    }

    @Test func withSeveralOpenPeilingenACommandWithoutPeilingNamesThemAndChangesNothing() throws {
        let cli = try Self.twoSchools()
        let refused = try cli.run(["sample", "--size", "8", "--seed", "1"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("This database has several open peilingen; choose one with --peiling: 'Klimop groep 3', 'Regenboog groep 5'."),
                "\(refused.error)")
        #expect(try SurveyDatabase(path: cli.path("ouderstem.sqlite"), peiling: Self.regenboog).sample() == nil)
        let dutch = try cli.speaking("nl_NL.UTF-8").run(["status"])
        #expect(dutch.status != 0)
        #expect(dutch.error.contains("Deze database heeft meerdere open peilingen; kies er een met --peiling"), "\(dutch.error)")
        let unknown = try cli.run(["status", "--peiling", "Klimop"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("There is no peiling 'Klimop' in this database; choose one of: 'Klimop groep 3', 'Regenboog groep 5'"))
    }

    /// One `serve` for the whole file: each school's parents open their own form with the code from their letter.
    @Test func serveWithoutPeilingServesEveryPeilingsParents() throws {
        let cli = try Self.twoSchools()
        var codes: [String] = []
        for name in [Self.regenboog, Self.klimop] {
            let invited = try SurveyDatabase(path: cli.path("ouderstem.sqlite"), peiling: name).invite(["L01"])
            codes.append(try #require(invited.first?.code.value))
        }
        let server = try RunningServer(cli)
        defer { server.stop() }
        for code in codes {
            let form = try server.request("GET", "/s/\(code)")
            #expect(form.status == 200, "the code \(code) opens its own form on the one server")
        }
    }

    /// The board overview through the binary: one file, a line per school, answers simulated in one school only.
    @Test func overviewWritesTheSchoolsSideBySideWithoutNames() throws {
        let cli = try Self.twoSchools()
        let simulated = try cli.run(["demo", "simulate", "--peiling", Self.regenboog, "--count", "12", "--seed", "3"])
        #expect(simulated.status == 0, "\(simulated.error)")
        let written = try cli.run(["overview", "--out", "bestuur"])
        #expect(written.status == 0, "\(written.error)")
        #expect(written.output.contains("Overview (schools: 2, peilingen: 2): "), "\(written.output)")
        let text = try String(contentsOfFile: cli.path("bestuur/overzicht-scholen.md"), encoding: .utf8)
        #expect(text.contains("| De Klimop | 1 | 0 van 30 (0%) | 0 |"), "\(text)")
        #expect(text.contains("| De Regenboog | 1 | 12 van 30 (40%) | 0 |"), "\(text)")
        #expect(text.contains("| De Klimop | Klimop groep 3 | 0 van 30 (0%) | –"), "nobody answered there yet: \(text)")
        for name in ["Fatima el Amrani", "Mark en Ilse de Vries", "Sara", "06-11111101"] { #expect(!text.contains(name)) }
        let wrongLanguage = try cli.run(["overview", "--lang", "fr"])
        #expect(wrongLanguage.status != 0)
        #expect(wrongLanguage.error.contains("--lang must be nl or en."))
    }

    @Test func peilingenListsBothSchools() throws {
        let cli = try Self.twoSchools()
        let listed = try cli.run(["peilingen"])
        #expect(listed.status == 0)
        let lines = listed.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "a header, a rule and one line per peiling: \(listed.output)")
        #expect(lines[2].hasPrefix("Klimop groep 3") && lines[2].contains("De Klimop") && lines[2].contains("open"))
        #expect(lines[3].hasPrefix("Regenboog groep 5") && lines[3].contains("De Regenboog"))
    }

    @Test func eachCommandWithPeilingTouchesOnlyItsOwnPeiling() throws {
        let cli = try Self.twoSchools()
        let file = cli.path("ouderstem.sqlite")
        let survey = try SurveyLoader.load(path: CLIFlowTests.surveyPath).survey

        let sampled = try cli.run(["sample", "--peiling", Self.klimop, "--size", "8", "--seed", "3"])
        #expect(sampled.status == 0, "\(sampled.error)")
        #expect(try SurveyDatabase(path: file, peiling: Self.klimop).sample()?.sample.members.count == 8)
        #expect(try SurveyDatabase(path: file, peiling: Self.regenboog).sample() == nil)

        for name in [Self.regenboog, Self.klimop] {
            let invited = try cli.run(["invite", "--peiling", name, "--out", cli.path("letters-\(name)")])
            #expect(invited.status == 0, "\(invited.error)")
        }
        let regenboogCodes = try SurveyDatabase(path: file, peiling: Self.regenboog).invitationCodes()
        let klimopCodes = try SurveyDatabase(path: file, peiling: Self.klimop).invitationCodes()
        #expect(regenboogCodes.count == 30 && klimopCodes.count == 30)
        #expect(Set(regenboogCodes.values.map(\.value)).isDisjoint(with: klimopCodes.values.map(\.value)), "codes unique across the file")

        // A Klimop code typed under the Regenboog peiling is refused; under its own it is saved.
        let script = EntryScript.lines(for: survey, plan: EntryScript.minimal(survey))
        let klimopCode = klimopCodes["L04"]!.description
        let wrong = try cli.run(["enter", "--peiling", Self.regenboog, klimopCode, "--method", "paper_home"], input: script)
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("No parent in this peiling has that code"), "\(wrong.error)")
        let entered = try cli.run(["enter", "--peiling", Self.klimop, klimopCode, "--method", "paper_home"], input: script)
        #expect(entered.status == 0, "\(entered.error)")
        #expect(try SurveyDatabase(path: file, peiling: Self.klimop).response(of: "L04") != nil)
        #expect(try SurveyDatabase(path: file, peiling: Self.regenboog).response(of: "L04") == nil)

        let simulated = try cli.run(["demo", "simulate", "--peiling", Self.regenboog, "--count", "6", "--seed", "5"])
        #expect(simulated.status == 0, "\(simulated.error)")
        let status = try cli.run(["status", "--peiling", Self.klimop])
        #expect(status.output.contains("1 of 30"), "\(status.output)")

        // Each report counts only its own peiling's responses.
        for (name, count) in [(Self.klimop, 1), (Self.regenboog, 6)] {
            let out = cli.path("report-\(count)")
            let report = try cli.run(["report", "--peiling", name, "--out", out])
            #expect(report.status == 0, "\(report.error)")
            let summary = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".md") })
            let text = try String(contentsOfFile: out + "/" + summary, encoding: .utf8)
            #expect(text.contains("\(count) van de 30 ouders op de lijst hebben geantwoord"), "\(name): \(text.prefix(600))")
        }
    }

    @Test func aSinglePeilingNeedsNoPeilingOption() throws {
        let cli = try CLI()
        #expect(try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--name", "Alleen"]).status == 0)
        #expect(try cli.run(["roster", "import", CLIFlowTests.rosterPath]).status == 0)
        let status = try cli.run(["status"])
        #expect(status.status == 0)
        #expect(status.output.contains("Alleen"))
    }
}
