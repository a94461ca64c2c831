import Foundation
import SurveyCore
import SurveyStore

/// What the team should hear first, worked out once for the workbook and the text report alike.
struct Findings {
    /// A scale question's overall result.
    struct Item {
        var question: Int
        var top: Proportion
        var mean: Double
        /// True for a need scale ("(grote) behoefte"): a high share is a need, not satisfaction.
        var isNeed: Bool
    }

    /// A group whose answer differs from the other parents by more than chance.
    struct Difference {
        /// A difference in the top share (two-proportion or Fisher test), or in the mean score (Welch's t).
        enum Kind: Equatable { case share, mean(higher: Bool) }
        var kind: Kind = .share
        var question: Int
        var segment: Int
        var share: Double
        var overall: Double
        var n: Int
        /// The p-value of the group against the other parents, adjusted for every comparison of the report.
        var adjustedP: Double
    }

    /// A theme ranked by how much parents need there.
    struct ThemeNeed {
        var theme: Theme
        /// 0...1: mean of need shares and of disagreement shares.
        var score: Double
        var strongest: Item?
    }

    /// A theme on the priority matrix: how satisfied parents are there against how much they need there.
    struct Priority {
        var theme: Theme
        /// Mean share that (strongly) agrees with the theme's statements.
        var satisfied: Double
        /// Mean share with a (large) need in the theme's need questions.
        var need: Double
        /// Compared with the average theme (where the matrix's axes cross).
        var lessSatisfied = false
        var moreNeed = false
        /// Less satisfied and more need than the average theme: the quadrant to work on first.
        var first: Bool { lessSatisfied && moreNeed }
    }

    var items: [Item] = []
    /// Themes with both statements and need questions, the ones to work on first at the top.
    var priorities: [Priority] = []
    var strongestNeeds: [Item] = []
    var lowestItems: [Item] = []
    var warnings: [String] = []
    var differences: [Difference] = []
    var themes: [ThemeNeed] = []
    /// Themes chosen for the discussion questions.
    var discussionThemes: [ThemeNeed] = []
    var versionNote: String?
    var suppressionNote: String
    var responseRate: Double?
    /// Weighted top shares to show beside the unweighted ones (rounded to whole percentages, only where they
    /// differ by more than the margin and `WeightedShareCheck` allows them), by question.
    var weighted: [Int: WeightedShare] = [:]
    /// What the weights are, in one plain sentence; nil without a roster.
    var weightsNote: String?

    /// A scale is a need scale when its name or top label speaks of need ("behoefte"); other scales are agreement.
    static func isNeedScale(_ scale: Scale) -> Bool {
        let words = [scale.id, scale.topLabel["nl"] ?? "", scale.topLabel["en"] ?? ""].joined(separator: " ").lowercased()
        return words.contains("behoefte") || words.contains("need")
    }

