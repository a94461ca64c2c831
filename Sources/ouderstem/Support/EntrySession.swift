import Foundation
import SurveyCore

/// Staff typing in a paper form or reading the questions aloud in an oral interview.
///
/// Each question shows Dutch and, when the parent's language differs, that language beside it. Answers by
/// option number or id; `<` goes back; an empty line skips an optional question; `-` records that the
/// parent left the question open on paper (required or not), which reports count as not answered;
/// conditions are followed; a bad answer is explained and asked again. Ends with a summary to confirm.
struct EntrySession {
    let survey: Survey
    /// The parent's language, shown beside Dutch when it differs and the survey has it.
    let language: String
    /// Answers to start from (e.g. when staff go back to a question from the summary).
    var answers: Answers = [:]

    /// Commands that are not answers.
    static let back = TypedEntry.back
    static let quit = TypedEntry.quit
    static let leftOpen = TypedEntry.leftOpen

    /// Asks every visible question from the first; returns the confirmed answers, or nil when staff stop.
    mutating func run(confirm: Bool = true) throws -> Answers? {
        print(help)
        var index = 0
        while true {
            let visible = survey.questions.filter { survey.isVisible($0, given: answers) }
            if index >= visible.count {
                answers = survey.visibleAnswers(answers)
                guard confirm else { return answers }
                print(summary())
                let reply = try Terminal.ask(say(.entrySavePrompt)).lowercased()
                if ["j", "ja", "y", "yes"].contains(reply) { return answers }
                if ["n", "nee", "no"].contains(reply) || Self.quit.contains(reply) { return nil }
                if let target = visible.firstIndex(where: { number(of: $0) == reply }) { index = target } else {
                    print(say(.entrySaveHint))
                }
                continue
            }
            let question = visible[index]
            switch try ask(question) {
            case .answer(let answer):
                answers[question.id] = answer
                index += 1
            case .skip:
                answers[question.id] = nil
                index += 1
            case .back:
                index = max(0, index - 1)
            case .quit:
                return nil
            }
        }
    }

    enum Step { case answer(Answer), skip, back, quit }

    private func ask(_ question: Question) throws -> Step {
        print("\n" + describe(question))
        while true {
            let line = try Terminal.ask(prompt(for: question))
            if Self.back.contains(line.lowercased()) { return .back }
            if Self.quit.contains(line.lowercased()) { return .quit }
            if Self.leftOpen.contains(line) { return .skip }
            do {
                let values = try values(from: line, for: question)
                var other: String?
                if values.contains(AnswerOption.otherID) {
                    other = try Terminal.ask("  \(survey.interfaceText(.other, "nl")) ")
                }
                guard let answer = try AnswerParser.parse(question, values: values, otherText: other) else { return .skip }
                return .answer(answer)
            } catch let problem as AnswerProblem {
                print("  ! \(problem.message(in: survey, language: "nl")) / \(problem.message(in: survey, language: "en"))")
                if problem.key == .required { print(say(.entryLeftOpenHint)) }
            }
        }
    }

    /// Option numbers ("1", "1,3" or "1 3") or ids for choice questions; the line itself otherwise.
    private func values(from line: String, for question: Question) throws -> [String] {
        try TypedEntry.values(from: line, for: question, in: survey)
    }

    /// "2.3", the number the paper form and `survey show` use.
    func number(of question: Question) -> String {
        survey.questionNumber(question.id) ?? "?"
    }

    private var showsSecondLanguage: Bool { language != "nl" && survey.language(language) != nil }

    private func describe(_ question: Question) -> String {
        let theme = survey.theme(containing: question.id)
        var lines = ["[\(theme?.title.dutch ?? "")]  \(number(of: question))\(question.required ? " *" : "")  \(question.text.dutch)"]
        if showsSecondLanguage { lines.append("    \(language): \(question.text.text(language))") }
        if let help = question.help { lines.append("    (\(help.dutch))") }
        let choices = question.choices(otherLabel: survey.interfaceTexts(.other))
        for (index, option) in choices.enumerated() {
            var line = String(format: "  %2d  ", index + 1) + option.label.dutch
            if showsSecondLanguage { line += "  |  " + option.label.text(language) }
            lines.append(line)
        }
        switch question.type {
        case .multiple: lines.append("    \(survey.interfaceText(.chooseAny, "nl")) (1,3)")
        case .number: lines.append("    \(survey.interfaceText(.numberHint, "nl"))" + rangeText(question))
        default: break
        }
        return lines.joined(separator: "\n")
    }

    private func rangeText(_ question: Question) -> String {
        guard let minimum = question.minimum, let maximum = question.maximum else { return "" }
        return " (\(AnswerParser.format(minimum))-\(AnswerParser.format(maximum)))"
    }

    private func prompt(for question: Question) -> String {
        let current = answers[question.id].map { " [\(display($0, of: question))]" } ?? ""
        return "  >\(current) "
    }

    /// An answer as staff read it back: "2 Eens" or the text.
    func display(_ answer: Answer, of question: Question) -> String {
        TypedEntry.display(answer, of: question, in: survey)
    }

    private func summary() -> String {
        var lines = ["\n" + say(.entrySummary)]
        for question in survey.questions where survey.isVisible(question, given: answers) {
            let value = answers[question.id].map { display($0, of: question) } ?? say(.entryNotAnswered)
            lines.append("  \(number(of: question).padding(toLength: 5, withPad: " ", startingAt: 0)) \(question.id): \(value)")
        }
        return lines.joined(separator: "\n")
    }

    private var help: String { say(.entryHelp) }
}
