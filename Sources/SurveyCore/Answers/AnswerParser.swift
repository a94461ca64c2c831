import Foundation

/// An answer that cannot be accepted, with a message for the parent or staff member.
public struct AnswerProblem: Error, Sendable, Hashable {
    public var questionID: String
    public var key: InterfaceKey
    public var values: [String: String]

    public init(questionID: String, _ key: InterfaceKey, _ values: [String: String] = [:]) {
        self.questionID = questionID
        self.key = key
        self.values = values
    }

    /// The message in `language`, with its numbers filled in.
    public func message(in survey: Survey, language: String) -> String {
        values.reduce(survey.interfaceText(key, language)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}

/// Turns what was typed or ticked (option ids, a number, a text) into a checked `Answer`.
/// The same rules for the web form, the kiosk, the interview screen and the terminal entry.
public enum AnswerParser {
    /// `values` are the chosen option ids for choice questions, or the one typed value otherwise.
    /// Returns nil for a skipped question; throws `AnswerProblem` for what must be fixed.
    public static func parse(_ question: Question, values: [String], otherText: String? = nil) throws(AnswerProblem) -> Answer? {
        let values = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let other = otherText?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !values.isEmpty else {
            if question.required { throw AnswerProblem(questionID: question.id, .required) }
            return nil
        }
        switch question.type {
        case .single, .scale:
            guard values.count == 1, question.hasOption(values[0]) else { throw AnswerProblem(questionID: question.id, .notAnOption) }
            return try withOther(Answer(questionID: question.id, value: .choice(values[0])), question, other)
        case .multiple:
            guard values.allSatisfy(question.hasOption) else { throw AnswerProblem(questionID: question.id, .notAnOption) }
            let ordered = question.choices(otherLabel: [:]).map(\.id).filter(values.contains)
            if let most = question.maxChoices, ordered.count > most {
                throw AnswerProblem(questionID: question.id, .tooManyChoices, ["max": String(most)])
            }
            return try withOther(Answer(questionID: question.id, value: .choices(ordered)), question, other)
        case .number:
            let range = ["min": format(question.minimum ?? 0), "max": format(question.maximum ?? 999_999)]
            guard values.count == 1, let number = plainDecimal(westernDigits(values[0])) else {
                throw AnswerProblem(questionID: question.id, .numberRange, range)
            }
            if let minimum = question.minimum, number < minimum { throw AnswerProblem(questionID: question.id, .numberRange, range) }
            if let maximum = question.maximum, number > maximum { throw AnswerProblem(questionID: question.id, .numberRange, range) }
            return Answer(questionID: question.id, value: .number(number))
        case .text:
            let text = values.joined(separator: "\n")
            guard text.count <= question.maxLength else {
                throw AnswerProblem(questionID: question.id, .tooLong, ["max": String(question.maxLength)])
            }
            return Answer(questionID: question.id, value: .text(text))
        }
    }

    private static func withOther(_ answer: Answer, _ question: Question, _ other: String?) throws(AnswerProblem) -> Answer {
        guard answer.chosen.contains(AnswerOption.otherID) else { return answer }
        guard let other, !other.isEmpty else { throw AnswerProblem(questionID: question.id, .otherMissing) }
        guard other.count <= question.maxLength else { throw AnswerProblem(questionID: question.id, .tooLong, ["max": String(question.maxLength)]) }
        var answer = answer
        answer.otherText = other
        return answer
    }

    /// A typed number with ASCII digits and a decimal point: a Dutch comma, and the Arabic-Indic digits and
    /// decimal separator an Arabic keyboard types ("٢٫٥"), are read as "2.5".
    static func westernDigits(_ typed: String) -> String {
        String(typed.map { character -> Character in
            if character == "," || character == "\u{066B}" { return "." }
            if !character.isASCII, character.isWholeNumber, let digit = character.wholeNumberValue, (0...9).contains(digit) {
                return Character(String(digit))
            }
            return character
        })
    }

    /// A number written the plain way: digits, an optional sign and an optional decimal part ("-2", "2.5").
    /// `Double("0x3")`, "1e3", "inf" and "nan" would be numbers to Swift, but not to a parent or teacher.
    static func plainDecimal(_ text: String) -> Double? {
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Double(text)
    }

    /// A number as a person writes it: no ".0" on whole numbers.
    public static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
