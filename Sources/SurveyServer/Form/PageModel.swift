import SurveyCore

/// Builds what a form page template shows: a theme's questions (or every theme's, on the one-page form)
/// in the page language (and Dutch beside it on the interview screen), with the values to show and the
/// problems to fix.
struct PageModel {
    let survey: Survey
    let channel: FormChannel
    let language: String

    func text(_ key: InterfaceKey) -> String { survey.interfaceText(key, language) }

    /// Whether every text also shows in Dutch, for the staff member beside the parent (interview screen).
    var showsDutch: Bool { channel.bilingual && language != "nl" }

    /// The Dutch text beside the parent's language on the interview screen; empty elsewhere.
    func dutch(_ key: InterfaceKey) -> String { showsDutch ? survey.interfaceText(key, "nl") : "" }

    /// A text made in the page language and, on the interview screen, again in Dutch.
    func dutch(_ make: (String) -> String) -> String { showsDutch ? make("nl") : "" }

    /// "Part 2 of 8" in `language`.
    func part(_ n: Int, of total: Int, in language: String) -> String {
        survey.interfaceText(.pageOf, language).replacingOccurrences(of: "{n}", with: String(n)).replacingOccurrences(of: "{total}", with: String(total))
    }

    /// The dictionary the `form` template renders: one theme of the paged form.
    func form(theme: Theme, pageIndex: Int, pageCount: Int, questions: [Question], values: PageValues,
              problems: [AnswerProblem], notice: String? = nil, revealed: [String] = []) -> [String: Any] {
        let isLast = pageIndex == pageCount - 1
        let waiting = waitingFollowUps(questions, of: theme)
        let (shared, byID) = common(questions: questions + waiting, values: values, problems: problems, notice: notice,
                                    revealed: revealed, waiting: Set(waiting.map(\.id)))
        var model = shared
        model.merge(layout(title: "\(theme.title.text(language)) – \(survey.title.text(language))")) { _, new in new }
        model.merge([
            "intro": pageIndex == 0 ? survey.intro?.text(language) ?? "" : "",
            "themeID": theme.id,
            "themeTitle": theme.title.text(language),
            "themeTitleNl": channel.bilingual && language != "nl" ? theme.title.dutch : "",
            "themeIntro": theme.intro?.text(language) ?? "",
            "themeIntroNl": showsDutch ? theme.intro?.dutch ?? "" : "",
            "introNl": showsDutch && pageIndex == 0 ? survey.intro?.dutch ?? "" : "",
            "progress": part(pageIndex + 1, of: pageCount, in: language),
            "progressNl": dutch { part(pageIndex + 1, of: pageCount, in: $0) },
            "progressValue": pageIndex + 1,
            "progressMax": pageCount,
            "action": channel.basePath,
            "questions": theme.questions.compactMap { byID[$0.id] },
            "showPrevious": pageIndex > 0,
            "isLast": isLast,
            // The other layout, opened at this theme.
            "layoutHref": channel.url("/all", language: language) + "#\(sectionAnchor(theme))",
            "layoutLabel": text(.allOnOnePage),
            "layoutLabelNl": dutch(.allOnOnePage),
        ]) { _, new in new }
        return model
    }

    /// The dictionary the `form-all` template renders: every theme that has a question to show, as a
    /// section with its heading, in one form with one "send" button.
    func onePage(sections: [(theme: Theme, questions: [Question])], values: PageValues, problems: [AnswerProblem],
                 notice: String? = nil, revealed: [String] = []) -> [String: Any] {
        let waiting = sections.flatMap { waitingFollowUps($0.questions, of: $0.theme) }
        let questions = sections.flatMap(\.questions)
        let (shared, byID) = common(questions: questions + waiting, values: values, problems: problems, notice: notice,
                                    revealed: revealed, waiting: Set(waiting.map(\.id)))
        var model = shared
        model.merge(layout(title: survey.title.text(language), switchPath: channel.url("/all"))) { _, new in new }
        model.merge([
            "intro": survey.intro?.text(language) ?? "",
            "introNl": showsDutch ? survey.intro?.dutch ?? "" : "",
            "action": channel.url("/all"),
            "sections": sections.enumerated().map { index, section in
                [
                    "anchor": sectionAnchor(section.theme),
                    // "Part 3 of 8" above each theme: on a long page a parent still sees where they are.
                    "part": part(index + 1, of: sections.count, in: language),
                    "partNl": dutch { part(index + 1, of: sections.count, in: $0) },
                    "themeTitle": section.theme.title.text(language),
                    "themeTitleNl": channel.bilingual && language != "nl" ? section.theme.title.dutch : "",
                    "themeIntro": section.theme.intro?.text(language) ?? "",
                    "themeIntroNl": showsDutch ? section.theme.intro?.dutch ?? "" : "",
                    "questions": section.theme.questions.compactMap { byID[$0.id] },
                ] as [String: Any]
            },
            "layoutHref": channel.url(language: language),
            "layoutLabel": text(.onePagePerTheme),
            "layoutLabelNl": dutch(.onePagePerTheme),
        ]) { _, new in new }
        return model
    }

