import Foundation
import SurveyCore
import SurveyStore

/// Everything the sheets and the text report are written from: the counts, the roster status, the findings.
struct ReportContext {
    let peiling: Peiling
    let survey: Survey
    let aggregate: Aggregate
    let status: PeilingStatus
    let sample: StoredSample?
    let findings: Findings
    /// Which figures about answers may be shown.
    let disclosure: Disclosure
    let options: ReportOptions
    let words: Words
    let generatedAt: Date
    /// Respondent names for the not-yet-answered list, only with `withNames`.
    let missingNames: [PeilingStatus.Missing]
    /// Roster tags of the sampled respondents, for the sample's coverage.
    let sampleTags: [String: Set<String>]
    /// This peiling against an earlier one (`--compare`).
    var comparison: Comparison? = nil

    var minGroup: Int { options.minGroup }

    /// A question's text in the report language.
    func questionText(_ q: Int) -> String { words(aggregate.layout.entries[q].question.text) }

    func optionLabel(_ q: Int, _ o: Int) -> String { words(aggregate.layout.entries[q].options[o].label) }

    /// "(helemaal) eens" / "(grote) behoefte" for a scale question.
    func topLabel(_ q: Int) -> String { aggregate.layout.entries[q].scale.map { words($0.topLabel) } ?? "" }

    func segmentName(_ s: Int) -> String { words.segmentName(aggregate.segments[s], survey: survey) }

    /// A finding as one plain sentence: `62% (grote) behoefte: "Hoeveel ...?"`.
    func sentence(_ item: Findings.Item) -> String {
        let (low, high) = item.top.interval
        let points = aggregate.layout.entries[item.question].options.count
        // Beside it the weighted share where it differs by more than its margin (`Findings.weighted`).
        let weighted = findings.weighted[item.question].map { share in
            words("; gewogen \(words.percent(share.share)), marge \(words.percent(share.interval.low))–\(words.percent(share.interval.high))",
                  "; weighted \(words.percent(share.share)), margin \(words.percent(share.interval.low))–\(words.percent(share.interval.high))")
        } ?? ""
        return words(
            "\(words.percent(item.top.share)) \(topLabel(item.question)): \u{201C}\(questionText(item.question))\u{201D} (marge \(words.percent(low))–\(words.percent(high)), gemiddeld \(words.decimal(item.mean)) op \(points), n = \(item.top.total)\(weighted))",
            "\(words.percent(item.top.share)) \(topLabel(item.question)): \u{201C}\(questionText(item.question))\u{201D} (margin \(words.percent(low))–\(words.percent(high)), mean \(words.decimal(item.mean)) of \(points), n = \(item.top.total)\(weighted))")
    }

    /// Display date.
    func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: words.isEnglish ? "en_GB" : "nl_NL")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }

    /// The interval and percentage note shown on every results sheet.
    var readingNote: String {
        words("Percentages zijn van de ouders die de vraag beantwoordden (bij 'meer antwoorden mogelijk' van die ouders, dus samen meer dan 100%). De marge is het 95%-betrouwbaarheidsinterval (Wilson): daar ligt het percentage waarschijnlijk als alle ouders zoals deze hadden geantwoord.",
              "Percentages are of the parents who answered the question (for 'more answers possible' of those parents, so they add up to more than 100%). The margin is the 95% confidence interval (Wilson): where the percentage probably lies had all parents like these answered.")
    }

    /// Sheet names in the report language.
    var sheetNames: (summary: String, priorities: String, groups: String, comparison: String, response: String, open: String, discussion: String, audit: String) {
        ReportContext.sheetNames(words)
    }

    static func sheetNames(_ words: Words) -> (summary: String, priorities: String, groups: String, comparison: String, response: String, open: String, discussion: String, audit: String) {
        words.isEnglish
            ? ("Summary", "Priorities", "Groups", "Comparison", "Response", "Open answers", "Discussion questions", "Disclosure check")
            : ("Samenvatting", "Prioriteiten", "Groepen", "Vergelijking", "Respons", "Open antwoorden", "Gespreksvragen", "Controle")
    }

    /// How well those who answered resemble the roster (the R-indicator) and whose voice is most missing; nil
    /// before anyone answered. Response counts per category, no answers, so no disclosure rule applies.
    var representativenessSentence: String? {
        guard let r = status.representativeness else { return nil }
        var sentence = words("Representativiteit: ", "Representativeness: ") + words(r.meaning)
        if let missing = r.partials.first, missing.value < -0.005 {
            sentence += " " + words("De stem die het meest ontbreekt: \(missing.variable) \(missing.category) (\(missing.responded) van \(missing.roster) geantwoord).",
                                    "The voice most missing: \(missing.variable) \(missing.category) (\(missing.responded) of \(missing.roster) answered).")
        }
        return sentence
    }

    /// Whether question `q` may be shown at all (enough parents answered it).
    func isShown(_ q: Int) -> Bool { disclosure.questionShown[q] }

    /// "Minder dan 5 antwoorden": all a hidden question shows (or that nobody answered yet).
    func tooFewAnswers(_ q: Int) -> String {
        aggregate.answered(q) == 0
            ? words("Nog geen antwoorden.", "No answers yet.")
            : words("Minder dan \(minGroup) antwoorden: om niemand herkenbaar te maken tonen we hier geen cijfers.",
                    "Fewer than \(minGroup) answers: to keep everyone unrecognisable, no figures are shown here.")
    }

    /// The theme sheet's tab name: number and title, cut at a word within Excel's 31 characters.
    static func themeSheetName(_ index: Int, _ theme: Theme, _ language: Words) -> String {
        var words = language(theme.title).split(separator: " ").map(String.init)
        var name = "\(index + 1) " + words.joined(separator: " ")
        while name.count > 31 || (words.count > 1 && (words.last?.count ?? 0) <= 3 && name.count > 20) {
            words.removeLast()
            name = "\(index + 1) " + words.joined(separator: " ")
            if words.count == 1 { name = String(name.prefix(31)); break }
        }
        return name
    }
}
