import SurveyCore

/// The current definition's questions in order, with where each one's option counters live.
struct QuestionLayout {
    struct Entry {
        var question: Question
        var theme: Theme
        /// The options in display order: the definition's, then "other" when offered.
        var options: [AnswerOption]
        var optionIndex: [String: Int]
        /// Where this question's option counters start in a segment's block.
        var offset: Int
        var scale: Scale?
    }

    let entries: [Entry]
    /// Option counters per segment.
    let optionsPerSegment: Int
    private let position: [String: Int]

    init(survey: Survey) {
        let otherLabel = survey.interfaceTexts(.other)
        var entries: [Entry] = []
        var offset = 0
        for theme in survey.themes {
            for question in theme.questions {
                let options = question.type.isChoice ? question.choices(otherLabel: otherLabel) : []
                let index = Dictionary(options.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
                entries.append(Entry(question: question, theme: theme, options: options, optionIndex: index, offset: offset,
                                     scale: question.scaleID.flatMap(survey.scale)))
                offset += options.count
            }
        }
        self.entries = entries
        optionsPerSegment = offset
        position = Dictionary(entries.enumerated().map { ($1.question.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func index(of questionID: String) -> Int? { position[questionID] }

    /// The position of option `id` among a question's options: a short linear scan beats hashing for ten small ids.
    static func find(_ id: String, in ids: [String]) -> Int? {
        for (i, candidate) in ids.enumerated() where candidate == id { return i }
        return nil
    }
}
