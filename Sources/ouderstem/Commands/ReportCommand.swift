import ArgumentParser
import Foundation
import SurveyReports
import SurveyStore

/// `ouderstem report`: the Excel workbook and the text summary for the team meeting.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the team-meeting report: an Excel workbook with charts and a Markdown summary.",
        discussion: """
            Writes Reports/<peiling>.xlsx (summary, one sheet per theme with charts, groups, response,
            open answers, discussion questions, disclosure check) and Reports/<peiling>.md, and prints where.
            Every figure comes from at least --min-group answers ("<5"), and cells that would let a reader
            work out a hidden one are hidden too ("x"), checked across all tables with a solver. The report
            holds no per-response rows (see `ouderstem export`). Names never appear unless you add --with-names.

            Examples:
              ouderstem report --out Reports/ --lang nl --min-group 5
              ouderstem report --audit                       # also print what was hidden and why
              ouderstem report --open-answers with-groups    # open answers with safe group labels
              ouderstem report --compare vorig-jaar.sqlite   # this peiling against an earlier one
            """
    )

    @OptionGroup var database: PeilingOptions

    @OptionGroup var output: ReportFileOptions
    var out: String { output.out }
    var lang: String { output.lang }
    var minGroup: Int { output.minGroup }

    @Option(name: .customLong("open-answers"), help: "Open answers in the report: none, text (default) or with-groups (tags only where enough parents share them).")
    var openAnswers: String = "text"

    @Option(help: "The .sqlite file of an earlier peiling of the same survey: per question the earlier share, the change and whether it is more than chance.")
    var compare: String?

    @Flag(help: "Print the disclosure check: the rule, what was hidden and why, and what a reader could work out about each hidden cell.")
    var audit = false

    @Flag(name: .customLong("with-names"), help: "Also list parents who have not answered yet, by name (the only way names enter a report).")
    var withNames = false

    func validate() throws {
        guard OpenAnswers(rawValue: openAnswers) != nil else { throw ValidationError(say(.reportOpenAnswers)) }
    }

    func run() async throws {
        let db = try open()
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        for file in UnfinishedReports.removeStale(in: folder) {
            print(say(.reportRemovedUnfinished, ["file": file]))
        }
        if withNames {
            Output.error(say(.reportWithNames))
        }
        let bar = ProgressBar()
        let files: ReportFiles
        do {
            files = try ReportWriter.write(
                database: db, options: ReportOptions(language: lang, minGroup: minGroup, withNames: withNames, openAnswers: OpenAnswers(rawValue: openAnswers) ?? .text,
                                     compare: compare.map { URL(fileURLWithPath: $0) }),
                to: folder, progress: { bar.update($0) })
        } catch let error as ReportError {
            bar.finish()
            throw CLIError(error.description)
        } catch let error as StoreError {
            bar.finish()
            throw CLIError(error.cliMessage)
        } catch {
            bar.finish()
            throw CLIError(say(.reportNotWritten, ["error": error.localizedDescription]))
        }
        bar.finish()
        if withNames {
            // So that `roster forget` can remind whoever forgets the names that these files still hold them.
            try? db.recordNamesReport([files.workbook, files.summary].map { $0.standardizedFileURL.path })
        }
        if audit { print(files.audit) }
        print(say(.reportWorkbook, ["path": files.workbook.path]))
        print(say(.reportSummary, ["path": files.summary.path]))
    }

    private func open() throws -> SurveyDatabase {
        do { return try database.open() } catch let error as StoreError { throw CLIError(error.cliMessage) }
    }
}

/// A progress bar on standard error that appears only when the work takes longer than a second, and only
/// on a terminal (a log file gets no carriage-return noise).
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private let onTerminal = isatty(2) != 0
    private let lock = NSLock()
    private var shown = false
    private var last = -1

    func update(_ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        guard onTerminal, Date().timeIntervalSince(start) > 1 else { return }
        let percent = Int((max(0, min(1, fraction)) * 100).rounded())
        guard percent != last else { return }
        last = percent
        shown = true
        let filled = percent / 5
        let line = "\r[" + String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled) + "] \(percent)%"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}
