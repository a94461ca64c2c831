import Foundation
import SurveyCore
import SurveyStore

/// The school board's view across schools: per peiling its response and its main findings, side by side.
///
/// Every figure is one the peiling's own team report shows: its response counts (who answered, not what,
/// so no disclosure rule applies) and the overall top share of a scale question that the peiling's own
/// disclosure control (`DisclosureControl`, the same minimum group) lets through. No answer figure is
/// pooled across peilingen: a board-wide share beside the schools' would let a reader subtract the other
/// schools from it and find the figure a school's report hides.
public struct BoardOverview: Sendable {
    /// One peiling: its school, its response and which findings are its own main ones.
    public struct Column: Sendable, Equatable {
        public var peilingID: Int64
        public var peiling: String
        public var school: String?
        public var closed: Bool
        public var rosterSize: Int
        /// Complete responses with a code (from the roster).
        public var responses: Int
        /// Complete responses without a code (kiosk without a code).
        public var anonymous: Int
        /// Responses with a code of the roster; nil without a roster.
        public var responseRate: Double? { rosterSize == 0 ? nil : Double(responses) / Double(rosterSize) }
        /// The ids of the peiling's own strongest needs and lowest statements (its team report's first findings).
        public var ownFindings: Set<String>
    }

    /// What a finding's cell shows for one peiling.
    public enum Cell: Sendable, Equatable {
        /// The share that chose the top of the scale, of those who answered.
        case share(Proportion)
        /// Fewer than the minimum answered the question: "<5".
        case tooFew
        /// Hidden by the peiling's disclosure control to protect another figure: "x".
        case protected
        /// The peiling's questionnaire has no such question, or nobody answered it yet: "–".
        case none
    }

    /// A scale question among the peilingen's main findings, with a cell per column of its table.
    public struct Finding: Sendable, Equatable {
        public var questionID: String
        public var text: LocalizedText
        /// "(grote) behoefte" or "(helemaal) eens".
        public var topLabel: LocalizedText
        /// A need scale: a high share is a need. Otherwise a statement: a low share is the finding.
        public var isNeed: Bool
        public var cells: [Cell]
    }

    /// The peilingen of one survey: only answers to the same questionnaire can stand side by side.
    public struct SurveyTable: Sendable {
        public var surveyID: String
        public var title: LocalizedText
        public var columns: [Column]
        /// Needs first (highest mean share first), then statements (lowest first).
        public var findings: [Finding]
    }

    /// The response of one school: its peilingen added up (counts of who answered, never of answers).
    public struct School: Sendable, Equatable {
        public var name: String?
        public var peilingen: Int
        public var rosterSize: Int
        public var responses: Int
        public var anonymous: Int
        public var responseRate: Double? { rosterSize == 0 ? nil : Double(responses) / Double(rosterSize) }
    }

    public var minGroup: Int
    public var schools: [School]
    public var tables: [SurveyTable]
    public var generatedAt: Date

    /// How many of each peiling's strongest needs and lowest statements become rows.
    static let findingsPerPeiling = 3

    /// Counts every peiling of `database` (or those `include` keeps) with its own aggregation and disclosure
    /// control, one peiling in memory at a time.
    public static func make(database: SurveyDatabase, minGroup: Int = 5,
                            include: (PeilingSummary) -> Bool = { _ in true }) throws -> BoardOverview {
        var bySurvey: [String: [PeilingFigures]] = [:]
        var surveyOrder: [String] = []
        for summary in try database.peilingen() where include(summary) {
            let figures = try PeilingFigures(summary: summary, handle: database.view(ofPeiling: summary.id), minGroup: minGroup)
            if bySurvey[summary.surveyID] == nil { surveyOrder.append(summary.surveyID) }
            bySurvey[summary.surveyID, default: []].append(figures)
        }
        let tables = surveyOrder.map { table(bySurvey[$0]!) }
        let columns = tables.flatMap(\.columns)
        var schools: [School] = []
        for column in columns {
            if let i = schools.firstIndex(where: { $0.name == column.school }) {
                schools[i].peilingen += 1
                schools[i].rosterSize += column.rosterSize
                schools[i].responses += column.responses
                schools[i].anonymous += column.anonymous
            } else {
                schools.append(School(name: column.school, peilingen: 1, rosterSize: column.rosterSize,
                                      responses: column.responses, anonymous: column.anonymous))
            }
        }
        schools.sort { ($0.name ?? "", $0.peilingen) < ($1.name ?? "", $1.peilingen) }
        return BoardOverview(minGroup: minGroup, schools: schools, tables: tables, generatedAt: Date())
    }

