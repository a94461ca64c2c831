import Foundation

/// The explanation that travels with an export ("Toelichting"): what was done to the data, in Dutch with English
/// beside it, so a researcher knows what the rows can and cannot say.
struct ExportExplanation {
    /// Lines as (Dutch, English); an empty pair is a blank line.
    let lines: [(nl: String, en: String)]

    init(peilingName: String, surveyTitle: String, report: ExportReport) {
        let k = report.k
        var lines: [(String, String)] = [
            ("Gedeïdentificeerde export: \(peilingName)", "De-identified export: \(peilingName)"),
            ("Vragenlijst: \(surveyTitle)", "Survey: \(surveyTitle)"),
            ("", ""),
            ("Eén rij per ouder, zonder namen, codes, roosternummers, datums, tijden, 'ingevoerd door' of 'gecontroleerd door'.",
             "One row per parent, without names, codes, roster ids, dates, times, 'entered by' or 'verified by'."),
            (report.seeded
                ? "De rijen staan in een willekeurige volgorde (vaste seed: alleen voor tests; deze volgorde is na te maken)."
                : "De rijen staan in een willekeurige volgorde (cryptografisch geschud): de volgorde zegt niets over wie wanneer antwoordde.",
             report.seeded
                ? "Rows are in a random order (fixed seed: for tests only; this order can be reproduced)."
                : "Rows are in a random order (cryptographic shuffle): the order says nothing about who answered when."),
            ("", ""),
            ("k-anonimiteit (Sweeney 2002) met k = \(k): elke combinatie van de kolommen die iemand die de klas kent kan herkennen (groep, afnamewijze, taal, tolk, kenmerken, achtergrondvragen, versie) komt in minstens \(k) rijen voor.",
             "k-anonymity (Sweeney 2002) with k = \(k): every combination of the columns a reader who knows the class could recognise (group, method, language, interpreter, tags, background questions, version) occurs in at least \(k) rows."),
            ("Methode (zoals sdcMicro): 1. een kolom met een waarde die minder dan \(k) keer voorkomt wordt grover gemaakt (als dat kan); 2. zolang meer dan \(Int(KAnonymizer.recodeAboveShare * 100))% van de rijen in een te kleine combinatie zit, wordt de kolom met de meeste verschillende waarden grover gemaakt; 3. in de rijen die dan nog in een te kleine combinatie zitten wordt één waarde per keer vervangen door *, eerst in de kolom met de meeste verschillende waarden; 4. rijen die zo niet te beschermen zijn, zijn weggelaten.",
             "Method (as in sdcMicro): 1. a column with a value held by fewer than \(k) rows is recoded to coarser values (where it can be); 2. while more than \(Int(KAnonymizer.recodeAboveShare * 100))% of the rows are in a combination that is too small, the column with the most distinct values is recoded; 3. in the rows still in a combination that is too small, values are replaced by *, one column at a time, the column with the most distinct values first; 4. rows that cannot be protected this way are left out."),
            ("", ""),
            ("Antwoorden: \(report.responses); rijen in dit bestand: \(report.rowsWritten); weggelaten rijen: \(report.rowsDropped).",
             "Responses: \(report.responses); rows in this file: \(report.rowsWritten); rows left out: \(report.rowsDropped)."),
            ("", ""),
            ("Per kolom:", "Per column:"),
        ]
        for column in report.columns {
            let nl: String, en: String
            if column.removed {
                (nl, en) = ("weggelaten", "removed")
            } else if let recodingNL = column.recoding["nl"], let recodingEN = column.recoding["en"] {
                (nl, en) = ("grover gemaakt: \(recodingNL)", "recoded: \(recodingEN)")
            } else {
                (nl, en) = ("zoals opgeslagen", "as stored")
            }
            let suppressedNL = column.suppressed > 0 ? "; \(column.suppressed) waarde(n) vervangen door *" : ""
            let suppressedEN = column.suppressed > 0 ? "; \(column.suppressed) value(s) replaced by *" : ""
            lines.append(("  \(column.name): \(nl)\(suppressedNL)", "  \(column.name): \(en)\(suppressedEN)"))
        }
        lines.append(("", ""))
        if report.withOpenAnswers {
            lines.append(("Open antwoorden staan erin (op verzoek). Let op: ouders schrijven soms namen of details waaraan iemand te herkennen is. Lees ze na voordat u het bestand deelt.",
                          "Open answers are included (on request). Note: parents sometimes write names or details that identify someone. Read them before sharing the file."))
        } else {
            lines.append(("Open antwoorden (open vragen en 'anders, namelijk') zijn weggelaten: ze kunnen namen bevatten.",
                          "Open answers (text questions and 'other, namely') are left out: they may contain names."))
        }
        lines.append(("Antwoorden op de overige vragen staan als codes (optie-id; schaalpunt als getal; bij meer antwoorden één kolom per optie, 1 = gekozen). Zie het codeboek.",
                      "Answers to the other questions are codes (option id; scale point as a number; for multiple choice one column per option, 1 = chosen). See the codebook."))
        lines.append(("Lege cel: niet beantwoord (of de vraag werd niet gesteld). * : weggelaten om de ouder te beschermen.",
                      "Empty cell: not answered (or the question was not asked). *: suppressed to protect the parent."))
        self.lines = lines
    }

    /// The explanation as plain text: the Dutch lines, then the English ones.
    var plainText: String {
        (lines.map(\.nl) + ["", "— English —", ""] + lines.map(\.en)).joined(separator: "\n")
    }
}
