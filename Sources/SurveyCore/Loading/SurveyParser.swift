import Yams

/// Turns the YAML node tree into a `Survey`, then checks what crosses entries (ids, scales, conditions).
struct SurveyParser {
    let reader: DefinitionReader

    static let rootKeys = ["id", "version", "title", "intro", "languages", "scales", "tags", "interface", "themes"]
    static let themeKeys = ["id", "title", "intro", "background", "discussion", "questions"]
    static let questionKeys = ["id", "type", "text", "help", "required", "options", "other", "scale", "show_if", "tags", "min", "max", "max_length", "max_choices"]

    func survey(_ root: Node) -> Survey? {
        guard let entries = reader.mapping(root, "The survey", allowed: Self.rootKeys, required: ["id", "title", "languages", "themes"]) else {
            return nil
        }
        let languages = entries["languages"].map { languageList($0.value) } ?? []
        reader.languages = languages.map(\.code)
        reader.draftLanguages = Set(languages.filter(\.draft).map(\.code))
        let id = reader.identifier(entries["id"]?.value, "The survey id") ?? ""
        let version = entries["version"].flatMap { reader.integer($0.value, "The version") } ?? 1
        let title = reader.localized(entries["title"]?.value, "The survey title") ?? [:]
        let intro = reader.localized(entries["intro"]?.value, "The survey intro")
        let scales = entries["scales"].map { scaleList($0.value) } ?? []
        let tags = Tag.standard + (entries["tags"].map { tagList($0.value) } ?? [])
        let interface = entries["interface"].map { interfaceTexts($0.value, languages: languages) } ?? [:]
        if entries["interface"] == nil { warnMissingInterface(languages: languages, given: [:], at: entries["languages"]?.value) }
        let themes = entries["themes"].flatMap { themeList($0.value) } ?? []
        warnUnfinishedDrafts(languages)

        var survey = Survey(id: id, version: version, title: title, intro: intro, languages: languages,
                            scales: scales.map(\.scale), tags: tags, interface: interface, themes: themes.map(\.theme))
        CrossCheck(reader: reader, scales: scales, tags: tags, themes: themes).run(&survey)
        return survey
    }

    // MARK: Languages

    private func languageList(_ node: Node) -> [Language] {
        guard let items = reader.sequence(node, "`languages`") else { return [] }
        var languages: [Language] = []
        for item in items {
            var language: Language?
            if item.scalar != nil {
                language = reader.identifier(item, "The language code").map { Language(code: $0) }
            } else if let entries = reader.mapping(item, "A language", allowed: ["code", "draft", "direction"], required: ["code"]) {
                if let code = reader.identifier(entries["code"]?.value, "The language code") {
                    let draft = entries["draft"].flatMap { reader.bool($0.value, "`draft`") } ?? false
                    var rtl: Bool?
                    if let direction = entries["direction"], let text = reader.string(direction.value, "`direction`") {
                        if text == "rtl" { rtl = true } else if text == "ltr" { rtl = false } else {
                            reader.error(direction.value, "`direction` should be 'rtl' (right to left) or 'ltr', not '\(text)'.")
                        }
                    }
                    language = Language(code: code, draft: draft, rightToLeft: rtl)
                    if draft {
                        reader.warning(item, "the '\(code)' translation is marked draft: have a native speaker check it, then remove `draft: true`.")
                    }
                }
            }
            guard let language else { continue }
            if languages.contains(where: { $0.code == language.code }) {
                reader.error(item, "the language '\(language.code)' is listed twice. Keep one.")
            } else {
                languages.append(language)
            }
        }
        if languages.first?.code != "nl" {
            reader.error(node, "`languages` should start with nl: Dutch comes first, e.g. [nl, en].")
        }
        return languages
    }

    // MARK: Scales and tags

    private func scaleList(_ node: Node) -> [(scale: Scale, node: Node)] {
        guard let mapping = node.mapping else {
            reader.error(node, "`scales` should map a scale name to its points, e.g. `eens5: { top: 2, points: [...] }`.")
            return []
        }
        var scales: [(Scale, Node)] = []
        for (key, value) in mapping {
            guard let id = reader.identifier(key, "The scale name"),
                  let entries = reader.mapping(value, "The scale '\(id)'", allowed: ["points", "top", "top_label"], required: ["points"])
            else { continue }
            let points = entries["points"].map { optionList($0.value, kind: "point", of: "scale '\(id)'") } ?? []
            if entries["points"] != nil, points.count < 2 {
                reader.error(entries["points"]!.value, "the scale '\(id)' needs at least two points.")
            }
            var top = entries["top"].flatMap { reader.integer($0.value, "`top`") } ?? 1
            if top < 1 || top >= max(points.count, 2) {
                let range = points.count <= 2 ? "1" : "between 1 and \(points.count - 1)"
                reader.error(entries["top"]?.value ?? value, "`top` of scale '\(id)' should be \(range): how many of the highest points count as positive.")
                top = 1
            }
            let topLabel = reader.localized(entries["top_label"]?.value, "The `top_label` of scale '\(id)'")
                ?? points.last?.label ?? [:]
            scales.append((Scale(id: id, points: points, top: top, topLabel: topLabel), key))
        }
        return scales
    }

