import Foundation
import SurveyCore
import SurveyStore

/// This peiling against an earlier one (`ouderstem report --compare OTHER.sqlite`): per question the earlier
/// headline share, the change in points and whether it is more than chance.
///
/// Questions are matched by id. A scale question compares its top share, a choice question each option both
/// peilingen offer. Each change is tested like the differences between groups (`Significance.difference`:
/// Fisher's exact test for small cells, else the two-proportion test) and the p-values of all compared lines are
/// corrected together by Benjamini–Hochberg. Questions whose text, type or options differ between the two
/// definitions are marked as changed; questions asked in only one of the two are listed.
/// Disclosure: only overall figures are compared, and a question only when both peilingen have at least `k`
/// answers to it (the minimum-group rule of each report); background questions are left out.
struct Comparison {
    struct Line {
        var question: Int
        /// Nil for a scale's top share.
        var option: Int?
        var earlier: Proportion
        var now: Proportion
        var adjustedP = 1.0
        /// The question's text, type or options differ between the two definitions.
        var changed: Bool

        var change: Double { now.share - earlier.share }
        var isSignificant: Bool { adjustedP < 0.05 }
    }

    /// The earlier peiling's name.
    var earlierName: String
    var lines: [Line] = []
    /// Questions (current layout index) left out because one of the two peilingen has fewer than `k` answers.
    var tooFew: [Int] = []
    /// Question texts asked only now, or only the earlier time.
    var onlyNow: [String] = []
    var onlyEarlier: [String] = []

    init(now a: Aggregate, shown: (Int) -> Bool, earlier b: Aggregate, earlierName: String, minGroup k: Int, words w: Words) {
        self.earlierName = earlierName
        var matched = Set<String>()
        for (q, entry) in a.layout.entries.enumerated() where !entry.theme.isBackground && entry.question.type.isChoice {
            guard let e = b.layout.index(of: entry.question.id) else { onlyNow.append(w(entry.question.text)); continue }
            matched.insert(entry.question.id)
            guard shown(q), a.answered(q) >= k, b.answered(e) >= k else { tooFew.append(q); continue }
            let before = b.layout.entries[e]
            let changed = Comparison.differs(entry, before)
            if let now = a.topShare(q), let earlier = b.topShare(e), before.scale != nil {
                lines.append(Line(question: q, option: nil, earlier: earlier, now: now, changed: changed))
            } else if entry.scale == nil, before.scale == nil {
                for (o, option) in entry.options.enumerated() {
                    guard let p = QuestionLayout.find(option.id, in: before.options.map(\.id)) else { continue }
                    lines.append(Line(question: q, option: o, earlier: b.proportion(e, option: p), now: a.proportion(q, option: o), changed: changed))
                }
            } else {
                // A scale became a choice question or the other way round: nothing comparable.
                tooFew.append(q)
            }
        }
        for entry in b.layout.entries where !entry.theme.isBackground && entry.question.type.isChoice && !matched.contains(entry.question.id) {
            onlyEarlier.append(w(entry.question.text))
        }
        let p = lines.map { Significance.difference($0.now.count, $0.now.total, $0.earlier.count, $0.earlier.total) }
        for (i, adjusted) in Significance.benjaminiHochberg(p).enumerated() { lines[i].adjustedP = adjusted }
    }

    /// How the comparison was made, in one paragraph.
    static func explanation(_ w: Words, minGroup: Int) -> String {
        w("Per vraag het percentage van de vorige peiling en van nu (bij stellingen en behoeftevragen het deel dat (helemaal) eens is of (grote) behoefte heeft, bij keuzevragen per antwoord). Elk verschil is getoetst (Fisher-toets bij kleine aantallen, anders de toets voor twee proporties) en gecorrigeerd voor het aantal vergelijkingen (Benjamini-Hochberg). 'Gewijzigd': de vraag of haar antwoorden zijn anders geformuleerd, dus vergelijk voorzichtig. Alleen vragen met minstens \(minGroup) antwoorden in beide peilingen.",
          "Per question the percentage of the earlier peiling and of now (for statements and need questions the share that (strongly) agrees or has a (strong) need, for choice questions per answer). Each change was tested (Fisher's test for small numbers, else the test for two proportions) and corrected for the number of comparisons (Benjamini-Hochberg). 'Changed': the question or its answers were worded differently, so compare with care. Only questions with at least \(minGroup) answers in both peilingen.")
    }

    /// Whether a question's wording, type or options (scale points included: ids or Dutch labels) differ.
    static func differs(_ now: QuestionLayout.Entry, _ before: QuestionLayout.Entry) -> Bool {
        now.question.text.dutch != before.question.text.dutch || now.question.type != before.question.type
            || now.options.map(\.id) != before.options.map(\.id) || now.options.map(\.label.dutch) != before.options.map(\.label.dutch)
    }
}

extension Aggregate {
    /// Phases 1 and 2 of `ReportWriter.write`: the response profiles size the groups, one pass counts the answers.
    static func count(_ database: SurveyDatabase, minGroup: Int, weights: ResponseWeights? = nil,
                      progress: ((Int, Int) -> Void)? = nil) throws -> Aggregate {
        let peiling = try database.peiling()
        let survey = try database.currentSurvey()
        var segments = SegmentTable(survey: survey)
        try database.forEachResponseProfile { profile in
            segments.record(group: profile.group, tags: profile.tags, method: profile.method.rawValue, language: profile.language)
        }
        segments.finish(minGroup: minGroup)
        let total = segments[0].size
        let aggregate = Aggregate(survey: survey, currentHash: peiling.definitionHash, definitions: try database.definitions(),
                                  segments: segments, minGroup: minGroup, weights: weights)
        var seen = 0
        try database.forEachResponse(byPosition: aggregate.layout.entries.map(\.question.id)) { response, slots in
            aggregate.add(response, slots: slots)
            seen += 1
            progress?(seen, total)
        }
        aggregate.finish()
        return aggregate
    }
}

/// The earlier peiling of `--compare`: its name and its counts (unweighted, as its own report showed them).
struct EarlierPeiling {
    var name: String
    var aggregate: Aggregate

    static func open(_ file: URL, surveyID: String, minGroup: Int) throws -> EarlierPeiling {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ReportError("The earlier peiling \(file.path) does not exist: give the .sqlite file of the peiling to compare with after --compare.")
        }
        let database: SurveyDatabase
        let peiling: Peiling
        do {
            database = try SurveyDatabase(path: file.path)
            peiling = try database.peiling()
        } catch {
            throw ReportError("\(file.path) is not a peiling of ouderstem (\(error)): give the .sqlite file of the peiling to compare with after --compare.")
        }
        guard peiling.surveyID == surveyID else {
            throw ReportError("\(file.path) holds a peiling of the survey '\(peiling.surveyID)', this one of '\(surveyID)': only peilingen of the same survey can be compared.")
        }
        return EarlierPeiling(name: peiling.name, aggregate: try Aggregate.count(database, minGroup: minGroup))
    }
}
