import Foundation
import SurveyCore
import SurveyStore

/// An open answer (or an "other, namely ..." text) with the segments that may be shown beside it.
struct OpenAnswer {
    var text: String
    var isOther: Bool
    /// Tag segment indices of the respondent.
    var tagSegments: [Int]
}

/// The counts of one peiling, from one streaming pass: counters per segment and question, never the responses.
///
/// Per question: answered, skipped (shown but not answered; a question hidden by its condition or absent from
/// the version a parent answered is not "skipped"), counts per option (multiple choice: per option, of
/// respondents), the sum of scale scores or numbers for means. Open answers are kept per question.
final class Aggregate {
    let survey: Survey
    let layout: QuestionLayout
    private(set) var segments: SegmentTable
    let minGroup: Int

    private(set) var answered: [Int]
    private(set) var skipped: [Int]
    private(set) var scoreSum: [Double]
    private(set) var optionCounts: [Int]
    private(set) var open: [[OpenAnswer]]
    /// Number questions, all responses: value -> how often (for the median and the table).
    private(set) var numberValues: [[Double: Int]]
    private(set) var first: Date?
    private(set) var last: Date?
    /// Responses per definition version number.
    private(set) var responsesPerVersion: [Int: Int] = [:]
    private(set) var olderVersionResponses = 0
    private(set) var unknownVersionResponses = 0

    private struct Version {
        var survey: Survey
        var isCurrent: Bool
    }
    private let versions: [String: Version]
    private let ids: [String]
    private let types: [QuestionType]
    private let optionIDs: [[String]]
    private let offsets: [Int]
    private let isScale: [Bool]
    private let hasCondition: [Bool]
    private let currentHash: String
    private let questionCount: Int

    init(survey: Survey, currentHash: String, definitions: [String: Survey], segments: SegmentTable, minGroup: Int) {
        self.survey = survey
        self.currentHash = currentHash
        layout = QuestionLayout(survey: survey)
        self.segments = segments
        self.minGroup = minGroup
        questionCount = layout.entries.count
        ids = layout.entries.map(\.question.id)
        types = layout.entries.map(\.question.type)
        optionIDs = layout.entries.map { $0.options.map(\.id) }
        offsets = layout.entries.map(\.offset)
        isScale = layout.entries.map { $0.scale != nil }
        hasCondition = layout.entries.map { $0.question.showIf != nil }
        let cells = segments.count * questionCount
        answered = Array(repeating: 0, count: cells)
        skipped = Array(repeating: 0, count: cells)
        scoreSum = Array(repeating: 0, count: cells)
        optionCounts = Array(repeating: 0, count: segments.count * layout.optionsPerSegment)
        open = Array(repeating: [], count: questionCount)
        numberValues = Array(repeating: [:], count: questionCount)
        versions = definitions.mapValues { Version(survey: $0, isCurrent: false) }
            .merging([currentHash: Version(survey: survey, isCurrent: true)]) { _, current in current }
    }

    /// Counts one response.
    func add(_ response: StoredResponse, slots: [Answer?]) {
        let segs = segments.indices(group: response.group, tags: response.tags, method: response.method.rawValue, language: response.language)
        let version = versions[response.definitionHash]
        if let version {
            responsesPerVersion[version.survey.version, default: 0] += 1
            if !version.isCurrent { olderVersionResponses += 1 }
        } else {
            unknownVersionResponses += 1
        }
        if first == nil || response.createdAt < first! { first = response.createdAt }
        if last == nil || response.updatedAt > last! { last = response.updatedAt }
        let tagSegments = segs.filter { segments[$0].dimension == .tag }
        let versionSurvey = version?.survey ?? survey
        let isCurrent = version?.isCurrent ?? true
        let perSegment = layout.optionsPerSegment
        // Conditions need the answers by id; built only when a conditional question was left open.
        var byID: Answers?
        func answers() -> Answers {
            if let byID { return byID }
            var made = response.answers
            for case let answer? in slots { made[answer.questionID] = answer }
            byID = made
            return made
        }
        // Compact per-question arrays instead of the layout's entries: copying a Question per answer costs
        // millions of retains at 100,000 responses.
        for q in 0..<questionCount {
            guard let answer = slots[q] else {
                if isAsked(q, in: versionSurvey, isCurrent: isCurrent, answers: answers) {
                    for s in segs { skipped[s * questionCount + q] += 1 }
                }
                continue
            }
            switch answer.value {
            case .choice(let id):
                guard let o = QuestionLayout.find(id, in: optionIDs[q]) else { continue }  // an option removed in a later version
                let score = isScale[q] ? Double(o + 1) : 0
                for s in segs {
                    answered[s * questionCount + q] += 1
                    scoreSum[s * questionCount + q] += score
                    optionCounts[s * perSegment + offsets[q] + o] += 1
                }
                if let other = answer.otherText, !other.isEmpty {
                    open[q].append(OpenAnswer(text: other, isOther: true, tagSegments: tagSegments))
                }
            case .choices(let chosenIDs):
                let chosen = chosenIDs.compactMap { QuestionLayout.find($0, in: optionIDs[q]) }
                guard !chosen.isEmpty else { continue }
                for s in segs {
                    answered[s * questionCount + q] += 1
                    let base = s * perSegment + offsets[q]
                    for o in chosen { optionCounts[base + o] += 1 }
                }
                if let other = answer.otherText, !other.isEmpty {
                    open[q].append(OpenAnswer(text: other, isOther: true, tagSegments: tagSegments))
                }
            case .number(let value):
                guard types[q] == .number else { continue }
                for s in segs {
                    answered[s * questionCount + q] += 1
                    scoreSum[s * questionCount + q] += value
                }
                numberValues[q][value, default: 0] += 1
            case .text(let text):
                guard types[q] == .text else { continue }
                for s in segs { answered[s * questionCount + q] += 1 }
                open[q].append(OpenAnswer(text: text, isOther: false, tagSegments: tagSegments))
            }
        }
    }

