import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// `ouderstem roster ...`: the families of the group, with their diversity tags.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import and list the class roster (one row per family) with diversity tags.",
        subcommands: [Import.self, List.self, Forget.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a roster CSV; importing again updates families by id and never duplicates them.",
            discussion: """
                One row per family (household). Columns, in Dutch or English, in any order:
                  id (or kind: the child's name), groep, ouders, taal, contact, kenmerken
                Tags (kenmerken) go in one cell, separated by commas: "nt2, alleenstaand". Known tags are
                gescheiden, samengesteld, tweeverdieners, alleenstaand, nt2 and those the survey declares.
                Comma- or semicolon-separated (as Dutch Excel saves), UTF-8 with or without BOM.
                A bad row is reported by its row number and nothing of the file is imported.

                Example file:
                  id;kind;groep;ouders;taal;contact;kenmerken
                  L01;Sara;5B;Fatima el Amrani;ar;06-12345678;nt2, alleenstaand

                Example:
                  ouderstem roster import klas-5b.csv
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The roster file (CSV).")
        var file: String

        func run() async throws {
            let db = try database.open()
            let survey = try db.currentSurvey()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("Cannot read the roster file \(file); check the path.")
            }
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
                throw CLIError("The roster file \(file) is not text; save it from Excel as 'CSV UTF-8'.")
            }
            let respondents: [Respondent]
            do {
                respondents = try RosterCSV.parse(text, knownTags: survey.tags)
            } catch {
                throw CLIError("\(file): \(error.description) Nothing was imported.")
            }
            let (added, updated) = try db.importRoster(respondents)
            print("Imported \(respondents.count) families from \(file): \(added) new, \(updated) updated.")
            let tags = Dictionary(grouping: respondents.flatMap(\.tags), by: { $0 }).mapValues(\.count)
            if !tags.isEmpty {
                print("Tags: " + tags.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the roster with tags, sample and response status.",
            discussion: "Example:\n  ouderstem roster list --tag nt2"
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only families with this tag.")
        var tag: String?

        func run() async throws {
            let db = try database.open()
            let status = try db.status()
            let missing = Set(status.missing.map(\.respondentID))
            let sample = Set(try db.sample()?.active ?? [])
            let codes = try db.invitationCodes()
            var table = TextTable(header: ["id", "groep", "kind", "ouders", "taal", "kenmerken", "steekproef", "code", "status"])
            let respondents = try db.respondents().filter { tag == nil || $0.tags.contains(tag!) }
            for respondent in respondents {
                table.add([
                    respondent.id, respondent.group, respondent.childName ?? "", respondent.parentNames ?? "",
                    respondent.language, respondent.tags.joined(separator: ", "), sample.contains(respondent.id) ? "ja" : "",
                    codes[respondent.id]?.description ?? "", missing.contains(respondent.id) ? "-" : "ingevuld / answered",
                ])
            }
            print(table.render(), terminator: "")
            print("\(respondents.count) families\(tag.map { " with tag \($0)" } ?? "").")
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "After closing, delete names and contacts for good; every report still works.",
            discussion: """
                Responses carry the family's tags and group (copied when they were saved), so breakdowns never
                need the roster. Ids that could be names are replaced by neutral ones (R0001, ...).

                Example:
                  ouderstem close && ouderstem roster forget --yes
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        func run() async throws {
            let db = try database.open()
            if !yes {
                print("This deletes all names and contacts for good. Type 'ja' to go on: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "ja" else {
                    throw CLIError("Nothing was deleted.")
                }
            }
            let count = try db.forgetRoster()
            print("Names and contacts of \(count) families are deleted; the responses and their tags remain.")
        }
    }
}
