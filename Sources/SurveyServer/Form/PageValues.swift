import SurveyCore

/// What a page shows in its inputs: stored answers, or exactly what the parent posted (also when it
/// could not be accepted, so nothing typed is lost when the page comes back with a message).
struct PageValues: Sendable {
    /// Question id -> the ticked option ids, or the one typed value.
    var values: [String: [String]] = [:]
    /// Question id -> the "other, namely" text.
    var other: [String: String] = [:]

    init() {}

    init(_ answers: Answers) {
        for (id, answer) in answers {
            switch answer.value {
            case .choice(let option): values[id] = [option]
            case .choices(let options): values[id] = options
            case .number(let number): values[id] = [AnswerParser.format(number)]
            case .text(let text): values[id] = [text]
            }
            if let text = answer.otherText { other[id] = text }
        }
    }
}

extension PageValues {
    /// These values with `posted` in place for every question the parent posted: what they typed wins,
    /// answers the form did not post stay as stored.
    func overlaid(with posted: PageValues) -> PageValues {
        var result = self
        for (id, values) in posted.values {
            result.values[id] = values
            result.other[id] = posted.other[id]
        }
        return result
    }
}
