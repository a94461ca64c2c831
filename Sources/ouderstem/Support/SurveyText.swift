import SurveyCore

/// A survey as plain text in one language, for checking the wording in a terminal.
struct SurveyText {
    let survey: Survey
    let language: String

    func render() -> String {
        var out = "\(survey.title.text(language))\n"
        out += "(\(summary(of: survey)))\n"
        if let intro = survey.intro { out += "\n\(intro.text(language))\n" }
        let otherLabel = survey.interfaceTexts(.other)
        for (t, theme) in survey.themes.enumerated() {
            out += "\n\(t + 1). \(theme.title.text(language))\(theme.isBackground ? say(.surveyTextBackground) : "")\n"
            if let intro = theme.intro { out += "   \(intro.text(language))\n" }
            for (q, question) in theme.questions.enumerated() {
                var marks = [question.type.rawValue]
                if let scale = question.scaleID { marks[0] += ": \(scale)" }
                if question.required { marks.append(say(.surveyTextRequired)) }
                out += "\n   \(t + 1).\(q + 1) \(question.text.text(language))  [\(question.id); \(marks.joined(separator: ", "))]\n"
                if let help = question.help { out += "       \(help.text(language))\n" }
                if let condition = question.showIf {
                    out += "       " + say(.surveyTextOnlyWhen, ["question": condition.question, "answers": condition.answered.joined(separator: say(.surveyTextOr))]) + "\n"
                }
                let box = question.type == .multiple ? "[ ]" : "( )"
                for (o, option) in question.choices(otherLabel: otherLabel).enumerated() {
                    out += "       \(o + 1) \(box) \(option.label.text(language))\(option.id == AnswerOption.otherID ? " ____" : "")\n"
                }
                switch question.type {
                case .number:
                    let range = [question.minimum, question.maximum].map { $0.map(AnswerParser.format) ?? "" }
                    out += "       " + say(.surveyTextNumber, ["min": range[0], "max": range[1]]) + "\n"
                case .text: out += "       ______________________________\n"
                default: break
                }
                for (tag, options) in question.tagMapping.sorted(by: { $0.key < $1.key }) {
                    out += "       " + say(.surveyTextSetsTag, ["tag": tag, "options": options.joined(separator: ", ")]) + "\n"
                }
            }
        }
        return out
    }
}