    /// Whether a response's version showed the question (it existed, and its condition held).
    private func isAsked(_ q: Int, in versionSurvey: Survey, isCurrent: Bool, answers: () -> Answers) -> Bool {
        if isCurrent, !hasCondition[q] { return true }
        guard let question = versionSurvey.question(ids[q]) else { return false }
        return question.showIf == nil || versionSurvey.isVisible(question, given: answers())
    }
    // MARK: Reading the counts

    var total: Int { segments[0].size }

    func answered(_ q: Int, segment s: Int = 0) -> Int { answered[s * questionCount + q] }
    func skipped(_ q: Int, segment s: Int = 0) -> Int { skipped[s * questionCount + q] }

    /// How many in a segment chose option `o` of question `q`.
    func count(_ q: Int, option o: Int, segment s: Int = 0) -> Int {
        optionCounts[s * layout.optionsPerSegment + layout.entries[q].offset + o]
    }

    /// Option `o` of question `q` as a share of those in the segment who answered the question.
    func proportion(_ q: Int, option o: Int, segment s: Int = 0) -> Proportion {
        Proportion(count: count(q, option: o, segment: s), total: answered(q, segment: s))
    }

    /// The mean scale score (1 = lowest point) or the mean number; nil when nobody answered.
    func mean(_ q: Int, segment s: Int = 0) -> Double? {
        let n = answered(q, segment: s)
        return n == 0 ? nil : scoreSum[s * questionCount + q] / Double(n)
    }

    /// The share in the highest `top` points of a scale question ("(helemaal) eens", "(grote) behoefte").
    func topShare(_ q: Int, segment s: Int = 0) -> Proportion? {
        guard let scale = layout.entries[q].scale else { return nil }
        let points = layout.entries[q].options.count
        let top = (points - scale.top..<points).reduce(0) { $0 + count(q, option: $1, segment: s) }
        return Proportion(count: top, total: answered(q, segment: s))
    }

    /// Whether a breakdown cell must be hidden: the segment is hidden, or too few in it answered the question,
    /// or (in a partition) it is the smallest neighbour of the only other hidden cell of the row.
    func isHidden(_ q: Int, segment s: Int) -> Bool {
        guard s != 0 else { return false }
        return hiddenCells[s * questionCount + q]
    }

    private lazy var hiddenCells: [Bool] = computeHiddenCells()

    private func computeHiddenCells() -> [Bool] {
        var hidden = Array(repeating: false, count: segments.count * questionCount)
        for s in 0..<segments.count where s != 0 {
            for q in 0..<questionCount {
                hidden[s * questionCount + q] = segments[s].hidden || answered[s * questionCount + q] < minGroup
            }
        }
        for dimension in Dimension.allCases where dimension.isPartition {
            let members = segments.segmentIndices(of: dimension).filter { segments[$0].size > 0 }
            guard members.count >= 2 else { continue }
            for q in 0..<questionCount {
                let hiddenMembers = members.filter { hidden[$0 * questionCount + q] }
                guard hiddenMembers.count == 1 else { continue }
                let visible = members.filter { !hidden[$0 * questionCount + q] }
                if let next = visible.min(by: { answered[$0 * questionCount + q] < answered[$1 * questionCount + q] }) {
                    hidden[next * questionCount + q] = true
                }
            }
        }
        return hidden
    }

    /// The median of a number question, from its value counts.
    func median(_ q: Int) -> Double? {
        let values = numberValues[q].sorted { $0.key < $1.key }
        let n = values.reduce(0) { $0 + $1.value }
        guard n > 0 else { return nil }
        func value(at position: Int) -> Double {
            var seen = 0
            for (value, count) in values {
                seen += count
                if seen > position { return value }
            }
            return values.last!.key
        }
        return n % 2 == 1 ? value(at: n / 2) : (value(at: n / 2 - 1) + value(at: n / 2)) / 2
    }

    /// Tags that may be shown beside an open answer (their group is large enough).
    func visibleTags(_ answer: OpenAnswer) -> [String] {
        answer.tagSegments.filter { !segments[$0].hidden }.map { segments[$0].key }
    }
}
