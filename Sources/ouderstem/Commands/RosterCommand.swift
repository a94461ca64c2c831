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
                Comma- or semicolon-separated (as Dutch Excel saves), UTF-8 with or without BOM; a file
                that is entirely Windows-1252 (older Excel) is read as such, and the output says so.
                A bad row is reported by its row number and nothing of the file is imported: a byte that is
                not UTF-8, a BOM inside the file, an empty id, the same id twice (capitals do not count), or
                more cells than the header (a tag list with the separator in it needs quotes).

                Importing again updates families by id. An empty cell keeps what is stored, unless
                --replace-empty; every changed field is listed. --dry-run lists them and writes nothing.

                Example file:
                  id;kind;groep;ouders;taal;contact;kenmerken
                  L01;Sara;5B;Fatima el Amrani;ar;06-12345678;nt2, alleenstaand

                Examples:
                  ouderstem roster import klas-5b.csv
                  ouderstem roster import klas-5b-nieuw.csv --dry-run
                """
        )

        @OptionGroup var database: PeilingOptions

        @Argument(help: "The roster file (CSV).")
        var file: String

        @Flag(name: .customLong("replace-empty"), help: "Let an empty cell clear what is stored (language back to nl, no tags).")
        var replaceEmpty = false

        @Flag(name: .customLong("dry-run"), help: "Show what the import would change, and write nothing.")
        var dryRun = false

        func run() async throws {
            let db = try database.open()
            let survey = try db.currentSurvey()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError(say(.rosterUnreadable, ["file": file]))
            }
            let rows: [RosterRow]
            let encoding: RosterEncoding
            do {
                let read = try RosterFile.read([UInt8](data), knownTags: survey.tags)
                rows = read.rows
                encoding = read.encoding
            } catch {
                let problem = error.text(dutch: CLILanguage.current == .dutch)
                throw CLIError(say(.rosterRefused, ["file": file, "problem": problem]))
            }
            if encoding == .windows1252 {
                print(say(.rosterWindows1252, ["file": file]))
            }
            let summary = try db.importRoster(rows, replaceEmpty: replaceEmpty, dryRun: dryRun)
            print(RosterReport(summary: summary, rows: rows, file: file, replaceEmpty: replaceEmpty, dryRun: dryRun).text)
            print(say(.rosterLanguagesHeading, ["file": file, "survey": survey.id]))
            for line in LanguageCoverage.summary(languages: rows.map { $0.language ?? "nl" }, survey: survey) { print("  " + line) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the roster with tags, sample and response status.",
            discussion: "Example:\n  ouderstem roster list --tag nt2"
        )

        @OptionGroup var database: PeilingOptions

        @Option(help: "Only families with this tag.")
        var tag: String?

        func run() async throws {
            let db = try database.open()
            let status = try db.status()
            let missing = Set(status.missing.map(\.respondentID))
            let sample = Set(try db.sample()?.active ?? [])
            let codes = try db.invitationCodes()
            var table = TextTable(header: columns(.rosterListHeader))
            let respondents = try db.respondents().filter { tag == nil || $0.tags.contains(tag!) }
            for respondent in respondents {
                table.add([
                    respondent.id, respondent.group, respondent.childName ?? "", respondent.parentNames ?? "",
                    respondent.language, respondent.tags.joined(separator: ", "), sample.contains(respondent.id) ? say(.rosterInSample) : "",
                    codes[respondent.id]?.description ?? "", missing.contains(respondent.id) ? "-" : say(.rosterAnswered),
                ])
            }
            print(table.render(), terminator: "")
            print(tag.map { say(.rosterFamiliesWithTag, ["count": respondents.count, "tag": $0]) } ?? say(.rosterFamilies, ["count": respondents.count]))
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

        @OptionGroup var database: PeilingOptions

        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        func run() async throws {
            let db = try database.open()
            let withNames = try db.namesReports().filter { FileManager.default.fileExists(atPath: $0.path) }
            if !withNames.isEmpty {
                print(say(.forgetReportsWithNames))
                for report in withNames {
                    print("  \(report.path)  (\(report.writtenAt.formatted(date: .abbreviated, time: .shortened)))")
                }
            }
            if !yes {
                print(say(.forgetConfirm), terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "ja" else {
                    throw CLIError(say(.forgetNothingDeleted))
                }
            }
            let count = try db.forgetRoster()
            print(say(.forgetDone, ["count": count]))
            if !withNames.isEmpty {
                print(say(.forgetStillToDelete, ["count": withNames.count]))
            }
        }
    }
}
