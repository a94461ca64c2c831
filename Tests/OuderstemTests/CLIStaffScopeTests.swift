import Foundation
import SurveyStore
import Testing

/// `ouderstem staff add --role --school --peiling` and `staff list` on a file with two schools.
@Suite struct CLIStaffScopeTests {
    static let password = "geheim-wachtwoord\ngeheim-wachtwoord\n"

    static func add(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        try cli.run(["staff", "add"] + arguments, input: password)
    }

    @Test func eachRoleIsListedWithItsScope() throws {
        let cli = try CLIPeilingenTests.twoSchools()
        #expect(try Self.add(cli, ["juf-anna", "--school", "De Regenboog", "--peiling", CLIPeilingenTests.regenboog]).status == 0)
        #expect(try Self.add(cli, ["ib-kees", "--role", "coordinator", "--school", "De Klimop"]).status == 0)
        #expect(try Self.add(cli, ["bestuur", "--role", "board"]).status == 0)
        #expect(try Self.add(cli, ["laptop"]).status == 0, "no options: the one-teacher laptop")
        let listed = try cli.run(["staff", "list"])
        #expect(listed.status == 0)
        let lines = Dictionary(uniqueKeysWithValues: listed.output.split(separator: "\n").map {
            (String($0.split(separator: "\t")[0]), String($0))
        })
        #expect(lines["juf-anna"]?.contains("teacher of De Regenboog: only 'Regenboog groep 5'") == true, "\(listed.output)")
        #expect(lines["ib-kees"]?.contains("coordinator of De Klimop: every peiling of the school") == true)
        #expect(lines["bestuur"]?.contains("board: every peiling of every school") == true)
        #expect(lines["laptop"]?.contains("board: every peiling of every school") == true)
        let dutch = try cli.speaking("nl_NL.UTF-8").run(["staff", "list"])
        #expect(dutch.output.contains("leerkracht van De Regenboog: alleen 'Regenboog groep 5'"), "\(dutch.output)")
    }

    @Test func aNewPasswordWithoutOptionsKeepsTheScope() throws {
        let cli = try CLIPeilingenTests.twoSchools()
        #expect(try Self.add(cli, ["ib-kees", "--role", "coordinator", "--school", "De Klimop"]).status == 0)
        let again = try Self.add(cli, ["ib-kees"])
        #expect(again.status == 0)
        #expect(again.output.contains("New password set for 'ib-kees'."))
        #expect(try cli.run(["staff", "list"]).output.contains("coordinator of De Klimop"))
    }

    @Test func badCombinationsAreRefusedInOneSentenceAndAddNoAccount() throws {
        let cli = try CLIPeilingenTests.twoSchools()
        #expect(try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--name", "Zonder school"]).status == 0)
        let cases: [([String], String)] = [
            (["--role", "board", "--school", "De Klimop"], "A board account sees every school; leave out --school and --peiling."),
            (["--role", "coordinator"], "A coordinator account needs --school SCHOOL"),
            (["--role", "coordinator", "--school", "De Klimop", "--peiling", CLIPeilingenTests.klimop],
             "A coordinator sees every peiling of the school; --peiling is only for a teacher."),
            (["--school", "De Regenboog", "--peiling", CLIPeilingenTests.klimop],
             "Peiling 'Klimop groep 3' belongs to 'De Klimop', not to 'De Regenboog'"),
            (["--school", "De Regenboog", "--peiling", "Groep 8"], "There is no peiling 'Groep 8' in this database"),
            (["--school", "De Regenboog", "--peiling", "Zonder school"],
             "Peiling 'Zonder school' has no school yet; give it one with `ouderstem settings --peiling 'Zonder school' --school SCHOOL`."),
        ]
        for (options, message) in cases {
            let refused = try Self.add(cli, ["meester-tom"] + options)
            #expect(refused.status != 0, "\(options)")
            #expect(refused.error.contains(message), "\(options): \(refused.error)")
            #expect(refused.error.split(separator: "\n").count == 1, "one sentence: \(refused.error)")
        }
        #expect(try cli.run(["staff", "list"]).output.contains("No staff accounts yet"), "nothing was added")
    }
}
