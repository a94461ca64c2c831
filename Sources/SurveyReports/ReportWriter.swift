import Foundation
import SurveyCore
import SurveyStore

/// Writes the team-meeting report: the Excel workbook and the Markdown summary, from one streaming pass.
public enum ReportWriter {
    /// Writes `<peiling-slug>.xlsx` and `<peiling-slug>.md` into `directory` (created when missing) and returns their URLs.
    ///
    /// 1. Response profiles (group, tags, method, language; no answers) size every group and atom; the roster and
    ///    who answered give every family's weight (`ResponseWeights`).
    /// 2. One pass over the stored responses counts every answer per atom (never a response kept in memory)
    ///    (`Aggregate.count`; the same for the earlier peiling of `--compare`).
    /// 3. Disclosure control decides, per question, which figures may be shown (`DisclosureControl`).
    /// 4. The sheets (the last one the disclosure check) and the text report are written from the counts.
    /// Files appear complete or not at all (written to a temporary name, then renamed). The team report holds no
    /// per-response rows: those go only to the de-identified `ouderstem export`.
    /// `progress` receives 0...1.
    public static func write(database: SurveyDatabase, options: ReportOptions, to directory: URL,
                             progress: (@Sendable (Double) -> Void)? = nil) throws -> ReportFiles {
        let words = Words(options.language)
        let clock = PhaseClock()
        let peiling = try database.peiling()
        let survey = try database.currentSurvey()

        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError("Cannot create the folder \(directory.path); choose another with --out.")
        }
        // The earlier peiling first: a wrong path fails before anything is written.
        let earlier = try options.compare.map { try EarlierPeiling.open($0, surveyID: peiling.surveyID, minGroup: options.minGroup) }
        let slug = Slug.make(peiling.name)
        let files = ReportFiles(workbook: directory.appendingPathComponent(slug + ".xlsx"), summary: directory.appendingPathComponent(slug + ".md"))
        // Unique per call: the staff dashboard may write the same report twice at once.
        let temporary = directory.appendingPathComponent(".\(slug).\(UUID().uuidString).xlsx.tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }

        let workbook = try Workbook(path: temporary.path, constantMemory: false)
        workbook.setProperties(title: "\(words(survey.title)) — \(peiling.name)", subject: words("Rapport voor het teamoverleg", "Report for the team meeting"))

        // The sheets are added in reading order first; each is then written top to bottom when its figures are known.
        let names = ReportContext.sheetNames(words)
        let summarySheet = try workbook.addSheet(names.summary)
        let prioritySheet = try workbook.addSheet(names.priorities)
        let themes = survey.themes.enumerated().filter { $0.element.questions.contains { $0.type != .text } }
        let themeSheets = try themes.map { ($0.offset, $0.element, try workbook.addSheet(ReportContext.themeSheetName($0.offset, $0.element, words))) }
        let groupsSheet = try workbook.addSheet(names.groups)
        let comparisonSheet = try earlier.map { _ in try workbook.addSheet(names.comparison) }
        let responseSheet = try workbook.addSheet(names.response)
        let openSheet = try workbook.addSheet(names.open)
        let discussionSheet = try workbook.addSheet(names.discussion)
        let auditSheet = try workbook.addSheet(names.audit)

        // Weights come from the roster and who answered (no answers), so they are known before the pass.
        let status = try database.status()
        let roster = try database.respondents()
        let notAnswered = Set(status.missing.map(\.respondentID))
        let weights = ResponseWeights.make(roster: roster, responded: Set(roster.map(\.id)).subtracting(notAnswered))
        clock.mark("profiles + weights")
        progress?(0.02)
        let aggregate = try Aggregate.count(database, minGroup: options.minGroup, weights: weights) { seen, total in
            if seen % 2000 == 0, total > 0 { progress?(0.02 + 0.6 * Double(seen) / Double(total)) }
        }
        clock.mark("pass (count)")
        progress?(0.62)

        let disclosure = DisclosureControl.protect(aggregate, minGroup: options.minGroup)
        clock.mark("disclosure control")
        progress?(0.7)

        let comparison = earlier.map { other in
            Comparison(now: aggregate, shown: { disclosure.questionShown[$0] }, earlier: other.aggregate, earlierName: other.name,
                       minGroup: options.minGroup, words: words)
        }
        let sample = try database.sample()
        var sampleTags: [String: Set<String>] = [:]
        if let sample {
            let ids = Set(sample.active)
            for respondent in roster where ids.contains(respondent.id) { sampleTags[respondent.id] = Set(respondent.tags) }
        }
        let context = ReportContext(
            peiling: peiling, survey: survey, aggregate: aggregate, status: status, sample: sample,
            findings: Findings(aggregate: aggregate, disclosure: disclosure, status: status, words: words, minGroup: options.minGroup),
            disclosure: disclosure,
            options: options, words: words, generatedAt: Date(),
            missingNames: options.withNames ? status.missing : [], sampleTags: sampleTags, comparison: comparison)

        clock.mark("roster status")
        try SummarySheet(context: context, sheet: summarySheet).write()
        try PrioritySheet(context: context, sheet: prioritySheet, workbook: workbook).write()
        for (index, theme, sheet) in themeSheets { try ThemeSheet(context: context, sheet: sheet, theme: theme, number: index + 1).write() }
        clock.mark("summary + theme sheets")
        try GroupsSheet(context: context, sheet: groupsSheet).write()
        if let comparisonSheet, let comparison { try ComparisonSheet(context: context, comparison: comparison, sheet: comparisonSheet).write() }
        try ResponseSheet(context: context, sheet: responseSheet).write()
        clock.mark("groups + response sheets")
        try OpenAnswersSheet(context: context, sheet: openSheet).write()
        clock.mark("open answers sheet")
        try DiscussionSheet(context: context, sheet: discussionSheet).write()
        try AuditSheet(context: context, sheet: auditSheet).write()
        progress?(0.75)
        try workbook.close()
        clock.mark("workbook_close")
        progress?(0.97)

        let markdown = MarkdownReport(context: context).render()
        clock.mark("text summary")
        // The last gate: figures that fail the audit never reach a file.
        try DisclosureControl.verify(aggregate, disclosure)
        clock.mark("audit")
        try replace(files.workbook, with: temporary)
        try Data(markdown.utf8).write(to: files.summary, options: .atomic)
        clock.mark("files in place")
        progress?(1)
        var written = files
        written.audit = AuditSheet.text(context)
        return written
    }

    /// Moves the finished file into place in one step, so a reader never sees half a workbook.
    private static func replace(_ target: URL, with source: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw ReportError("Cannot write \(target.path): \(String(cString: strerror(errno))).")
        }
    }
}

/// Prints how long each phase took to standard error when `OUDERSTEM_REPORT_TIMINGS` is set (for the benchmark).
final class PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["OUDERSTEM_REPORT_TIMINGS"] != nil
    private var last = Date()

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        let line = phase.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%6.2f s\n", now.timeIntervalSince(last))
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }
}
