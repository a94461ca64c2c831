/// What changed from one version of a survey definition to the next, said the same way by `init` (before it
/// moves a peiling to the new version) and by the report (whose responses span versions).
public struct VersionChanges: Sendable {
    /// An option of a question that the newer version no longer offers: its earlier answers stay counted.
    public struct RemovedOption: Sendable {
        public var questionID: String
        public var optionID: String
        public var label: LocalizedText
    }

    public var fromVersion: Int
    public var toVersion: Int
    public var removedQuestions: [Question] = []
    public var addedQuestions: [Question] = []
    public var removedOptions: [RemovedOption] = []
    /// "question/option" of options the newer version adds.
    public var addedOptions: [String] = []

    public init(from old: Survey, to new: Survey) {
        fromVersion = old.version
        toVersion = new.version
        for question in old.questions {
            guard let current = new.question(question.id) else { removedQuestions.append(question); continue }
            let kept = Set(current.options.map(\.id))
            for option in question.options where !kept.contains(option.id) {
                removedOptions.append(RemovedOption(questionID: question.id, optionID: option.id, label: option.label))
            }
            let before = Set(question.options.map(\.id))
            addedOptions += current.options.filter { !before.contains($0.id) }.map { "\(question.id)/\($0.id)" }
        }
        addedQuestions = new.questions.filter { old.question($0.id) == nil }
    }

    public var isEmpty: Bool { removedQuestions.isEmpty && addedQuestions.isEmpty && removedOptions.isEmpty && addedOptions.isEmpty }

    /// One plain sentence per change, in Dutch or English.
    public func lines(english: Bool) -> [String] {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        var lines: [String] = []
        for option in removedOptions {
            lines.append(say("Vraag '\(option.questionID)': antwoord '\(option.label.dutch)' vervalt in versie \(toVersion); eerdere antwoorden blijven meetellen, gemarkeerd als verwijderd.",
                             "Question '\(option.questionID)': answer '\(option.label.text("en"))' is gone in version \(toVersion); earlier answers stay counted, marked as removed."))
        }
        for question in removedQuestions {
            lines.append(say("Vraag '\(question.id)' vervalt in versie \(toVersion); haar eerdere antwoorden staan niet meer in het rapport.",
                             "Question '\(question.id)' is gone in version \(toVersion); its earlier answers no longer appear in the report."))
        }
        for question in addedQuestions {
            lines.append(say("Vraag '\(question.id)' is nieuw in versie \(toVersion); wie eerder antwoordde, telt daar niet als overgeslagen.",
                             "Question '\(question.id)' is new in version \(toVersion); earlier respondents do not count as having skipped it."))
        }
        for option in addedOptions {
            lines.append(say("Antwoord '\(option)' is nieuw in versie \(toVersion).", "Answer '\(option)' is new in version \(toVersion)."))
        }
        return lines
    }
}