    func sectionAnchor(_ theme: Theme) -> String { "t-\(theme.id)" }

    /// The follow-up questions of `theme` that are not shown yet but whose condition looks at a shown one.
    /// They are sent hidden, for `follow-up.js` to show the moment the answer that brings them up is ticked;
    /// without the script they stay hidden and are not posted as shown (then the page comes back with them).
    func waitingFollowUps(_ shown: [Question], of theme: Theme) -> [Question] {
        let ids = Set(shown.map(\.id))
        return theme.questions.filter { question in
            !ids.contains(question.id) && question.showIf.map { ids.contains($0.question) } == true
        }
    }

    /// What both layouts share: the question models (by id), the error summary
    /// linking to each field, the notice (with links to newly shown follow-up questions), the buttons and
    /// the channel's extras.
    private func common(questions: [Question], values: PageValues, problems: [AnswerProblem], notice: String?,
                        revealed: [String], waiting: Set<String> = []) -> (model: [String: Any], questions: [String: [String: Any]]) {
        let problemByQuestion = Dictionary(problems.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let number = { (question: Question) in survey.questionNumber(question.id) ?? "" }
        let questionModels = Dictionary(uniqueKeysWithValues: questions.map { question in
            var model = self.question(question, number: number(question), values: values, problem: problemByQuestion[question.id])
            if let condition = question.showIf, waiting.contains(question.id) {
                model["waiting"] = true
                model["ifField"] = "q-\(condition.question)"
                model["ifAnswered"] = condition.answered.joined(separator: " ")
            }
            return (question.id, model)
        })
        let errors: [[String: Any]] = questions.compactMap { question in
            guard let problem = problemByQuestion[question.id] else { return nil }
            return ["href": "#\(anchor(question))", "message": problem.message(in: survey, language: language),
                    "messageNl": dutch { problem.message(in: survey, language: $0) },
                    "question": question.text.text(language)]
        }
        let added: [[String: Any]] = questions.filter { revealed.contains($0.id) }.map { question in
            ["href": "#\(anchor(question))", "question": "\(number(question)) \(question.text.text(language))"]
        }
        var model: [String: Any] = [
            "surveyTitle": survey.title.text(language),
            "csrf": channel.csrf ?? "",
            "carried": channel.carried.map { ["name": $0.name, "value": $0.value] },
            "hasErrors": !errors.isEmpty,
            "errorSummary": text(.errorSummary),
            "errorSummaryNl": dutch(.errorSummary),
            "errors": errors,
            "notice": notice ?? "",
            "noticeNl": notice == text(.followUp) ? dutch(.followUp) : "",
            "added": added,
            "hasAdded": !added.isEmpty,
            "previousLabel": text(.previous),
            "previousLabelNl": dutch(.previous),
            "nextLabel": text(.next),
            "nextLabelNl": dutch(.next),
            "submitLabel": text(.submit),
            "submitLabelNl": dutch(.submit),
            "saveLabel": text(.saveLater),
            "showSave": !channel.kiosk && !channel.bilingual,
            "kiosk": channel.kiosk,
            "banner": channel.banner,
            "stopLabel": text(.kioskStop),
            "bilingual": channel.bilingual,
            "autocomplete": channel.kiosk ? "off" : "on",
        ]
        if let idle = channel.idle { model.merge(idle.pageFields) { _, new in new } }
        return (model, questionModels)
    }

    /// Language, direction and the language switch, shared by every parent page.
    func layout(title: String, switchPath: String? = nil) -> [String: Any] {
        let current = survey.language(language) ?? Language(code: language)
        let base = switchPath ?? channel.basePath
        let separator = base.contains("?") ? "&" : "?"
        return [
            "lang": language,
            "dir": current.rightToLeft ? "rtl" : "ltr",
            "title": title,
            "languageLabel": text(.language),
            "languages": survey.languages.map { other in
                ["code": other.code, "name": other.nativeName, "current": other.code == language,
                 "dir": other.rightToLeft ? "rtl" : "ltr", "href": "\(base)\(separator)lang=\(other.code)"] as [String: Any]
            },
            "readAloudLabel": text(.readAloud),
            "readAloudLabelNl": dutch(.readAloud),
        ]
    }

    func anchor(_ question: Question) -> String { "q-\(question.id)" }

    private func question(_ question: Question, number: String, values: PageValues, problem: AnswerProblem?) -> [String: Any] {
        let posted = values.values[question.id] ?? []
        let secondLanguage = channel.bilingual && language != "nl"
        let otherLabel = survey.interfaceTexts(.other)
        let options: [[String: Any]] = question.choices(otherLabel: otherLabel).enumerated().map { index, option in
            [
                "inputID": "q-\(question.id)-\(option.id)",
                "value": option.id,
                "label": option.label.text(language),
                "labelNl": secondLanguage ? option.label.dutch : "",
                "n": index + 1,
                "checked": posted.contains(option.id),
                "isOther": option.id == AnswerOption.otherID,
            ]
        }
        let hint = { (language: String) -> String in
            switch question.type {
            case .single, .scale: return survey.interfaceText(.chooseOne, language)
            case .multiple: return survey.interfaceText(.chooseAny, language)
            case .text: return survey.interfaceText(.textHint, language)
            case .number:
                return survey.interfaceText(.numberRange, language)
                    .replacingOccurrences(of: "{min}", with: AnswerParser.format(question.minimum ?? 0))
                    .replacingOccurrences(of: "{max}", with: AnswerParser.format(question.maximum ?? 999_999))
            }
        }
        return [
            "id": question.id,
            "anchor": anchor(question),
            "field": "q-\(question.id)",
            "number": number,
            "text": question.text.text(language),
            "textNl": secondLanguage ? question.text.dutch : "",
            "help": question.help?.text(language) ?? "",
            "helpNl": showsDutch ? question.help?.dutch ?? "" : "",
            "required": question.required,
            "optionalNote": question.required ? "" : text(.optional),
            "optionalNoteNl": question.required ? "" : dutch(.optional),
            "hint": hint(language),
            "hintNl": dutch(hint),
            "isChoice": question.type.isChoice,
            "inputType": question.type == .multiple ? "checkbox" : "radio",
            "isNumber": question.type == .number,
            "isText": question.type == .text,
            "options": options,
            "hasOther": question.allowsOther,
            "otherField": "other-\(question.id)",
            "otherID": "other-\(question.id)",
            // The option above already says "Anders, namelijk"; the box says what to do with it.
            "otherLabel": text(.textHint),
            "otherLabelNl": dutch(.textHint),
            "otherValue": values.other[question.id] ?? "",
            "value": question.type.isChoice ? "" : posted.first ?? "",
            "maxLength": question.maxLength,
            "hasError": problem != nil,
            "error": problem?.message(in: survey, language: language) ?? "",
            "errorNl": problem.map { problem in dutch { problem.message(in: survey, language: $0) } } ?? "",
            "errorID": "err-\(question.id)",
        ]
    }
}

extension PageModel {
    /// The page where a parent types the code from the letter: at home (`/`) and on the kiosk.
    /// `errorValues` fill the `{name}` slots of the error text (`{minutes}` of `tooManyAttempts`).
    func codeEntry(action: String, error: InterfaceKey?, errorValues: [String: String] = [:], typed: String = "", kiosk: Bool = false,
                   csrf: String? = nil) -> [String: Any] {
        var page = layout(title: survey.title.text(language))
        page.merge([
            "surveyTitle": survey.title.text(language),
            "intro": survey.intro?.text(language) ?? "",
            "prompt": survey.interfaceText(.codePrompt, language),
            "codeLabel": survey.interfaceText(.codeLabel, language),
            "startLabel": survey.interfaceText(.start, language),
            "action": action,
            "error": error.map { AnswerProblem(questionID: "", $0, errorValues).message(in: survey, language: language) } ?? "",
            "typed": typed,
            // A shared school device must not offer the previous parent's code.
            "autocomplete": kiosk ? "off" : "on",
        ]) { _, new in new }
        if kiosk {
            page["kiosk"] = true
            page["csrf"] = csrf ?? ""
        }
        return page
    }
}
