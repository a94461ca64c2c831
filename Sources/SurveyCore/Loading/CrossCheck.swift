import Yams

/// The checks that look across entries: unique ids, known scales and tags, conditions that point back.
struct CrossCheck {
    let reader: DefinitionReader
    let scales: [(scale: Scale, node: Node)]
    let tags: [Tag]
    let themes: [ParsedTheme]

    func run(_ survey: inout Survey) {
        var themeIDs: Set<String> = []
        for theme in themes where !theme.theme.id.isEmpty {
            if !themeIDs.insert(theme.theme.id).inserted {
                reader.error(theme.idNode ?? theme.node, "the theme id '\(theme.theme.id)' is used twice. Give each theme its own id.")
            }
        }
        var seen: [String: QuestionType] = [:]
        var earlier: [String: Question] = [:]
        for (themeIndex, theme) in themes.enumerated() {
            for (questionIndex, parsed) in theme.questions.enumerated() {
                var question = parsed.question
                check(&question, parsed, earlier: earlier, seen: seen)
                survey.themes[themeIndex].questions[questionIndex] = question
                if !question.id.isEmpty {
                    if seen[question.id] != nil {
                        reader.error(parsed.entries["id"]?.value ?? parsed.node, "the question id '\(question.id)' is used twice. Question ids must be unique in the whole survey.")
                    }
                    seen[question.id] = question.type
                    earlier[question.id] = question
                }
            }
        }
    }

    private func check(_ question: inout Question, _ parsed: ParsedQuestion, earlier: [String: Question], seen: [String: QuestionType]) {
        let what = "question '\(question.id)'"
        let node = parsed.entries["type"]?.value ?? parsed.node
        if parsed.typeKnown { checkType(&question, parsed, at: node) }
        if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
            reader.error(parsed.entries["min"]?.value, "`min` (\(minimum)) is larger than `max` (\(maximum)) in \(what).")
        }
        if question.maxLength < 1 { reader.error(parsed.entries["max_length"]?.value, "`max_length` should be at least 1.") }
        if let most = question.maxChoices, parsed.typeKnown {
            if question.type != .multiple {
                reader.error(parsed.entries["max_choices"]?.value, "`max_choices` only fits a `multiple` question; \(what) is \(question.type.rawValue).")
            } else if most < 1 {
                reader.error(parsed.entries["max_choices"]?.value, "`max_choices` should be at least 1.")
            }
        }
        if let condition = question.showIf { checkCondition(condition, of: question, parsed, earlier: earlier, seen: seen) }
        for (tag, optionIDs) in question.tagMapping {
            let at = parsed.tagNodes[tag]
            if !tags.contains(where: { $0.id == tag }) {
                reader.error(at, "\(what) sets the unknown tag '\(tag)'. Declare it under `tags:` at the top, or use a standard tag.\(Suggestion.hint(for: tag, in: tags.map(\.id)))")
            }
            if parsed.typeKnown, !question.type.isChoice { reader.error(at, "only choice questions can set tags; \(what) is \(question.type.rawValue).") }
            for optionID in optionIDs where !question.hasOption(optionID) && !question.options.isEmpty {
                reader.error(at, "the tag '\(tag)' names '\(optionID)', which is not an option of \(what).\(Suggestion.hint(for: optionID, in: question.options.map(\.id)))")
            }
        }
    }

    /// What the question's type asks of its other keys (options, scale, other).
    private func checkType(_ question: inout Question, _ parsed: ParsedQuestion, at node: Node) {
        let what = "question '\(question.id)'"
        switch question.type {
        case .single, .multiple:
            if parsed.entries["options"] == nil {
                reader.error(node, "\(what) is a \(question.type.rawValue) choice but has no options. Add `options:` with at least two answers.")
            } else if question.options.count + (question.allowsOther ? 1 : 0) < 2 {
                reader.error(parsed.entries["options"]?.value, "\(what) has fewer than two options. A choice needs at least two.")
            }
            if question.scaleID != nil { reader.error(parsed.entries["scale"]?.key, "`scale` only belongs to type scale; \(what) is \(question.type.rawValue).") }
        case .scale:
            if let scaleID = question.scaleID {
                if let scale = scales.first(where: { $0.scale.id == scaleID })?.scale {
                    question.options = scale.points
                } else {
                    let names = scales.map(\.scale.id)
                    let known = names.isEmpty ? "No scales are defined: add them under `scales:`." : "Known scales: \(names.joined(separator: ", "))."
                    reader.error(parsed.entries["scale"]?.value, "\(what) uses the unknown scale '\(scaleID)'. \(known)\(Suggestion.hint(for: scaleID, in: names))")
                }
            } else {
                reader.error(node, "\(what) is a scale question but names no scale. Add `scale: eens5` (or another name under `scales:`).")
            }
            if parsed.entries["options"] != nil { reader.error(parsed.entries["options"]?.key, "\(what) is a scale question: its answers come from the scale, so remove `options:`.") }
        case .text, .number:
            if let options = parsed.entries["options"] {
                reader.error(options.key, "\(what) is a \(question.type.rawValue) question and takes no options. Remove `options:`, or make it single or multiple.")
            }
        }
        if question.allowsOther, !(question.type == .single || question.type == .multiple) {
            reader.error(parsed.entries["other"]?.key, "`other` only belongs to single and multiple questions.")
        }
    }

    private func checkCondition(_ condition: Condition, of question: Question, _ parsed: ParsedQuestion, earlier: [String: Question], seen: [String: QuestionType]) {
        let at = parsed.entries["show_if"]?.value
        guard let target = earlier[condition.question] else {
            let laterExists = themes.contains { $0.questions.contains { $0.question.id == condition.question } }
            if condition.question == question.id {
                reader.error(at, "question '\(question.id)' cannot depend on itself in `show_if`.")
            } else if laterExists {
                reader.error(at, "`show_if` of question '\(question.id)' names '\(condition.question)', which comes later. A condition can only look back: move '\(condition.question)' above it.")
            } else {
                let names = earlier.keys.sorted()
                reader.error(at, "`show_if` of question '\(question.id)' names the unknown question '\(condition.question)'.\(Suggestion.hint(for: condition.question, in: names))")
            }
            return
        }
        guard target.type.isChoice else {
            reader.error(at, "`show_if` can only look at a choice question; '\(target.id)' is \(target.type.rawValue).")
            return
        }
        if condition.answered.isEmpty {
            reader.error(at, "`show_if` of question '\(question.id)' lists no answers. Add the option ids, e.g. `answered: [ja]`.")
        }
        for answer in condition.answered where !target.hasOption(answer) {
            reader.error(at, "`show_if` of question '\(question.id)' names '\(answer)', which is not an option of '\(target.id)'.\(Suggestion.hint(for: answer, in: target.options.map(\.id)))")
        }
    }
}