    private func tagList(_ node: Node) -> [Tag] {
        optionList(node, kind: "tag").map { Tag(id: $0.id, label: $0.label) }
    }

    /// Lines like `{ id: app, nl: "...", en: "..." }`; `kind` is "option", "point" or "tag", `owner` what they belong to.
    func optionList(_ node: Node, kind: String, of owner: String = "") -> [AnswerOption] {
        let suffix = owner.isEmpty ? "" : " of \(owner)"
        guard let items = reader.sequence(node, "The \(kind)s\(suffix)") else { return [] }
        var options: [AnswerOption] = []
        for item in items {
            let label = item.mapping?["id"]?.string.map { "The \(kind) '\($0)'\(suffix)" } ?? "\(kind.hasPrefix("o") ? "An" : "A") \(kind)\(suffix)"
            guard let entries = reader.mapping(item, label, allowed: ["id"], required: ["id"], extraKeys: { reader.languages.contains($0) }),
                  let id = reader.identifier(entries["id"]?.value, "The \(kind) id")
            else { continue }
            if options.contains(where: { $0.id == id }) {
                reader.error(item, "the \(kind) id '\(id)' is used twice\(owner.isEmpty ? "" : " in \(owner)"). Give each one its own id.")
                continue
            }
            options.append(AnswerOption(id: id, label: reader.optionTexts(entries, node: item, what: label)))
        }
        return options
    }

    // MARK: Interface texts

    private func interfaceTexts(_ node: Node, languages: [Language]) -> [String: LocalizedText] {
        let keys = InterfaceKey.allCases.map(\.rawValue)
        guard let entries = reader.mapping(node, "`interface`", allowed: keys) else { return [:] }
        var texts: [String: LocalizedText] = [:]
        for (key, entry) in entries {
            texts[key] = reader.localized(entry.value, "The interface text '\(key)'", complete: false)
        }
        warnMissingInterface(languages: languages, given: texts, at: node)
        return texts
    }

    private func warnMissingInterface(languages: [Language], given: [String: LocalizedText], at node: Node?) {
        for language in languages {
            let missing = InterfaceKey.allCases.filter { $0.builtIn[language.code] == nil && given[$0.rawValue]?[language.code] == nil }
            if !missing.isEmpty {
                let names = missing.prefix(4).map(\.rawValue).joined(separator: ", ") + (missing.count > 4 ? ", ..." : "")
                reader.warning(node, "\(missing.count) screen texts have no '\(language.code)' version (\(names)); English is shown instead. Add them under `interface:`.")
            }
        }
    }

    /// One warning per draft language that lacks texts, at the first one.
    private func warnUnfinishedDrafts(_ languages: [Language]) {
        for language in languages {
            guard let missing = reader.missingDraftTexts[language.code] else { continue }
            let texts = missing.count == 1 ? "1 text has" : "\(missing.count) texts have"
            reader.warning(missing.first, "\(texts) no '\(language.code)' translation yet (the first is here); English is shown instead. Translate them with `ouderstem survey translate export FILE --lang \(language.code)`.")
        }
    }

    // MARK: Themes and questions

    private func themeList(_ node: Node) -> [ParsedTheme]? {
        guard let items = reader.sequence(node, "`themes`") else { return nil }
        if items.isEmpty { reader.error(node, "`themes` is empty: a survey needs at least one theme with questions.") }
        return items.compactMap(theme)
    }

    private func theme(_ node: Node) -> ParsedTheme? {
        let label = node.mapping?["id"]?.string.map { "Theme '\($0)'" } ?? "A theme"
        guard let entries = reader.mapping(node, label, allowed: Self.themeKeys, required: ["id", "title", "questions"]) else { return nil }
        let id = reader.identifier(entries["id"]?.value, "The theme id") ?? ""
        let title = reader.localized(entries["title"]?.value, "The title of theme '\(id)'") ?? [:]
        let intro = reader.localized(entries["intro"]?.value, "The intro of theme '\(id)'")
        let background = entries["background"].flatMap { reader.bool($0.value, "`background`") } ?? false
        let discussion = entries["discussion"].map { discussionList($0.value, theme: id) } ?? []
        var questions: [ParsedQuestion] = []
        if let items = entries["questions"].flatMap({ reader.sequence($0.value, "The questions of theme '\(id)'") }) {
            if items.isEmpty { reader.error(entries["questions"]?.value, "theme '\(id)' has no questions. Add one, or remove the theme.") }
            questions = items.compactMap(question)
        }
        let theme = Theme(id: id, title: title, intro: intro, isBackground: background,
                          questions: questions.map(\.question), discussion: discussion)
        return ParsedTheme(theme: theme, node: node, idNode: entries["id"]?.value, questions: questions)
    }