    init(aggregate a: Aggregate, disclosure: Disclosure, status: PeilingStatus, words w: Words, minGroup: Int) {
        suppressionNote = w(
            "Elk cijfer komt van minstens \(minGroup) ouders. '<\(minGroup)': minder dan \(minGroup) ouders in die groep beantwoordden de vraag. 'x': verborgen zodat niemand een verborgen cel kan terugrekenen uit de andere cijfers van dit rapport (totalen, groepen, afnamewijzen, talen, kenmerken samen). Een vraag met minder dan \(minGroup) antwoorden toont geen cijfers. Het blad Controle laat zien wat verborgen is en waarom.",
            "Every figure comes from at least \(minGroup) parents. '<\(minGroup)': fewer than \(minGroup) parents in that group answered the question. 'x': hidden so that nobody can work out a hidden cell from the other figures of this report (totals, groups, methods, languages and characteristics together). A question with fewer than \(minGroup) answers shows no figures. The sheet Disclosure check shows what is hidden and why.")
        for (q, entry) in a.layout.entries.enumerated() where entry.scale != nil && !entry.theme.isBackground && disclosure.questionShown[q] {
            guard let top = a.topShare(q), top.total > 0, let mean = a.mean(q) else { continue }
            items.append(Item(question: q, top: top, mean: mean, isNeed: Findings.isNeedScale(entry.scale!)))
        }
        weighted = Findings.weightedShares(items, aggregate: a, disclosure: disclosure)
        if let weights = a.weights { weightsNote = Findings.weightsSentence(weights, shown: weighted.count, rosterSize: status.rosterSize, words: w) }
        strongestNeeds = Array(items.filter(\.isNeed).sorted { ($0.top.share, $1.question) > ($1.top.share, $0.question) }.prefix(5))
        lowestItems = Array(items.filter { !$0.isNeed }.sorted { ($0.top.share, $0.question) < ($1.top.share, $1.question) }.prefix(5))

        // Response: too low, or too one-sided to speak for all parents.
        let n = a.total
        let withCode = status.responses - status.anonymous
        if status.rosterSize > 0 { responseRate = Double(withCode) / Double(status.rosterSize) }
        if n == 0 {
            warnings.append(w("Er zijn nog geen antwoorden: dit rapport bevat nog geen uitkomsten.", "There are no responses yet: this report has no results."))
        } else if n < 10 {
            warnings.append(w("Pas \(n) ouders hebben geantwoord. Met zo weinig antwoorden zijn de percentages erg onzeker (zie de marges): lees ze als signalen, niet als uitkomsten.",
                              "Only \(n) parents have answered. With so few responses the percentages are very uncertain (see the margins): read them as signals, not results."))
        }
        if let rate = responseRate, rate < 0.5, n > 0 {
            warnings.append(w("De respons is \(w.percent(rate)) (\(withCode) van \(status.rosterSize) ouders). Minder dan de helft heeft geantwoord: de uitkomsten spreken niet voor alle ouders.",
                              "The response rate is \(w.percent(rate)) (\(withCode) of \(status.rosterSize) parents). Fewer than half answered: the results do not speak for all parents."))
        }
        if let rate = responseRate, rate > 0 {
            for count in status.byTag where count.roster >= 1 && count.rate < rate * 0.6 {
                let name = a.survey.tag(count.key).map { w($0.label) } ?? count.key
                warnings.append(w("Van de ouders met kenmerk '\(name)' antwoordde \(w.percent(count.rate)) (\(count.responded) van \(count.roster)), tegen \(w.percent(rate)) van alle ouders: hun stem ontbreekt grotendeels.",
                                  "Of the parents with characteristic '\(name)', \(w.percent(count.rate)) answered (\(count.responded) of \(count.roster)), against \(w.percent(rate)) of all parents: their voice is largely missing."))
            }
            for count in status.byGroup where count.roster >= minGroup && count.rate < rate * 0.6 {
                warnings.append(w("In groep \(count.key) antwoordde \(w.percent(count.rate)) van de ouders (\(count.responded) van \(count.roster)), tegen \(w.percent(rate)) in totaal.",
                                  "In group \(count.key), \(w.percent(count.rate)) of parents answered (\(count.responded) of \(count.roster)), against \(w.percent(rate)) overall."))
            }
        }
        let digital = [ResponseMethod.digital, .digitalAtSchool].reduce(0) { sum, method in
            sum + (status.byMethod.first { $0.key == method.rawValue }?.responded ?? 0)
        }
        let nt2 = status.byTag.first { $0.key == "nt2" }
        if n >= 10, Double(digital) / Double(max(status.responses, 1)) > 0.9, let nt2, nt2.roster > nt2.responded {
            warnings.append(w("Bijna alle antwoorden kwamen digitaal binnen. Ouders die minder goed Nederlands lezen of geen eigen apparaat hebben, zijn zo moeilijk te horen: bied ook papier, een gesprek of een tolk aan.",
                              "Almost all responses came in digitally. Parents who read Dutch less well or have no device of their own are hard to hear this way: also offer paper, a conversation or an interpreter."))
        }

        // Versions: older responses are counted where their question still exists.
        if a.olderVersionResponses > 0 {
            let versions = a.responsesPerVersion.sorted { $0.key < $1.key }.map { w("versie \($0.key): \($0.value)", "version \($0.key): \($0.value)") }
            versionNote = w("\(a.olderVersionResponses) antwoorden zijn gegeven op een eerdere versie van de vragenlijst (\(versions.joined(separator: ", "))). Ze tellen mee bij de vragen die nog bestaan; bij nieuwe vragen tellen ze niet als overgeslagen.",
                            "\(a.olderVersionResponses) responses answered an earlier version of the questionnaire (\(versions.joined(separator: ", "))). They count for the questions that still exist; for new questions they do not count as skipped.")
            // What changed, version by version up to the current one.
            let answered = Set(a.responsesPerVersion.keys)
            let changes = a.earlier.filter { answered.contains($0.version) }
                .flatMap { VersionChanges(from: $0, to: a.survey).lines(english: w.isEnglish) }
            if !changes.isEmpty { versionNote! += " " + changes.joined(separator: " ") }
        }

        // Differences between groups, for scale items: each shown group against the other parents who answered
        // (so overlapping tags compare like with like), tested, and only then called a difference.
        var compared: [(difference: Difference, p: Double)] = []
        for item in items {
            for s in 1..<a.segments.count where !disclosure.isHidden(item.question, segment: s) {
                guard let top = a.topShare(item.question, segment: s), top.total >= minGroup, top.total < item.top.total else { continue }
                let p = Significance.difference(top.count, top.total, item.top.count - top.count, item.top.total - top.total)
                let difference = Difference(question: item.question, segment: s, share: top.share, overall: item.top.share, n: top.total, adjustedP: 1)
                compared.append((difference, p))
                // The mean score in the same family of comparisons (Welch's t, the variances of a group and the rest differ).
                if let welch = Findings.welch(a, item.question, segment: s) {
                    var byMean = difference
                    byMean.kind = .mean(higher: welch.t > 0)
                    compared.append((byMean, welch.p))
                }
            }
        }
        let adjusted = Significance.benjaminiHochberg(compared.map(\.p))
        let found = compared.indices.filter { adjusted[$0] < 0.05 }.map {
            var difference = compared[$0].difference
            difference.adjustedP = adjusted[$0]
            return difference
        }
        // A group whose share already differs says it with figures; its mean difference would repeat it.
        let byShare = Set(found.filter { $0.kind == .share }.map { [$0.question, $0.segment] })
        differences = found.filter { $0.kind == .share || !byShare.contains([$0.question, $0.segment]) }
        differences.sort { ($0.kind == .share ? 0 : 1, -abs($0.share - $0.overall), $0.adjustedP) < ($1.kind == .share ? 0 : 1, -abs($1.share - $1.overall), $1.adjustedP) }

        // Themes where needs are largest: need shares and the share that does not agree.
        for theme in a.survey.themes where !theme.isBackground {
            let own = items.filter { a.layout.entries[$0.question].theme.id == theme.id }
            guard !own.isEmpty else { continue }
            let score = own.map { $0.isNeed ? $0.top.share : 1 - $0.top.share }.reduce(0, +) / Double(own.count)
            let strongest = own.max { ($0.isNeed ? $0.top.share : 1 - $0.top.share) < ($1.isNeed ? $1.top.share : 1 - $1.top.share) }
            themes.append(ThemeNeed(theme: theme, score: score, strongest: strongest))
        }
        themes.sort { $0.score > $1.score }
        priorities = Findings.priorities(items, layout: a.layout, themes: a.survey.themes)
        discussionThemes = Array(themes.filter { !$0.theme.discussion.isEmpty }.prefix(3))
    }

