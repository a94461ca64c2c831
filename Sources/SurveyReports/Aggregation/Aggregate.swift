import Foundation
import SurveyCore
import SurveyStore

/// An open answer (or an "other, namely ..." text) with the atom of the parent who wrote it.
struct OpenAnswer {
    var text: String
    var isOther: Bool
    /// The respondent's atom: which tags may be shown beside the answer is decided from it.
    var atom: Int
}

/// The families of one atom who share one weight.
struct WeightClass: Hashable {
    var atom: Int
    /// Index into `Aggregate.weightValues`.
    var weight: Int
}

/// The counts of one peiling, from one streaming pass: counters per atom and question, never the responses.
///
/// Per question: answered, skipped (shown but not answered; a question hidden by its condition or absent from
/// the version a parent answered is not "skipped"), counts per option (multiple choice: per option, of
/// respondents), the sum of scale scores or numbers for means. Open answers are kept per question.
/// Counting per atom (one counter per answer) and adding the atoms into segments afterwards is cheaper than
/// counting every segment a response is in, and the disclosure audit needs the atoms' counts anyway.
final class Aggregate {
    let survey: Survey
    let layout: QuestionLayout
    private(set) var segments: SegmentTable
    let minGroup: Int

    private var answered: [Int] = []
    private var skipped: [Int] = []
    private var scoreSum: [Double] = []
    private var optionCounts: [Int] = []
    /// The same counters per atom (atom-major), filled by `add` and added into the segments by `finish`.
    private var atomAnswered: [Int] = []
    private var atomSkipped: [Int] = []
    private var atomScoreSum: [Double] = []
    private var atomOptionCounts: [Int] = []
    private(set) var open: [[OpenAnswer]]
    /// Number questions, all responses: value -> how often (for the median and the table).
    private(set) var numberValues: [[Double: Int]]
    private(set) var first: Date?
    private(set) var last: Date?
    /// Responses per definition version number.
    private(set) var responsesPerVersion: [Int: Int] = [:]
    private(set) var olderVersionResponses = 0
    private(set) var unknownVersionResponses = 0

    /// Each family's weight (`ResponseWeights`); nil: no roster, no weighted figures.
    let weights: ResponseWeights?
    /// Weighted counters of scale questions' top share, all responses: Σw and Σw² of those who answered, Σw of the top.
    private var weightedAnswered: [Double] = []
    private var weightedSquares: [Double] = []
    private var weightedTop: [Double] = []
    /// Per scale question, per atom and distinct weight: (answered, top). What a reader who knows the roster (and
    /// so every family's weight) can tell apart once a weighted figure is published (`WeightedShareCheck`).
    private(set) var weightClasses: [[WeightClass: (answered: Int, top: Int)]] = []
    /// The distinct weights, by index.
    private(set) var weightValues: [Double] = []
    private var weightIndex: [Double: Int] = [:]
    /// First option of the top share of a scale question (nil for other types).
    private let topFrom: [Int?]

    private struct Version {
        var survey: Survey
        var isCurrent: Bool
    }
    private let versions: [String: Version]
    /// The earlier versions of the definition, oldest first.
    let earlier: [Survey]
    private let ids: [String]
    private let types: [QuestionType]
    private let optionIDs: [[String]]
    private let offsets: [Int]
    private let isScale: [Bool]
    private let hasCondition: [Bool]
    private let currentHash: String
    let questionCount: Int

    init(survey: Survey, currentHash: String, definitions: [String: Survey], segments: SegmentTable, minGroup: Int,
         weights: ResponseWeights? = nil) {
        self.survey = survey
        self.weights = weights
        self.currentHash = currentHash
        earlier = definitions.filter { $0.key != currentHash }.map(\.value).sorted { $0.version < $1.version }
        layout = QuestionLayout(survey: survey, earlier: earlier)
        self.segments = segments
        self.minGroup = minGroup
        questionCount = layout.entries.count
        ids = layout.entries.map(\.question.id)
        types = layout.entries.map(\.question.type)
        optionIDs = layout.entries.map { $0.options.map(\.id) }
        offsets = layout.entries.map(\.offset)
        isScale = layout.entries.map { $0.scale != nil }
        hasCondition = layout.entries.map { $0.question.showIf != nil }
        topFrom = layout.entries.map { entry in entry.scale.map { entry.options.count - $0.top } }
        weightedAnswered = Array(repeating: 0, count: questionCount)
        weightedSquares = Array(repeating: 0, count: questionCount)
        weightedTop = Array(repeating: 0, count: questionCount)
        weightClasses = Array(repeating: [:], count: questionCount)
        open = Array(repeating: [], count: questionCount)
        numberValues = Array(repeating: [:], count: questionCount)
        versions = definitions.mapValues { Version(survey: $0, isCurrent: false) }
            .merging([currentHash: Version(survey: survey, isCurrent: true)]) { _, current in current }
        growAtoms()
        finish()
    }

    /// Makes room for counters of atoms added since the last call.
    private func growAtoms() {
        let atoms = segments.atoms.count
        let cells = atoms * questionCount
        guard atomAnswered.count < cells else { return }
        atomAnswered += Array(repeating: 0, count: cells - atomAnswered.count)
        atomSkipped += Array(repeating: 0, count: cells - atomSkipped.count)
        atomScoreSum += Array(repeating: 0, count: cells - atomScoreSum.count)
        atomOptionCounts += Array(repeating: 0, count: atoms * layout.optionsPerSegment - atomOptionCounts.count)
    }