    private func discussionList(_ node: Node, theme: String) -> [DiscussionQuestion] {
        guard let items = reader.sequence(node, "`discussion`") else { return [] }
        return items.compactMap { item in
            guard let entries = reader.mapping(item, "A discussion question", allowed: ["source"], extraKeys: { reader.languages.contains($0) })
            else { return nil }
            let source = entries["source"].flatMap { reader.string($0.value, "`source`") }
            return DiscussionQuestion(source: source, text: reader.optionTexts(entries, node: item, what: "A discussion question of theme '\(theme)'"))
        }
    }

    private func question(_ node: Node) -> ParsedQuestion? {
        let label = node.mapping?["id"]?.string.map { "Question '\($0)'" } ?? "A question"
        guard let entries = reader.mapping(node, label, allowed: Self.questionKeys, required: ["id", "type", "text"]) else { return nil }
        let id = reader.identifier(entries["id"]?.value, "The question id") ?? ""
        let what = "Question '\(id)'"
        var type = QuestionType.text
        var typeKnown = false
        if let typeNode = entries["type"]?.value, let name = reader.string(typeNode, "The type of \(what.lowercased())") {
            if let known = QuestionType(rawValue: name) {
                type = known
                typeKnown = true
            } else {
                let names = QuestionType.allCases.map(\.rawValue)
                reader.error(typeNode, "\(what) has an unknown type '\(name)'; use one of \(names.joined(separator: ", ")).\(Suggestion.hint(for: name, in: names))")
            }
        }
        var question = Question(id: id, type: type, text: reader.localized(entries["text"]?.value, "The text of \(what.lowercased())") ?? [:])
        question.help = reader.localized(entries["help"]?.value, "The help of \(what.lowercased())")
        question.required = entries["required"].flatMap { reader.bool($0.value, "`required`") } ?? false
        question.options = entries["options"].map { optionList($0.value, kind: "option", of: what.lowercased()) } ?? []
        question.allowsOther = entries["other"].flatMap { reader.bool($0.value, "`other`") } ?? false
        question.scaleID = entries["scale"].flatMap { reader.identifier($0.value, "The scale") }
        question.minimum = entries["min"].flatMap { reader.number($0.value, "`min`") }
        question.maximum = entries["max"].flatMap { reader.number($0.value, "`max`") }
        question.maxLength = entries["max_length"].flatMap { reader.integer($0.value, "`max_length`") } ?? Question.defaultMaxLength
        question.maxChoices = entries["max_choices"].flatMap { reader.integer($0.value, "`max_choices`") }
        if let condition = entries["show_if"] {
            if let parts = reader.mapping(condition.value, "`show_if`", allowed: ["question", "answered"], required: ["question", "answered"]),
               let target = reader.identifier(parts["question"]?.value, "The question in `show_if`") {
                let answered = (parts["answered"].flatMap { reader.sequence($0.value, "`answered`") } ?? [])
                    .compactMap { reader.string($0, "An answer in `answered`") }
                question.showIf = Condition(question: target, answered: answered)
            }
        }
        var tagNodes: [String: Node] = [:]
        if let tags = entries["tags"], let mapping = tags.value.mapping {
            for (key, value) in mapping {
                guard let tag = reader.identifier(key, "The tag") else { continue }
                let options = (reader.sequence(value, "The options that set tag '\(tag)'") ?? []).compactMap { reader.string($0, "An option id") }
                question.tagMapping[tag] = options
                tagNodes[tag] = key
            }
        } else if let tags = entries["tags"] {
            reader.error(tags.value, "`tags` should map a tag to the option ids that set it, e.g. `tags: { alleenstaand: [een-ouder] }`.")
        }
        return ParsedQuestion(question: question, node: node, entries: entries, tagNodes: tagNodes, typeKnown: typeKnown)
    }
}

/// A theme with the nodes needed to place messages found after parsing.
struct ParsedTheme {
    var theme: Theme
    var node: Node
    var idNode: Node?
    var questions: [ParsedQuestion]
}

struct ParsedQuestion {
    var question: Question
    var node: Node
    var entries: [String: (key: Node, value: Node)]
    var tagNodes: [String: Node]
    /// False when the type is missing or unknown: that is reported once, not again as "a text question takes no options".
    var typeKnown = true
}
