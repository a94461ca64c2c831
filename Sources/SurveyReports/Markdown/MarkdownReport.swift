import SurveyCore

/// The text report for the minutes: summary, per theme the key figures with a small text bar, differences between
/// groups that are large enough, whose voice is missing, and the discussion questions.
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
        for warning in c.findings.warnings { out += "> **\(w("Let op", "Note")):** \(warning)\n\n" }
        if let note = c.findings.versionNote { out += "\(note)\n\n" }

        out += "| \(w("Afnamewijze", "Method")) | n | % |\n|---|---:|---:|\n"
        for s in a.segments.segmentIndices(of: .method) where a.segments[s].size > 0 {
            out += "| \(c.segmentName(s)) | \(a.segments[s].size) | \(w.percent(Double(a.segments[s].size) / Double(max(a.total, 1)))) |\n"
        }
        out += "\n"
        if !c.findings.strongestNeeds.isEmpty {
            out += "### \(w("De vijf sterkste behoeften", "The five strongest needs"))\n\n"
            for (i, item) in c.findings.strongestNeeds.enumerated() { out += "\(i + 1). \(MarkdownReport.inline(c.sentence(item)))\n" }
            out += "\n"
        }
        if !c.findings.lowestItems.isEmpty {
            out += "### \(w("De vijf laagst scorende stellingen", "The five lowest-scoring statements"))\n\n"
            for (i, item) in c.findings.lowestItems.enumerated() { out += "\(i + 1). \(MarkdownReport.inline(c.sentence(item)))\n" }
            out += "\n"
        }

        let first = c.findings.priorities.filter(\.first)
        if !first.isEmpty {
            out += "### \(w("Eerst aanpakken: weinig tevreden, veel behoefte", "Work on first: low satisfaction, high need"))\n\n"
            for p in first {
                out += "- \(MarkdownReport.inline(w(p.theme.title))): \(w.percent(p.satisfied)) \(w("tevreden", "satisfied")), \(w.percent(p.need)) \(w("behoefte", "need"))\n"
            }
            out += "\n\(w("Zie het blad Prioriteiten voor alle thema's.", "See the sheet Priorities for every theme."))\n\n"
        }

        out += "## \(w("Per thema", "By theme"))\n\n"
        for theme in c.survey.themes {
            let questions = a.layout.entries.indices.filter { a.layout.entries[$0].theme.id == theme.id && a.layout.entries[$0].question.type != .text }
            guard !questions.isEmpty else { continue }
            out += "### \(w(theme.title))\n\n"
            for q in questions { out += figures(q) }
        }

        out += "## \(w("Verschillen tussen groepen", "Differences between groups"))\n\n"
        let shown = c.findings.differences.prefix(12)
        if shown.isEmpty {
            out += w("Geen groep van minstens \(c.minGroup) ouders antwoordt duidelijk anders dan de andere ouders (getoetst, zie hieronder).",
                     "No group of at least \(c.minGroup) parents answers clearly differently from the other parents (tested, see below).") + "\n\n"
        } else {
            for d in shown {
                out += "- " + MarkdownReport.inline(w(
                    "\(c.segmentName(d.segment)) (n = \(d.n)): \(w.percent(d.share)) \(c.topLabel(d.question)) bij \u{201C}\(c.questionText(d.question))\u{201D}, tegen \(w.percent(d.overall)) van alle ouders.",
                    "\(c.segmentName(d.segment)) (n = \(d.n)): \(w.percent(d.share)) \(c.topLabel(d.question)) on \u{201C}\(c.questionText(d.question))\u{201D}, against \(w.percent(d.overall)) of all parents.")) + "\n"
            }
            out += "\n" + w("Hoe kleiner de groep, hoe groter de marge: zie het blad Groepen voor alle cijfers.",
                            "The smaller the group, the wider the margin: see the Groups sheet for all figures.") + "\n\n"
        }
        out += w("Elke groep is vergeleken met de andere ouders die de vraag beantwoordden (Fisher-toets bij kleine aantallen, anders de toets voor twee proporties), en omdat er veel vergelijkingen zijn, gecorrigeerd volgens Benjamini-Hochberg: hier staan alleen verschillen die met 95% zekerheid geen toeval zijn.",
                 "Each group was compared with the other parents who answered the question (Fisher's test for small numbers, else the test for two proportions), corrected for the many comparisons by Benjamini-Hochberg: only differences that are not chance at 95% are listed.") + "\n\n"
        out += "_\(c.findings.suppressionNote)_\n\n"

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

        out += "## \(w("Gespreksvragen voor het team", "Questions for the team"))\n\n"
        if c.findings.discussionThemes.isEmpty {
            out += w("Nog te weinig antwoorden om thema's te kiezen.", "Too few answers yet to choose themes.") + "\n\n"
        }
        for need in c.findings.discussionThemes {
            out += "### \(w(need.theme.title))\n\n"
            if let item = need.strongest { out += "_\(w("Waarom", "Why")): \(MarkdownReport.inline(c.sentence(item)))_\n\n" }
            for (i, question) in need.theme.discussion.prefix(5).enumerated() {
                out += "\(i + 1). \(MarkdownReport.inline(w(question.text)))" + (question.source.map { " _(\($0))_" } ?? "") + "\n"
            }
            out += "\n"
        }
        out += "## \(w("Controle op herkenbaarheid", "Disclosure check"))\n\n\(AuditSheet.summary(c))\n\n"
        out += "---\n\(w("Zonder namen. Open antwoorden staan in het Excel-bestand.", "Without names. Open answers are in the Excel workbook."))"
        if c.options.withNames { out += " " + w("Let op: het Excel-bestand bevat namen (--with-names).", "Note: the Excel workbook contains names (--with-names).") }
        return out + "\n"
    }

    /// One question's key figures: a scale's top share and mean, a choice question's options, a number's mean.
    private func figures(_ q: Int) -> String {
        let c = context, w = c.words, a = c.aggregate
        let entry = a.layout.entries[q]
        let n = a.answered(q)
        guard c.isShown(q) else { return "**\(MarkdownReport.inline(c.questionText(q)))**\n\n\(c.tooFewAnswers(q))\n\n" }
        var out = "**\(MarkdownReport.inline(c.questionText(q)))** (n = \(n))\n\n"
        guard n > 0 else { return out + w("Nog geen antwoorden.", "No answers yet.") + "\n\n" }
        switch entry.question.type {
        case .scale where c.disclosure.hiddenOptions[q].isEmpty:
            let top = a.topShare(q)!
            let (low, high) = top.interval
            out += "    \(MarkdownReport.bar(top.share)) \(c.topLabel(q))  (\(w("marge", "margin")) \(w.percent(low))–\(w.percent(high)); \(w("gemiddeld", "mean")) \(w.decimal(a.mean(q) ?? 0)) \(w("op", "of")) \(entry.options.count))\n\n"
        case .scale, .single, .multiple:
            var order = Array(entry.options.indices)
            if entry.question.type == .multiple {
                order.sort { (a.count(q, option: $0), -$0) > (a.count(q, option: $1), -$1) }
                if let other = entry.optionIndex[AnswerOption.otherID], let at = order.firstIndex(of: other) { order.append(order.remove(at: at)) }
            }
            for o in order {
                let bar = c.disclosure.hiddenOptions[q].contains(o) ? w.hidden(c.minGroup) : MarkdownReport.bar(a.proportion(q, option: o).share)
                out += "    \(bar) \(MarkdownReport.inline(c.optionLabel(q, o)))\n"
            }
            out += "\n"
        case .number:
            out += "    \(w("gemiddeld", "mean")) \(w.decimal(a.mean(q) ?? 0)), \(w("mediaan", "median")) \(w.decimal(a.median(q) ?? 0))\n\n"
        case .text:
            break
        }
        return out
    }
}
