import Foundation
import SurveyCore

/// The board overview as Markdown for the board's meeting: the response per school and per peiling, then per
/// questionnaire the main findings of every peiling side by side (a row per peiling, a column per finding,
/// with the findings' questions listed above the table so that the table stays narrow for many schools).
public struct BoardOverviewText {
    let overview: BoardOverview
    let words: Words

    public init(_ overview: BoardOverview, language: String = "nl") {
        self.overview = overview
        words = Words(language)
    }

    /// "62%", "<5", "x" or "–": a cell as every report of Ouderstem writes it.
    public func text(_ cell: BoardOverview.Cell) -> String {
        switch cell {
        case .share(let p): words.percent(p.share)
        case .tooFew: words.hidden(overview.minGroup)
        case .protected: words.protected
        case .none: "–"
        }
    }

    /// "12 van 20 (60%)", or the count alone without a roster.
    public func response(_ responses: Int, of roster: Int, rate: Double?) -> String {
        guard let rate else { return String(responses) }
        return words("\(responses) van \(roster) (\(words.percent(rate)))", "\(responses) of \(roster) (\(words.percent(rate)))")
    }

    public func schoolName(_ name: String?) -> String { name ?? words("(geen school)", "(no school)") }

    /// The rule behind the figures, in one paragraph.
    public var note: String {
        let k = overview.minGroup
        return words(
            "Elk percentage is het aandeel ouders van die peiling dat bovenaan de schaal antwoordde, van wie de vraag beantwoordde; het komt uit het rapport van de peiling zelf en van minstens \(k) ouders. '<\(k)': minder dan \(k) ouders beantwoordden de vraag. 'x': verborgen om een ander cijfer van die peiling te beschermen. '–': niet gevraagd of nog geen antwoorden. Percentages van verschillende peilingen worden niet opgeteld: een totaal over de scholen zou verborgen cijfers terug laten rekenen. * : een van de eerste uitkomsten van die peiling zelf.",
            "Each percentage is the share of that peiling's parents who answered at the top of the scale, of those who answered the question; it comes from the peiling's own report and from at least \(k) parents. '<\(k)': fewer than \(k) parents answered the question. 'x': hidden to protect another figure of that peiling. '–': not asked or no answers yet. Percentages of different peilingen are never added up: a total across schools would let hidden figures be worked out. * : one of that peiling's own first findings.")
    }

    public func render() -> String {
        let w = words, o = overview
        func inline(_ text: String) -> String { MarkdownReport.inline(text) }
        var out = "# \(w("Overzicht van de scholen", "Overview of the schools"))\n\n"
        let date = DateFormatter()
        date.locale = Locale(identifier: w.isEnglish ? "en_GB" : "nl_NL")
        date.dateFormat = "d MMMM yyyy"
        out += "**\(w("Gemaakt op", "Made on")):** \(date.string(from: o.generatedAt))  \n"
        out += "**\(w("Kleinste groep", "Smallest group")):** \(o.minGroup)\n\n"

        out += "## \(w("Respons per school", "Response per school"))\n\n"
        out += "| \(w("School", "School")) | \(w("Peilingen", "Peilingen")) | \(w("Geantwoord", "Answered")) | \(w("Zonder code", "Without a code")) |\n|---|---:|---:|---:|\n"
        for school in o.schools {
            out += "| \(inline(schoolName(school.name))) | \(school.peilingen) | \(response(school.responses, of: school.rosterSize, rate: school.responseRate)) | \(school.anonymous) |\n"
        }
        out += "\n"

        for table in o.tables {
            out += "## \(inline(w(table.title))) (\(table.surveyID))\n\n"
            out += "| \(w("School", "School")) | \(w("Peiling", "Peiling")) | \(w("Geantwoord", "Answered")) |"
            out += table.findings.indices.map { " \($0 + 1) |" }.joined() + "\n"
            out += "|---|---|---:|" + String(repeating: "---:|", count: table.findings.count) + "\n"
            for (c, column) in table.columns.enumerated() {
                let status = column.closed ? w(" (gesloten)", " (closed)") : ""
                out += "| \(inline(schoolName(column.school))) | \(inline(column.peiling))\(status) | \(response(column.responses, of: column.rosterSize, rate: column.responseRate)) |"
                for finding in table.findings {
                    let own = column.ownFindings.contains(finding.questionID) && finding.cells[c] != .none ? " *" : ""
                    out += " \(text(finding.cells[c]))\(own) |"
                }
                out += "\n"
            }
            out += "\n"
            if table.findings.isEmpty {
                out += w("Nog geen uitkomsten: geen enkele peiling heeft een vraag met genoeg antwoorden.",
                         "No findings yet: no peiling has a question with enough answers.") + "\n\n"
            }
            for (i, finding) in table.findings.enumerated() {
                out += "\(i + 1). \(inline(w(finding.text))) — % \(inline(w(finding.topLabel)))\n"
            }
            out += "\n"
        }
        out += note + "\n"
        return out
    }
}