    /// Welch's t of a scale question's mean score in segment `s` against the other parents who answered it, from
    /// the option counts (score o + 1 for option o).
    static func welch(_ a: Aggregate, _ q: Int, segment s: Int) -> WelchTest? {
        let points = a.layout.entries[q].options.count
        func moments(_ counts: [Int]) -> (n: Int, mean: Double, variance: Double) {
            let n = counts.reduce(0, +)
            let sum = counts.indices.reduce(0.0) { $0 + Double(($1 + 1) * counts[$1]) }
            let squares = counts.indices.reduce(0.0) { $0 + Double(($1 + 1) * ($1 + 1) * counts[$1]) }
            let mean = n > 0 ? sum / Double(n) : 0
            return (n, mean, n > 1 ? (squares - Double(n) * mean * mean) / Double(n - 1) : 0)
        }
        let inGroup = (0..<points).map { a.count(q, option: $0, segment: s) }
        let rest = (0..<points).map { a.count(q, option: $0) - inGroup[$0] }
        let (n1, m1, v1) = moments(inGroup), (n2, m2, v2) = moments(rest)
        return WelchTest(n1: n1, mean1: m1, variance1: max(0, v1), n2: n2, mean2: m2, variance2: max(0, v2))
    }

    /// The weighted top shares worth showing: they differ from the unweighted share by more than their margin
    /// (from Kish's effective number of answers) and reveal nothing the unweighted figures hide.
    static func weightedShares(_ items: [Item], aggregate a: Aggregate, disclosure: Disclosure) -> [Int: WeightedShare] {
        var shown: [Int: WeightedShare] = [:]
        for item in items where disclosure.hiddenOptions[item.question].isEmpty {
            guard let weighted = a.weightedTopShare(item.question), weighted.differs(from: item.top.share),
                  WeightedShareCheck.isSafe(a, disclosure, question: item.question, weightedShare: weighted.share) else { continue }
            shown[item.question] = WeightedShare(share: WeightedShareCheck.published(weighted.share), effectiveSize: weighted.effectiveSize)
        }
        return shown
    }

