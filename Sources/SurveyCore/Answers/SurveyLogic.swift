/// Conditions, completeness and self-reported tags: what follows from a set of answers.
extension Survey {
    /// Whether `question` is shown, given the answers so far. A question whose condition looks at a hidden
    /// question is hidden too.
    public func isVisible(_ question: Question, given answers: Answers) -> Bool {
        guard let condition = question.showIf else { return true }
        guard let target = self.question(condition.question), isVisible(target, given: answers),
              let answer = answers[condition.question] else { return false }
        return !Set(answer.chosen).isDisjoint(with: condition.answered)
    }

    /// The answers without those to questions that are hidden by their condition.
    public func visibleAnswers(_ answers: Answers) -> Answers {
        answers.filter { id, _ in question(id).map { isVisible($0, given: answers) } ?? false }
    }

    /// Required questions that are shown but not answered.
    public func missingRequired(_ answers: Answers) -> [Question] {
        questions.filter { $0.required && isVisible($0, given: answers) && answers[$0.id] == nil }
    }

    /// The tags that background answers set (self-reported, e.g. `alleenstaand`).
    public func selfReportedTags(_ answers: Answers) -> Set<String> {
        var tags: Set<String> = []
        for question in questions where !question.tagMapping.isEmpty {
            guard let answer = answers[question.id] else { continue }
            for (tag, optionIDs) in question.tagMapping where !Set(optionIDs).isDisjoint(with: answer.chosen) {
                tags.insert(tag)
            }
        }
        return tags
    }
}
