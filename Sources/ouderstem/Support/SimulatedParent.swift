import SurveyCore

/// One simulated parent for demo data: plausible answers that lean on the family's tags.
struct SimulatedParent {
    let survey: Survey
    let respondent: Respondent
    var generator: SeededGenerator

    static let openAnswers: [String] = [
        "Meer vertellen over wat de kinderen in de klas leren, met foto's in de app.",
        "Een gesprek met een tolk erbij zou helpen. Ik begrijp de brieven niet altijd.",
        "Graag de informatie een week eerder, dan kan ik vrij vragen van mijn werk.",
        "Het tienminutengesprek is te kort. Liever twintig minuten, twee keer per jaar.",
        "Ik wil graag helpen bij uitjes, maar alleen op woensdag.",
        "Ideeën om thuis samen te lezen, ook in onze eigen taal.",
        "Beide ouders dezelfde berichten sturen, wij wonen niet meer samen.",
        "Het is fijn dat de juf elke ochtend bij de deur staat.",
        "=Meer contact graag",
    ]

    mutating func method() -> ResponseMethod {
        let suggested = Followup.suggestion(for: respondent).method
        return Int.random(in: 0..<4, using: &generator) == 0 ? .digital : suggested
    }

    mutating func answers() -> Answers {
        var answers: Answers = [:]
        let secondLanguage = respondent.tags.contains("nt2")
        // Background questions stay empty: the roster's tags already describe the family.
        for question in survey.questions where survey.isVisible(question, given: answers) && survey.theme(containing: question.id)?.isBackground != true {
            if !question.required, Int.random(in: 0..<10, using: &generator) == 0 { continue }
            let options = question.options
            switch question.type {
            case .scale:
                // Parents with Dutch as a second language report more need and somewhat less agreement.
                let lean = secondLanguage ? 1 : 0
                let base = options.count / 2 + Int.random(in: -1...1, using: &generator)
                let isNeed = survey.scale(question.scaleID ?? "")?.points.count == 4
                let index = min(options.count - 1, max(0, base + (isNeed ? lean : -lean) + (isNeed ? 0 : 1)))
                answers[question.id] = Answer(questionID: question.id, value: .choice(options[index].id))
            case .single:
                let choice = options.randomElement(using: &generator)!
                answers[question.id] = Answer(questionID: question.id, value: .choice(choice.id))
            case .multiple:
                let chosen = options.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }
                answers[question.id] = Answer(questionID: question.id, value: .choices((chosen.isEmpty ? [options[0]] : chosen).map(\.id)))
            case .number:
                let low = Int(question.minimum ?? 0), high = max(low, min(Int(question.maximum ?? 5), low + 3))
                answers[question.id] = Answer(questionID: question.id, value: .number(Double(Int.random(in: low...high, using: &generator))))
            case .text:
                guard Int.random(in: 0..<3, using: &generator) == 0 else { continue }
                let text = Self.openAnswers.randomElement(using: &generator)!
                answers[question.id] = Answer(questionID: question.id, value: .text(text))
            }
        }
        return answers
    }
}
