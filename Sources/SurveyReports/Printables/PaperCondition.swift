import Foundation
import SurveyCore

/// A question's condition written as a plain instruction for paper, where nothing hides itself:
/// "Alleen invullen als u bij vraag 4.1 'Ja, graag' of 'Soms' koos."
enum PaperCondition {
    /// The instruction in `language`, from the survey's `only_if` text ({question}, {answers}).
    static func text(_ condition: Condition, in survey: Survey, language: String, numbers: PaperNumbering) -> String {
        let number = numbers.number(of: condition.question) ?? condition.question
        let choices = survey.question(condition.question)?.choices(otherLabel: survey.interfaceTexts(.other)) ?? []
        let labels = condition.answered.map { id in
            choices.first { $0.id == id }.map { $0.label.text(language) } ?? id
        }
        let answers: String
        switch language {
        case "nl": answers = list(labels, quote: "'", or: "of")
        case "en": answers = list(labels, quote: "'", or: "or")
        case "tr": answers = list(labels, quote: "'", or: "veya")
        case "pl": answers = list(labels, quote: "\u{201E}", close: "\u{201D}", or: "lub")
        case "uk": answers = list(labels, quote: "\u{00AB}", close: "\u{00BB}", or: "або")
        // Guillemets mirror correctly in right-to-left text, where curly quotes would face the wrong way.
        default: answers = labels.map { "\u{00AB}\($0)\u{00BB}" }.joined(separator: " / ")
        }
        return survey.interfaceText(.onlyIf, language)
            .replacingOccurrences(of: "{question}", with: number)
            .replacingOccurrences(of: "{answers}", with: answers)
    }

    /// "'a', 'b' of 'c'"; Polish „a” and Ukrainian «a» have their own closing mark.
    private static func list(_ labels: [String], quote: String, close: String? = nil, or: String) -> String {
        let quoted = labels.map { quote + $0 + (close ?? quote) }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(or) " + quoted.last!
    }
}