    /// The rows of one survey: every peiling's own main findings, so no school's first concern is left out.
    private static func table(_ peilingen: [PeilingFigures]) -> SurveyTable {
        var rows: [String] = []
        for figures in peilingen {
            for id in figures.column.ownFindings.sorted() where !rows.contains(id) { rows.append(id) }
        }
        let findings = rows.compactMap { id -> Finding? in
            guard let question = peilingen.lazy.compactMap({ $0.question(id) }).first else { return nil }
            return Finding(questionID: id, text: question.text, topLabel: question.topLabel, isNeed: question.isNeed,
                           cells: peilingen.map { $0.cell(id) })
        }
        func meanShare(_ finding: Finding) -> Double {
            let shares = finding.cells.compactMap { cell -> Double? in if case .share(let p) = cell { p.share } else { nil } }
            return shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
        }
        let needs = findings.filter(\.isNeed).sorted { (-meanShare($0), $0.questionID) < (-meanShare($1), $1.questionID) }
        let statements = findings.filter { !$0.isNeed }.sorted { (meanShare($0), $0.questionID) < (meanShare($1), $1.questionID) }
        let newest = peilingen.max { $0.survey.version < $1.survey.version }!.survey
        return SurveyTable(surveyID: newest.id, title: newest.title, columns: peilingen.map(\.column), findings: needs + statements)
    }
}

/// One peiling's counts as its own team report has them: the aggregation, the disclosure decision, the findings.
private struct PeilingFigures {
    let column: BoardOverview.Column
    let survey: Survey
    private let aggregate: Aggregate
    private let disclosure: Disclosure
    private let minGroup: Int

    init(summary: PeilingSummary, handle: SurveyDatabase, minGroup: Int) throws {
        let status = try handle.status()
        aggregate = try Aggregate.count(handle, minGroup: minGroup)
        disclosure = DisclosureControl.protect(aggregate, minGroup: minGroup)
        survey = aggregate.survey
        self.minGroup = minGroup
        let findings = Findings(aggregate: aggregate, disclosure: disclosure, status: status, words: Words("nl"), minGroup: minGroup)
        let layout = aggregate.layout
        let own = findings.strongestNeeds.prefix(BoardOverview.findingsPerPeiling) + findings.lowestItems.prefix(BoardOverview.findingsPerPeiling)
        column = BoardOverview.Column(peilingID: summary.id, peiling: summary.name, school: summary.school, closed: status.closed, rosterSize: status.rosterSize,
                                      responses: status.responses - status.anonymous, anonymous: status.anonymous,
                                      ownFindings: Set(own.map { layout.entries[$0.question].question.id }))
    }

    /// The question's text and scale as this peiling's questionnaire has them; nil when it has no such scale question.
    func question(_ id: String) -> (text: LocalizedText, topLabel: LocalizedText, isNeed: Bool)? {
        guard let q = aggregate.layout.index(of: id), let scale = aggregate.layout.entries[q].scale else { return nil }
        return (aggregate.layout.entries[q].question.text, scale.topLabel, Findings.isNeedScale(scale))
    }

    /// What this peiling's own report shows for the question's overall top share.
    func cell(_ id: String) -> BoardOverview.Cell {
        guard let q = aggregate.layout.index(of: id), aggregate.layout.entries[q].scale != nil, aggregate.answered(q) > 0,
              let top = aggregate.topShare(q) else { return .none }
        if aggregate.answered(q) < minGroup { return .tooFew }
        return disclosure.questionShown[q] ? .share(top) : .protected
    }
}
