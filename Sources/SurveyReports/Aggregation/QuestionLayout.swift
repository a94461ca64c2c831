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

    /// The current questions; a single or multiple choice question also keeps the options an `earlier` version
    /// had and this one removed, labelled "(verwijderd in versie N)", so their answers stay counted.
    init(survey: Survey, earlier: [Survey] = []) {
        let otherLabel = survey.interfaceTexts(.other)
        var entries: [Entry] = []
        var offset = 0
        for theme in survey.themes {
            for question in theme.questions {
                var options = question.type.isChoice ? question.choices(otherLabel: otherLabel) : []
                if question.type == .single || question.type == .multiple {
                    for old in earlier.sorted(by: { $0.version > $1.version }) {
                        for option in old.question(question.id)?.options ?? [] where !options.contains(where: { $0.id == option.id }) {
                            options.append(AnswerOption(id: option.id, label: [
                                "nl": "\(option.label.dutch) (verwijderd in versie \(survey.version))",
                                "en": "\(option.label.text("en")) (removed in version \(survey.version))"]))
                        }
                    }
                }
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
