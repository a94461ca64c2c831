import SurveyCore

/// The text report for the minutes, two A4 pages at most: response and representativeness (with the weights),
/// the themes to work on first and the strongest needs and lowest statements, the main differences between groups
/// (tested), the change since an earlier peiling, whose voice is missing, a few open answers, the discussion
/// questions; everything else is in the workbook, which it refers to.
struct MarkdownReport {
    let context: ReportContext

    /// `████████░░ 80%`: ten blocks, one per ten percent.
    static func bar(_ share: Double) -> String {
        let filled = max(0, min(10, Int((share * 10).rounded())))
        let percent = "\(Int((share * 100).rounded()))%"
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + " " + percent
    }

    /// Markdown-safe inline text: no table pipes, no line breaks, no accidental headings or HTML.
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }

    func render() -> String {
        let c = context, w = c.words, a = c.aggregate, status = c.status
        var out = "# \(w(c.survey.title))\n\n"
        out += "**\(w("Peiling", "Survey run")):** \(MarkdownReport.inline(c.peiling.name))  \n"
        out += "**\(w("Vragenlijst", "Questionnaire")):** \(c.survey.id), \(w("versie", "version")) \(c.survey.version)  \n"
        out += "**\(w("Antwoorden van", "Responses from")):** \(c.date(a.first)) \(w("tot en met", "to")) \(c.date(a.last))  \n"
        out += "**\(w("Gemaakt op", "Made on")):** \(c.date(c.generatedAt))\n\n"

        out += "## \(w("Samenvatting", "Summary"))\n\n"
        let withCode = status.responses - status.anonymous
        if status.rosterSize > 0 {
            out += w("\(withCode) van de \(status.rosterSize) ouders op de lijst hebben geantwoord (\(w.percent(c.findings.responseRate ?? 0))).",
                     "\(withCode) of the \(status.rosterSize) parents on the roster have answered (\(w.percent(c.findings.responseRate ?? 0))).")
        } else {
            out += w("\(a.total) ouders hebben geantwoord.", "\(a.total) parents have answered.")
        }
        if status.anonymous > 0 { out += " " + w("Plus \(status.anonymous) zonder code.", "Plus \(status.anonymous) without a code.") }
        out += "\n\n"
        if let representativeness = c.representativenessSentence { out += representativeness + "\n\n" }
        if let note = c.findings.weightsNote { out += note + "\n\n" }
        for warning in c.findings.warnings { out += "> **\(w("Let op", "Note")):** \(warning)\n\n" }
        if let note = c.findings.versionNote { out += "\(note)\n\n" }

        // One line for the methods: the workbook's Samenvatting has the table.
        let methods = a.segments.segmentIndices(of: .method).filter { a.segments[$0].size > 0 }
            .sorted { a.segments[$0].size > a.segments[$1].size }
            .map { "\(c.segmentName($0).lowercased()) \(a.segments[$0].size)" }
        if !methods.isEmpty { out += w("Afgenomen: ", "Collected: ") + methods.joined(separator: ", ") + ".\n\n" }
        let first = c.findings.priorities.filter(\.first)
        if !first.isEmpty {
            out += "### \(w("Eerst aanpakken: weinig tevreden, veel behoefte", "Work on first: low satisfaction, high need"))\n\n"
            for p in first {
                out += "- \(MarkdownReport.inline(w(p.theme.title))): \(w.percent(p.satisfied)) \(w("tevreden", "satisfied")), \(w.percent(p.need)) \(w("behoefte", "need"))\n"
            }
            out += "\n\(w("Zie het blad Prioriteiten voor alle thema's.", "See the sheet Priorities for every theme."))\n\n"
        }

        if !c.findings.strongestNeeds.isEmpty {
            out += "### \(w("De sterkste behoeften", "The strongest needs"))\n\n"
            for (i, item) in c.findings.strongestNeeds.prefix(3).enumerated() { out += "\(i + 1). \(MarkdownReport.inline(c.sentence(item)))\n" }
            out += "\n"
        }
        if !c.findings.lowestItems.isEmpty {
            out += "### \(w("De laagst scorende stellingen", "The lowest-scoring statements"))\n\n"
            for (i, item) in c.findings.lowestItems.prefix(3).enumerated() { out += "\(i + 1). \(MarkdownReport.inline(c.sentence(item)))\n" }
            out += "\n"
        }

        let weighted = c.findings.items.filter { c.findings.weighted[$0.question] != nil }
        if !weighted.isEmpty {
            out += "### \(w("Gewogen anders dan ongewogen", "Different when weighted"))\n\n"
            for item in weighted.prefix(5) { out += "- \(MarkdownReport.inline(c.sentence(item)))\n" }
            out += "\n"
        }
        out += w("Alle vragen per thema, met marges en grafieken, staan op de themabladen van het Excel-bestand.",
                 "Every question by theme, with margins and charts, is on the theme sheets of the Excel workbook.") + "\n\n"

        out += "## \(w("Verschillen tussen groepen", "Differences between groups"))\n\n"
        let shown = c.findings.differences.prefix(5)
        if shown.isEmpty {
            out += w("Geen groep van minstens \(c.minGroup) ouders antwoordt duidelijk anders dan de andere ouders (getoetst, zie hieronder).",
                     "No group of at least \(c.minGroup) parents answers clearly differently from the other parents (tested, see below).") + "\n\n"
        } else {
            for d in shown {
                switch d.kind {
                case .share:
                    out += "- " + MarkdownReport.inline(w(
                        "\(c.segmentName(d.segment)) (n = \(d.n)): \(w.percent(d.share)) \(c.topLabel(d.question)) bij \u{201C}\(c.questionText(d.question))\u{201D}, tegen \(w.percent(d.overall)) van alle ouders.",
                        "\(c.segmentName(d.segment)) (n = \(d.n)): \(w.percent(d.share)) \(c.topLabel(d.question)) on \u{201C}\(c.questionText(d.question))\u{201D}, against \(w.percent(d.overall)) of all parents.")) + "\n"
                case .mean(let higher):
                    // No group mean: the disclosure audit covers a group's top share, not its mean.
                    out += "- " + MarkdownReport.inline(w(
                        "\(c.segmentName(d.segment)) (n = \(d.n)): gemiddeld \(higher ? "hoger" : "lager") dan de andere ouders bij \u{201C}\(c.questionText(d.question))\u{201D} (Welch-toets).",
                        "\(c.segmentName(d.segment)) (n = \(d.n)): on average \(higher ? "higher" : "lower") than the other parents on \u{201C}\(c.questionText(d.question))\u{201D} (Welch's test).")) + "\n"
                }
            }
            out += "\n" + w("Hoe kleiner de groep, hoe groter de marge: zie het blad Groepen voor alle cijfers.",
                            "The smaller the group, the wider the margin: see the Groups sheet for all figures.") + "\n\n"
        }
        out += w("Elke groep is vergeleken met de andere ouders die de vraag beantwoordden (het percentage met de Fisher-toets bij kleine aantallen, anders de toets voor twee proporties; het gemiddelde met de t-toets van Welch), en omdat er veel vergelijkingen zijn, gecorrigeerd volgens Benjamini-Hochberg: hier staan alleen verschillen die met 95% zekerheid geen toeval zijn.",
                 "Each group was compared with the other parents who answered the question (the percentage by Fisher's test for small numbers, else the test for two proportions; the mean by Welch's t-test), corrected for the many comparisons by Benjamini-Hochberg: only differences that are not chance at 95% are listed.") + "\n\n"
        if let comparison = c.comparison { out += compared(comparison) }

        out += "## \(w("Wiens stem ontbreekt?", "Whose voice is missing?"))\n\n"
        if status.rosterSize == 0 {
            out += w("Er is geen ouderlijst ingelezen, dus de respons per groep is niet bekend.", "No roster was imported, so response per group is unknown.") + "\n\n"
        } else {
            out += "| \(w("Kenmerk of groep", "Characteristic or group")) | \(w("op de lijst", "on roster")) | \(w("geantwoord", "answered")) | \(w("respons", "rate")) |\n|---|---:|---:|---|\n"
            for count in status.byTag {
                let name = c.survey.tag(count.key).map { w($0.label) } ?? count.key
                out += "| \(name) | \(count.roster) | \(count.responded) | \(MarkdownReport.bar(count.rate)) |\n"
            }
            for count in status.byGroup {
                // Schools often name groups "Groep 5A" already.
                let prefix = count.key.lowercased().hasPrefix(w("groep", "group").lowercased()) ? "" : w("Groep", "Group") + " "
                out += "| \(prefix)\(MarkdownReport.inline(count.key)) | \(count.roster) | \(count.responded) | \(MarkdownReport.bar(count.rate)) |\n"
            }
            out += "\n"
        }

        out += openAnswers()
        out += "## \(w("Gespreksvragen voor het team", "Questions for the team"))\n\n"
        if c.findings.discussionThemes.isEmpty {
            out += w("Nog te weinig antwoorden om thema's te kiezen.", "Too few answers yet to choose themes.") + "\n\n"
        }
        for need in c.findings.discussionThemes {
            out += "### \(w(need.theme.title))\n\n"
            for (i, question) in need.theme.discussion.prefix(2).enumerated() {
                out += "\(i + 1). \(MarkdownReport.inline(w(question.text)))" + (question.source.map { " _(\($0))_" } ?? "") + "\n"
            }
            out += "\n"
        }
        out += "---\n" + w("Zonder namen. Elk cijfer komt van minstens \(c.minGroup) ouders; wat een kleinere groep zou verraden, is verborgen, en de controle daarop is geslaagd. Alle cijfers per thema en per groep, de respons, de open antwoorden, de gespreksvragen met hun aanleiding en die controle staan in het Excel-bestand.",
                           "Without names. Every figure comes from at least \(c.minGroup) parents; whatever would give a smaller group away is hidden, and the check of that passed. Every figure by theme and by group, the response, the open answers, the discussion questions with their reason and that check are in the Excel workbook.")
        if c.options.withNames { out += " " + w("Let op: het Excel-bestand bevat namen (--with-names).", "Note: the Excel workbook contains names (--with-names).") }
        return out + "\n"
    }

    /// A few open answers for the minutes: at most five, spread over the open questions and over each question's
    /// answers in alphabetical order (the workbook's order, not the order they came in), without any group or tag
    /// whatever `--open-answers` says, and only from questions shown at all; nothing with `--open-answers none`.
    private func openAnswers() -> String {
        let c = context, w = c.words, a = c.aggregate
        guard c.options.openAnswers != .none else { return "" }
        let questions = a.layout.entries.indices.filter { a.layout.entries[$0].question.type == .text && c.isShown($0) && !a.open[$0].isEmpty }
        guard !questions.isEmpty else { return "" }
        // Round robin over the questions, each question's answers sorted (the workbook's order, not arrival).
        let sorted = questions.map { q in a.open[q].map(\.text).sorted { $0.lowercased() < $1.lowercased() } }
        var quota = [Int](repeating: 0, count: questions.count)
        var left = 5
        while left > 0, let next = quota.indices.filter({ quota[$0] < sorted[$0].count }).min(by: { quota[$0] < quota[$1] }) {
            quota[next] += 1
            left -= 1
        }
        // Evenly spaced through each question's answers, so the selection is not the first letters of the alphabet.
        let chosen = quota.indices.flatMap { i in (0..<quota[i]).map { sorted[i][$0 * sorted[i].count / quota[i]] } }
        let total = questions.reduce(0) { $0 + a.open[$1].count }
        var out = "## \(w("Uit de open antwoorden", "From the open answers"))\n\n"
        for text in chosen {
            let short = text.count > 200 ? String(text.prefix(197)) + "…" : text
            out += "- \u{201C}\(MarkdownReport.inline(short))\u{201D}\n"
        }
        out += "\n"
        out += w("\(chosen.count) van de \(total) open antwoorden; alle staan op het blad \(c.sheetNames.open). Lees ze voor u ze deelt: ze kunnen zelf namen of herkenbare details bevatten.",
                 "\(chosen.count) of the \(total) open answers; all are on the sheet \(c.sheetNames.open). Read them before sharing: they may themselves contain names or recognisable details.") + "\n\n"
        return out
    }

    /// The changes since the earlier peiling that are more than chance (at most five), and what else to find in the workbook.
    private func compared(_ comparison: Comparison) -> String {
        let c = context, w = c.words
        var out = "## \(w("Vergelijking met", "Comparison with")) \(MarkdownReport.inline(comparison.earlierName))\n\n"
        let real = comparison.lines.filter(\.isSignificant).sorted { abs($0.change) > abs($1.change) }
        if real.isEmpty {
            out += w("Geen verschil met de vorige peiling dat meer is dan toeval.", "No change since the earlier peiling that is more than chance.") + "\n\n"
        }
        for line in real.prefix(5) {
            let answer = line.option.map { c.optionLabel(line.question, $0) } ?? c.topLabel(line.question)
            let points = Int((line.change * 100).rounded())
            out += "- \u{201C}\(MarkdownReport.inline(c.questionText(line.question)))\u{201D} (\(MarkdownReport.inline(answer))): \(w.percent(line.earlier.share)) → \(w.percent(line.now.share)) (\(points > 0 ? "+" : "")\(points) \(w("punten", "points")))"
            out += (line.changed ? " _(\(w("vraag gewijzigd", "question changed")))_" : "") + "\n"
        }
        let questions = Set(comparison.lines.map(\.question)).count
        let changed = Set(comparison.lines.filter(\.changed).map(\.question)).count
        out += (real.isEmpty ? "" : "\n") + w(
            "\(questions) vragen vergeleken (\(changed) gewijzigd), \(comparison.onlyNow.count) alleen nu gevraagd, \(comparison.onlyEarlier.count) alleen vorige keer; alles staat op het blad \(c.sheetNames.comparison).",
            "\(questions) questions compared (\(changed) changed), \(comparison.onlyNow.count) asked only now, \(comparison.onlyEarlier.count) only last time; everything is on the sheet \(c.sheetNames.comparison).") + "\n\n"
        return out
    }
}
