import SurveyCore

/// What every column of the export means: the question (in Dutch and English) and, per code, its label.
struct Codebook {
    /// One column of the export.
    struct Entry {
        var column: String
        var text: LocalizedText
        var codes: [(code: String, label: LocalizedText)]
    }

    let entries: [Entry]

    /// The quasi-identifier columns still written (their values at the level chosen), then the answer columns.
    init(anonymizer: KAnonymizer, answers: AnswerColumns) {
        var entries: [Entry] = []
        for (c, column) in anonymizer.columns.enumerated() where !anonymizer.isRemoved(c) {
            var codes = anonymizer.currentValues(c).sorted().map { value in
                (code: value, label: column.label(value) ?? (value.isEmpty ? ["nl": "(niet beantwoord)", "en": "(not answered)"] : [:]))
            }
            if anonymizer.suppressedCount[c] > 0 {
                codes.append((KAnonymizer.suppressed, ["nl": "Weggelaten (te kleine combinatie)", "en": "Suppressed (combination too small)"]))
            }
            entries.append(Entry(column: column.name, text: column.title, codes: codes))
        }
        let chosen: [(String, LocalizedText)] = [("1", ["nl": "Gekozen", "en": "Chosen"]), ("0", ["nl": "Niet gekozen", "en": "Not chosen"])]
        for entry in answers.entries {
            let question = entry.question
            if entry.writesCodes {
                switch question.type {
                case .single:
                    entries.append(Entry(column: question.id, text: question.text, codes: entry.options.map { ($0.id, $0.label) }))
                case .scale:
                    entries.append(Entry(column: question.id, text: question.text,
                                         codes: entry.options.enumerated().map { (String($0.offset + 1), $0.element.label) }))
                case .multiple:
                    for option in entry.options {
                        var text = question.text
                        for (language, value) in text { text[language] = value + " — " + (option.label[language] ?? option.label.dutch) }
                        entries.append(Entry(column: "\(question.id).\(option.id)", text: text, codes: chosen))
                    }
                case .number:
                    entries.append(Entry(column: question.id, text: question.text, codes: [("", ["nl": "Getal", "en": "Number"])]))
                case .text:
                    break
                }
            }
            if entry.openText {
                let isText = question.type == .text
                entries.append(Entry(column: isText ? question.id : "\(question.id).\(AnswerOption.otherID)_tekst", text: question.text,
                                     codes: [("", isText ? ["nl": "Open antwoord", "en": "Open answer"]
                                                         : ["nl": "Tekst bij 'anders, namelijk'", "en": "Text of 'other, namely'"])]))
            }
        }
        self.entries = entries
    }

    /// The codebook as rows: column, text (nl), text (en), code, label (nl), label (en); one row per code.
    var rows: [[String]] {
        entries.flatMap { entry in
            entry.codes.isEmpty
                ? [[entry.column, entry.text.dutch, entry.text.text("en"), "", "", ""]]
                : entry.codes.enumerated().map { i, code in
                    [i == 0 ? entry.column : "", i == 0 ? entry.text.dutch : "", i == 0 ? entry.text.text("en") : "",
                     code.code, code.label.dutch, code.label.text("en")]
                }
        }
    }

    static let header = ["kolom / column", "vraag (nl)", "question (en)", "code", "betekenis (nl)", "meaning (en)"]
}
