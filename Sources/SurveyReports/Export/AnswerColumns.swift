import Foundation
import SurveyCore

/// One cell of the export: text, a number, or nothing.
enum ExportCell: Equatable {
    case text(String)
    case number(Double)
    case empty
}

/// The answers to the questions that are not background questions, kept as codes: the option id of a single
/// choice, the point (1, 2, ...) of a scale, one 0/1 column per option of a multiple choice (as REDCap exports
/// checkboxes), the number of a number question. Open answers (text questions and "other, namely" texts) only when
/// asked for.
///
/// While the responses stream past, each response's answers are kept as one `Double` per question (an option's
/// position, a bit set of chosen options, or the number), so that the rows can be shuffled before they are written:
/// about 300 bytes per response for the shipped survey.
struct AnswerColumns {
    /// One question's part of the row.
    struct Entry {
        let question: Question
        /// The options in order, "other" last when offered.
        let options: [AnswerOption]
        /// Its index in the answers by position.
        let slot: Int
        /// Whether code columns are written (not for text and background questions).
        let writesCodes: Bool
        /// Whether an open-text column follows (a text question, or "other, namely" text) — only with open answers.
        let openText: Bool
    }

    let entries: [Entry]
    let withOpenAnswers: Bool
    /// The column headers, in order.
    let headers: [String]
    /// Per kept response: one code per entry.
    private var codes: [Double] = []
    /// Per kept response: one text per entry with an open-text column (only with open answers).
    private var texts: [String] = []
    private let openCount: Int

    init(survey: Survey, position: [String: Int], withOpenAnswers: Bool) {
        self.withOpenAnswers = withOpenAnswers
        let otherLabel = survey.interfaceTexts(.other)
        var entries: [Entry] = []
        var headers: [String] = []
        for theme in survey.themes {
            for question in theme.questions {
                guard let slot = position[question.id] else { continue }
                let isText = question.type == .text
                // Background answers are quasi-identifiers (QuasiIdentifier); only their "other" text could come here.
                if theme.isBackground && !(withOpenAnswers && (isText || question.allowsOther)) { continue }
                if isText && !withOpenAnswers { continue }
                let options = question.type.isChoice ? question.choices(otherLabel: otherLabel) : []
                let openText = withOpenAnswers && (isText || question.allowsOther)
                let writesCodes = !theme.isBackground && !isText
                entries.append(Entry(question: question, options: options, slot: slot, writesCodes: writesCodes, openText: openText))
                if writesCodes {
                    switch question.type {
                    case .multiple: headers += options.map { "\(question.id).\($0.id)" }
                    case .single, .scale, .number: headers.append(question.id)
                    case .text: break
                    }
                }
                if openText { headers.append(isText ? question.id : "\(question.id).\(AnswerOption.otherID)_tekst") }
            }
        }
        self.entries = entries
        self.headers = headers
        openCount = entries.filter(\.openText).count
    }

    /// Keeps one response's answers (by position), in the order rows are added.
    mutating func append(_ slots: [Answer?]) {
        for entry in entries {
            let answer = slots[entry.slot]
            codes.append(Self.code(answer, entry))
            if entry.openText {
                switch answer?.value {
                case .text(let text)?: texts.append(text)
                default: texts.append(answer?.otherText ?? "")
                }
            }
        }
    }

    /// A question's answer as one number: NaN when unanswered.
    private static func code(_ answer: Answer?, _ entry: Entry) -> Double {
        guard let answer else { return .nan }
        switch answer.value {
        case .choice(let id):
            return entry.options.firstIndex { $0.id == id }.map { Double($0 + 1) } ?? .nan
        case .choices(let ids):
            var bits: UInt64 = 0
            for id in ids { if let i = entry.options.firstIndex(where: { $0.id == id }), i < 52 { bits |= 1 << UInt64(i) } }
            return Double(bits)
        case .number(let value): return value
        case .text: return .nan
        }
    }

    /// The cells of the `row`-th response added, in header order.
    func cells(_ row: Int) -> [ExportCell] {
        var out: [ExportCell] = []
        out.reserveCapacity(headers.count)
        var textIndex = row * openCount
        for (e, entry) in entries.enumerated() {
            let code = codes[row * entries.count + e]
            if entry.writesCodes {
                switch entry.question.type {
                case .single:
                    out.append(code.isNaN ? .empty : .text(entry.options[Int(code) - 1].id))
                case .scale:
                    out.append(code.isNaN ? .empty : .number(code))
                case .multiple:
                    let bits = code.isNaN ? nil : UInt64(code)
                    for i in entry.options.indices {
                        out.append(bits.map { .number(i < 52 && $0 & (1 << UInt64(i)) != 0 ? 1 : 0) } ?? .empty)
                    }
                case .number:
                    out.append(code.isNaN ? .empty : .number(code))
                case .text:
                    break
                }
            }
            if entry.openText {
                let text = texts[textIndex]
                out.append(text.isEmpty ? .empty : .text(text))
                textIndex += 1
            }
        }
        return out
    }
}
