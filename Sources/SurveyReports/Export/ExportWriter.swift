import Foundation
import SurveyCore
import SurveyStore

/// Writes the de-identified export for a researcher or a coach: one row per response, k-anonymous on every column a
/// reader who knows the roster could link on, rows shuffled, with an explanation and a codebook.
///
/// 1. One pass over the stored responses keeps each response's quasi-identifiers (`QuasiIdentifier`) and its answer
///    codes (`AnswerColumns`); never a code, roster id, date, "entered by" or verifier.
/// 2. `KAnonymizer` recodes and suppresses until every combination holds at least `k` rows, and the result is
///    checked again before anything is written.
/// 3. The kept rows are shuffled and written (`ExportWorkbook` or `ExportCSV`).
/// Files appear complete or not at all (written to a temporary name in the same folder, then renamed).
public enum ExportWriter {
    /// Writes the export to `out`: a folder (the file is then named after the peiling), or a file ending in `.xlsx` or `.csv`.
    public static func write(database: SurveyDatabase, options: ExportOptions, to out: URL) throws -> ExportReport {
        let peiling = try database.peiling()
        let (dataFile, explanationFile) = try files(for: out, format: options.format, peilingName: peiling.name)
        let survey = try database.currentSurvey()
        let definitions = try database.definitions()
        let ids = survey.questions.map(\.id)
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let quasi = QuasiIdentifier.columns(survey: survey, versions: definitions.mapValues(\.version), position: position)
        var anonymizer = KAnonymizer(columns: quasi, k: options.minGroup)
        var answers = AnswerColumns(survey: survey, position: position, withOpenAnswers: options.withOpenAnswers)
        try database.forEachResponse(byPosition: ids) { response, slots in
            anonymizer.add(quasi.map { $0.read(response, slots) })
            answers.append(slots)
        }

        let k = options.minGroup, responses = anonymizer.rowCount
        guard responses > 0 else { throw ReportError("There are no responses to export yet.") }
        guard responses >= k else {
            throw ReportError("There are only \(responses) responses and an export needs at least \(k) (--min-group), or a row would stand for one family; nothing was written.")
        }
        anonymizer.anonymize()
        // The guarantee is checked on the result itself, not assumed from the method.
        guard let smallest = anonymizer.smallestCombination(), smallest >= k else {
            throw ReportError("The export could not be made \(k)-anonymous; nothing was written.")
        }

        var order = (0..<responses).filter { !anonymizer.isDropped($0) }
        if let seed = options.seed {
            var generator = SeededGenerator(seed: seed)
            order.shuffle(using: &generator)
        } else {
            var generator = SystemRandomNumberGenerator()  // cryptographically secure on every platform Swift supports
            order.shuffle(using: &generator)
        }

        let kept = quasi.indices.filter { !anonymizer.isRemoved($0) }
        let (anonymized, answerRows) = (anonymizer, answers)
        let table = ExportTable(headers: kept.map { quasi[$0].name } + answers.headers, count: order.count) { i in
            let row = order[i]
            let identifiers = kept.map { c -> ExportCell in
                let value = anonymized.value(row: row, column: c) ?? ""
                return value.isEmpty ? .empty : .text(value)
            }
            return identifiers + answerRows.cells(row)
        }
        let report = ExportReport(
            files: [dataFile] + (explanationFile.map { [$0] } ?? []), k: k, responses: responses, rowsWritten: order.count,
            rowsDropped: anonymizer.droppedCount,
            columns: quasi.indices.map { c in
                let level = anonymizer.level[c]
                let removed = anonymizer.isRemoved(c)
                return ExportReport.Column(name: quasi[c].name, recoding: removed || level == 0 ? [:] : quasi[c].levels[level].description,
                                           removed: removed, suppressed: anonymizer.suppressedCount[c])
            },
            withOpenAnswers: options.withOpenAnswers, seeded: options.seed != nil)
        let explanation = ExportExplanation(peilingName: peiling.name, surveyTitle: survey.title.dutch, report: report)
        let codebook = Codebook(anonymizer: anonymizer, answers: answers)

        let directory = dataFile.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError("Cannot create the folder \(directory.path); choose another with --out.")
        }
        let temporary = directory.appendingPathComponent(".\(dataFile.lastPathComponent).\(UUID().uuidString).tmp")
        let temporaryExplanation = directory.appendingPathComponent(".\(dataFile.lastPathComponent).\(UUID().uuidString).txt.tmp")
        defer {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: temporaryExplanation)
        }
        switch options.format {
        case .xlsx:
            try ExportWorkbook.write(to: temporary, title: "\(survey.title.dutch) — \(peiling.name)", explanation: explanation,
                                     table: table, codebook: codebook)
        case .csv:
            try ExportCSV.write(table, to: temporary)
            try ExportCSV.writeExplanation(explanation, codebook: codebook, to: temporaryExplanation)
        }
        // The explanation goes into place first: a data file never appears without it.
        if let explanationFile { try moveIntoPlace(temporaryExplanation, explanationFile) }
        try moveIntoPlace(temporary, dataFile)
        return report
    }

    /// The data file (and, for CSV, the explanation beside it) for `--out`; nothing is created yet.
    static func files(for out: URL, format: ExportOptions.Format, peilingName: String) throws -> (URL, URL?) {
        let data: URL
        if ["xlsx", "csv"].contains(out.pathExtension.lowercased()) {
            guard out.pathExtension.lowercased() == format.rawValue else {
                throw ReportError("\(out.lastPathComponent) does not end in .\(format.rawValue); give a file name that does, or a folder.")
            }
            data = out
        } else {
            data = out.appendingPathComponent("\(Slug.make(peilingName))-export.\(format.rawValue)")
        }
        let directory = data.deletingLastPathComponent()
        let explanation = format == .csv
            ? directory.appendingPathComponent(data.deletingPathExtension().lastPathComponent + "-toelichting.txt") : nil
        return (data, explanation)
    }

    /// Moves a finished file into place in one step, so a reader never sees half a file.
    private static func moveIntoPlace(_ source: URL, _ target: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw ReportError("Cannot write \(target.path): \(String(cString: strerror(errno))).")
        }
    }
}

/// The rows of an export as the writers see them: headers, and each row's cells on demand (so nothing is held twice).
struct ExportTable {
    let headers: [String]
    let count: Int
    let row: (Int) -> [ExportCell]
}
