import SurveyCore

/// A question's condition written as a plain instruction for paper, where nothing hides itself:
/// "Alleen invullen als u bij vraag 4.1 'Ja, graag' of 'Soms' koos."
enum PaperCondition {
    /// The instruction in `language`. Dutch and English have a sentence; other languages get the question
    /// number and the answers in their own words, after the arrow the stylesheet draws, because survey
    /// definitions have no interface text for this sentence yet (the Dutch sentence is printed beside it).
    static func text(_ condition: Condition, in survey: Survey, language: String, numbers: PaperNumbering) -> String {
        let number = numbers.number(of: condition.question) ?? condition.question
        let choices = survey.question(condition.question)?.choices(otherLabel: survey.interfaceTexts(.other)) ?? []
        let labels = condition.answered.map { id in
            choices.first { $0.id == id }.map { $0.label.text(language) } ?? id
        }
        switch language {
        case "nl":
            return "Alleen invullen als u bij vraag \(number) \(list(labels, quote: "'", or: "of")) koos."
        case "en":
            return "Only answer this if you chose \(list(labels, quote: "'", or: "or")) at question \(number)."
        default:
            // Guillemets mirror correctly in right-to-left text, where curly quotes would face the wrong way.
            return "\(number): " + labels.map { "\u{00AB}\($0)\u{00BB}" }.joined(separator: " / ")
        }
    }

    /// "'a', 'b' of 'c'".
    private static func list(_ labels: [String], quote: String, or: String) -> String {
        let quoted = labels.map { quote + $0 + quote }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(or) " + quoted.last!
    }
}
