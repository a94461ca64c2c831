import Foundation

/// What staff type for one question when they enter a paper form (in the terminal or the dashboard):
/// option numbers ("1", "1,3" or "1 3") or ids for choice questions, the text or number otherwise.
/// One set of rules for both front doors; the checks themselves are `AnswerParser`'s.
public enum TypedEntry {
    /// Commands that are not answers.
    public static let back: Set<String> = ["<", "terug", "back"]
    public static let quit: Set<String> = ["stop", "quit"]
    /// "Not answered on paper": the parent left the question open, so nothing is recorded for it.
    public static let leftOpen: Set<String> = ["-"]

    /// Option ids for a typed line of a choice question; the line itself otherwise.
    public static func values(from line: String, for question: Question, in survey: Survey) throws(AnswerProblem) -> [String] {
        guard question.type.isChoice else { return [line] }
        let choices = question.choices(otherLabel: survey.interfaceTexts(.other))
        let tokens = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
        if question.type != .multiple, tokens.count > 1 { throw AnswerProblem(questionID: question.id, .chooseOne) }
        var ids: [String] = []
        for token in tokens {
            if let number = Int(token) {
                guard choices.indices.contains(number - 1) else { throw AnswerProblem(questionID: question.id, .notAnOption) }
                ids.append(choices[number - 1].id)
            } else {
                ids.append(token.lowercased())
            }
        }
        return ids
    }

    /// A checked answer from a typed line (and the "other" text, when an "other" option was chosen).
    public static func answer(_ line: String, otherText: String?, for question: Question, in survey: Survey) throws(AnswerProblem) -> Answer? {
        try AnswerParser.parse(question, values: try values(from: line, for: question, in: survey), otherText: otherText)
    }

    /// An answer as staff read it back: "2 Eens" or the text.
    public static func display(_ answer: Answer, of question: Question, in survey: Survey) -> String {
        let choices = question.choices(otherLabel: survey.interfaceTexts(.other))
        switch answer.value {
        case .choice, .choices:
            return answer.chosen.map { id in
                let index = choices.firstIndex { $0.id == id }.map { "\($0 + 1) " } ?? ""
                let label = choices.first { $0.id == id }?.label.dutch ?? id
                guard id == AnswerOption.otherID else { return index + label }
                return index + label.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) + ": " + (answer.otherText ?? "")
            }.joined(separator: ", ")
        case .number(let value): return AnswerParser.format(value)
        case .text(let text): return text
        }
    }

    /// The questions a second, blind entry answered differently from the first.
    public static func differences(first: Answers, second: Answers, in survey: Survey) -> [Question] {
        survey.questions.filter { first[$0.id] != second[$0.id] }
    }

    /// The settled answers of a double entry: the first entry, with the second's answer where staff chose it.
    public static func settle(first: Answers, second: Answers, takeSecond: Set<String>) -> Answers {
        var settled = first
        for id in takeSecond { settled[id] = second[id] }
        return settled
    }
}
