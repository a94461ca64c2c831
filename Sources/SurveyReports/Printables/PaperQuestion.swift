import SurveyCore

/// One question of the paper form as a block that is never split over two pages: number, text (with the
/// Dutch beside it when the form is in another language), condition, help, and boxes or lines to fill in.
struct PaperQuestion {
    let survey: Survey
    let language: String
    let numbering: PaperNumbering

    func html(_ question: Question) -> String {
        let number = numbering.number(of: question.id) ?? ""
        var out = "<div class=\"q\" data-question=\"\(e(question.id))\">\n"
        if let condition = question.showIf {
            out += "<p class=\"cond\">\(e(PaperCondition.text(condition, in: survey, language: language, numbers: numbering)))</p>\n"
            if language != "nl" {
                out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(PaperCondition.text(condition, in: survey, language: "nl", numbers: numbering)))</p>\n"
            }
        }
        let optional = question.required ? "" : " <span class=\"opt\">\(e(survey.interfaceText(.optional, language)))</span>"
        out += "<h3><span class=\"num\" dir=\"ltr\">\(number)</span><span class=\"qt\">\(e(question.text.text(language)))\(optional)</span></h3>\n"
        if language != "nl" {
            out += "<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(number) \(e(question.text.dutch))</p>\n"
        }
        if let help = question.help { out += "<p class=\"help\">\(e(help.text(language)))</p>\n" }
        out += answerArea(question)
        return out + "</div>\n"
    }

    private func answerArea(_ question: Question) -> String {
        switch question.type {
        case .single, .multiple:
            let hint = survey.interfaceText(question.type == .single ? .chooseOne : .chooseAny, language)
            let items = question.choices(otherLabel: survey.interfaceTexts(.other)).enumerated().map { index, option in
                option.id == AnswerOption.otherID ? otherItem(index + 1, option) : item(index + 1, option)
            }
            return "<p class=\"hint\">\(e(hint))</p>\n<ol class=\"options\">\n\(items.joined(separator: "\n"))\n</ol>\n"
        case .scale:
            let hint = survey.interfaceText(.chooseOne, language)
            let items = question.options.enumerated().map { index, option in item(index + 1, option) }
            return "<p class=\"hint\">\(e(hint))</p>\n<ol class=\"options scale\" style=\"--points: \(question.options.count)\">\n\(items.joined(separator: "\n"))\n</ol>\n"
        case .number:
            var hint = survey.interfaceText(.numberHint, language)
            if let minimum = question.minimum, let maximum = question.maximum {
                hint = survey.interfaceText(.numberRange, language)
                    .replacingOccurrences(of: "{min}", with: AnswerParser.format(minimum))
                    .replacingOccurrences(of: "{max}", with: AnswerParser.format(maximum))
            }
            let digits = max(2, question.maximum.map { AnswerParser.format($0.rounded(.up)).count } ?? 3)
            let boxes = String(repeating: "<span class=\"cbox\"></span>", count: digits)
            return "<p class=\"hint\">\(e(hint))</p>\n<div class=\"number\" dir=\"ltr\">\(boxes)</div>\n"
        case .text:
            let lines = String(repeating: "<span class=\"line\"></span>", count: 4)
            return "<p class=\"hint\">\(e(survey.interfaceText(.textHint, language)))</p>\n<div class=\"lines\">\(lines)</div>\n"
        }
    }

    /// A box, the number staff type in, and the label (with the Dutch label when the form is in another language).
    private func item(_ number: Int, _ option: AnswerOption) -> String {
        "<li><span class=\"box\"></span><span class=\"n\" dir=\"ltr\">\(number)</span><span class=\"label\">\(e(option.label.text(language)))\(dutch(option.label))</span></li>"
    }

    private func otherItem(_ number: Int, _ option: AnswerOption) -> String {
        "<li class=\"other\"><span class=\"box\"></span><span class=\"n\" dir=\"ltr\">\(number)</span><span class=\"label\">\(e(option.label.text(language)))\(dutch(option.label))</span><span class=\"fill\"></span></li>"
    }

    private func dutch(_ label: LocalizedText) -> String {
        language == "nl" ? "" : " <span class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(e(label.dutch))</span>"
    }

    private func e(_ text: String) -> String { PrintHTML.escape(text) }
}