    /// Counts one response.
    func add(_ response: StoredResponse, slots: [Answer?]) {
        let method = response.method.rawValue
        var atom = segments.atom(group: response.group, tags: response.tags, method: method, language: response.language)
        if atom == nil {
            // Saved after the profiles were read: counted in an atom of its own so no answer is lost.
            atom = segments.addAtom(group: response.group, tags: response.tags, method: method, language: response.language)
            growAtoms()
        }
        let a = atom!
        let version = versions[response.definitionHash]
        if let version {
            responsesPerVersion[version.survey.version, default: 0] += 1
            if !version.isCurrent { olderVersionResponses += 1 }
        } else {
            unknownVersionResponses += 1
        }
        if first == nil || response.createdAt < first! { first = response.createdAt }
        if last == nil || response.updatedAt > last! { last = response.updatedAt }
        let versionSurvey = version?.survey ?? survey
        let isCurrent = version?.isCurrent ?? true
        let cell = a * questionCount
        let block = a * layout.optionsPerSegment
        let weight = weights?.weight(of: response.respondentID)
        let weightClass = weight.map { WeightClass(atom: a, weight: index(ofWeight: $0)) }
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
                if isAsked(q, in: versionSurvey, isCurrent: isCurrent, answers: answers) { atomSkipped[cell + q] += 1 }
                continue
            }
            switch answer.value {
            case .choice(let id):
                guard let o = QuestionLayout.find(id, in: optionIDs[q]) else { continue }  // an option removed in a later version
                atomAnswered[cell + q] += 1
                atomScoreSum[cell + q] += isScale[q] ? Double(o + 1) : 0
                atomOptionCounts[block + offsets[q] + o] += 1
                if let from = topFrom[q], let weight, let weightClass {
                    let top = o >= from
                    weightedAnswered[q] += weight
                    weightedSquares[q] += weight * weight
                    if top { weightedTop[q] += weight }
                    weightClasses[q][weightClass, default: (0, 0)].answered += 1
                    if top { weightClasses[q][weightClass, default: (0, 0)].top += 1 }
                }
                if let other = answer.otherText, !other.isEmpty {
                    open[q].append(OpenAnswer(text: other, isOther: true, atom: a))
                }
            case .choices(let chosenIDs):
                let chosen = chosenIDs.compactMap { QuestionLayout.find($0, in: optionIDs[q]) }
                guard !chosen.isEmpty else { continue }
                atomAnswered[cell + q] += 1
                for o in chosen { atomOptionCounts[block + offsets[q] + o] += 1 }
                if let other = answer.otherText, !other.isEmpty {
                    open[q].append(OpenAnswer(text: other, isOther: true, atom: a))
                }
            case .number(let value):
                guard types[q] == .number else { continue }
                atomAnswered[cell + q] += 1
                atomScoreSum[cell + q] += value
                numberValues[q][value, default: 0] += 1
            case .text(let text):
                guard types[q] == .text else { continue }
                atomAnswered[cell + q] += 1
                open[q].append(OpenAnswer(text: text, isOther: false, atom: a))
            }
        }
    }

    private func index(ofWeight weight: Double) -> Int {
        if let known = weightIndex[weight] { return known }
        weightIndex[weight] = weightValues.count
        weightValues.append(weight)
        return weightValues.count - 1
    }

    /// Adds every atom's counters into the segments it belongs to; call once after the last `add`.
    func finish() {
        let cells = segments.count * questionCount
        let perSegment = layout.optionsPerSegment
        answered = Array(repeating: 0, count: cells)
        skipped = Array(repeating: 0, count: cells)
        scoreSum = Array(repeating: 0, count: cells)
        optionCounts = Array(repeating: 0, count: segments.count * perSegment)
        for (a, atom) in segments.atoms.enumerated() {
            for s in atom.segments {
                for q in 0..<questionCount {
                    answered[s * questionCount + q] += atomAnswered[a * questionCount + q]
                    skipped[s * questionCount + q] += atomSkipped[a * questionCount + q]
                    scoreSum[s * questionCount + q] += atomScoreSum[a * questionCount + q]
                }
                for o in 0..<perSegment { optionCounts[s * perSegment + o] += atomOptionCounts[a * perSegment + o] }
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

    /// The weighted top share of a scale question over all responses, with Kish's effective number of answers;
    /// nil without weights or answers.
    func weightedTopShare(_ q: Int) -> WeightedShare? {
        guard weights != nil, topFrom[q] != nil, weightedAnswered[q] > 0 else { return nil }
        return WeightedShare(share: weightedTop[q] / weightedAnswered[q],
                             effectiveSize: weightedAnswered[q] * weightedAnswered[q] / weightedSquares[q])
    }

    /// How many in an atom answered question `q`.
    func answered(_ q: Int, atom a: Int) -> Int { atomAnswered[a * questionCount + q] }

    /// How many in an atom chose option `o` of question `q`.
    func count(_ q: Int, option o: Int, atom a: Int) -> Int {
        atomOptionCounts[a * layout.optionsPerSegment + layout.entries[q].offset + o]
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
}