    /// "Gewogen naar de klas, de thuistaal en de kenmerken: ..." in one sentence.
    static func weightsSentence(_ weights: ResponseWeights, shown: Int, rosterSize: Int, words w: Words) -> String {
        let names = weights.variables.map { variable in
            switch variable {
            case "klas": w("de klas", "class")
            case "thuistaal": w("de thuistaal", "home language")
            default: w("de kenmerken", "characteristics")
            }
        }
        let n = weights.weights.count
        let listed = names.count > 1 ? names.dropLast().joined(separator: ", ") + w(" en ", " and ") + names.last! : names.first ?? ""
        if names.isEmpty || weights.weights.values.allSatisfy({ abs($0 - 1) < 1e-9 }) {
            return w("Niet gewogen: wie antwoordde, lijkt in klas, thuistaal en kenmerken al op alle ouders van de lijst.",
                     "Not weighted: those who answered already resemble all parents on the roster in class, home language and characteristics.")
        }
        var note = w("Gewogen naar \(listed): de \(n) antwoorden tellen mee in de verhouding van de \(rosterSize) ouders op de lijst (elk gewicht tussen 0,3 en 3 keer het gemiddelde); ze wegen dan als \(Int(weights.effectiveSize.rounded())) even zware antwoorden, en daarmee zijn de marges berekend.",
                     "Weighted by \(listed): the \(n) responses count in the proportions of the \(rosterSize) parents on the roster (each weight between 0.3 and 3 times the mean); they then weigh as \(Int(weights.effectiveSize.rounded())) equal responses, from which the margins are computed.")
        note += " " + (shown == 0
            ? w("Nergens wijkt het gewogen percentage meer dan de marge af van het ongewogen percentage.",
                "Nowhere does the weighted percentage differ from the unweighted one by more than the margin.")
            : w("Bij \(shown) \(shown == 1 ? "vraag" : "vragen") wijkt het gewogen percentage meer dan de marge af: het staat naast het ongewogen percentage.",
                "For \(shown) \(shown == 1 ? "question" : "questions") the weighted percentage differs by more than the margin: it is shown beside the unweighted one."))
        if !weights.conflicting.isEmpty {
            note += " " + w("Niet gewogen naar \(weights.conflicting.joined(separator: ", ")): bij wie antwoordde gaat dat niet samen met de rest.",
                            "Not weighted by \(weights.conflicting.joined(separator: ", ")): among those who answered it cannot be matched together with the rest.")
        }
        if !weights.unmatched.isEmpty {
            note += " " + w("Niet te wegen, want niemand antwoordde: \(weights.unmatched.joined(separator: ", ")).",
                            "Cannot be weighted, because nobody answered: \(weights.unmatched.joined(separator: ", ")).")
        }
        return note
    }

    /// The priority matrix that Dutch school-survey vendors show (satisfaction against need per theme), from
    /// the shown questions' overall shares only, so it publishes nothing the theme sheets do not. The axes
    /// cross at the average theme: "work on first" is less satisfied and more need than that average.
    static func priorities(_ items: [Item], layout: QuestionLayout, themes: [Theme]) -> [Priority] {
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        var found: [Priority] = []
        for theme in themes where !theme.isBackground {
            let own = items.filter { layout.entries[$0.question].theme.id == theme.id }
            guard let satisfied = mean(own.filter { !$0.isNeed }.map(\.top.share)),
                  let need = mean(own.filter(\.isNeed).map(\.top.share)) else { continue }
            found.append(Priority(theme: theme, satisfied: satisfied, need: need))
        }
        guard let averageSatisfied = mean(found.map(\.satisfied)), let averageNeed = mean(found.map(\.need)) else { return [] }
        for i in found.indices {
            found[i].lessSatisfied = found[i].satisfied < averageSatisfied
            found[i].moreNeed = found[i].need > averageNeed
        }
        return found.sorted { ($0.first ? 1 : 0, $0.need - $0.satisfied) > ($1.first ? 1 : 0, $1.need - $1.satisfied) }
    }
}
