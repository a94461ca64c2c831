import ArgumentParser
import Foundation
import SurveyReports

/// `ouderstem export`: one de-identified row per response for a researcher or a coach, never for the team.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a de-identified, k-anonymous file with one row per response, for a researcher or a coach.",
        discussion: """
            Writes Reports/<peiling>-export.xlsx (sheets Toelichting, Data, Codeboek),
            or with --format csv Reports/<peiling>-export.csv and
            <peiling>-export-toelichting.txt beside it.
            No names, codes, roster ids, dates, 'entered by' or verifier; rows in a
            random order. Group, method, language, interpreter, tags, background
            answers and version are recoded or suppressed until every combination
            of them holds at least --min-group rows (k-anonymity); what was changed
            is printed and written in the explanation. Open answers are left out
            unless you add --with-open-answers. The team report never holds
            per-response rows: share this file only with the person it is for.

            Example:
              ouderstem export --format csv --out Reports/ --min-group 5
            """
    )

    @OptionGroup var database: PeilingOptions

    @Option(help: "xlsx (one workbook) or csv (a CSV file and a text file beside it). Default: from --out's extension, else xlsx.")
    var format: String?

    @Option(help: "A folder, or a file name ending in .xlsx or .csv.")
    var out: String = "Reports"

    @Option(name: .customLong("min-group"), help: "k: every combination of identifying values in the file holds at least this many rows.")
    var minGroup: Int = 5

    @Flag(name: .customLong("with-open-answers"), help: "Also include open answers (they may contain names: read them before sharing).")
    var withOpenAnswers = false

    @Option(help: "A fixed seed for the row order, only for reproducible tests (by default the order is a cryptographic shuffle).")
    var seed: UInt64?

    /// The format asked for, or implied by the file name given to --out.
    private var chosenFormat: ExportOptions.Format {
        if let format { return ExportOptions.Format(rawValue: format) ?? .xlsx }
        return ExportOptions.Format(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .xlsx
    }

    func validate() throws {
        if let format, ExportOptions.Format(rawValue: format) == nil { throw ValidationError(say(.exportFormat)) }
        guard minGroup >= 2 else { throw ValidationError(say(.exportMinGroup)) }
    }

    func run() async throws {
        let db = try database.open()
        let options = ExportOptions(format: chosenFormat, minGroup: minGroup, withOpenAnswers: withOpenAnswers, seed: seed)
        let report: ExportReport
        do {
            report = try ExportWriter.write(database: db, options: options, to: URL(fileURLWithPath: out))
        } catch let error as ReportError {
            throw CLIError(error.description)
        }
        Output.error(say(.exportWarning))
        Output.error(say(.exportRows, ["k": report.k, "written": report.rowsWritten, "responses": report.responses, "dropped": report.rowsDropped]))
        for line in report.changedColumns { Output.error("  " + line) }
        Output.error(say(withOpenAnswers ? .exportOpenIncluded : .exportOpenLeftOut))
        if seed != nil { Output.error(say(.exportSeed)) }
        for file in report.files { print(say(.exportFile, ["path": file.path])) }
    }
}
