import Foundation
import SurveyCore
import SurveyStore

/// One paper form being typed in, carried from page to page in hidden fields (no session state, no
/// JavaScript): what was typed per question, exactly as the terminal's `ouderstem enter` takes it, and
/// checked by the same `TypedEntry` and `AnswerParser` on every page.
struct PaperEntry: Sendable {
    /// First entry, or the second, blind entry that checks it (`ouderstem enter --verify`).
    enum Mode: String, Sendable { case enter, verify }

    var code: String
    var method: ResponseMethod
    var mode: Mode
    /// Question id -> the line typed for it ("1,3", "-", a text).
    var typed: [String: String] = [:]
    /// Question id -> the text for "other, namely".
    var others: [String: String] = [:]
    /// The version of the stored response the entry started from (0: none), so a change made meanwhile is caught.
    var basedOn: Int64 = 0

    static let typedPrefix = "t."
    static let otherPrefix = "o."

    init(code: String, method: ResponseMethod, mode: Mode) {
        self.code = code
        self.method = method
        self.mode = mode
    }

    /// The entry the page posted, or nil when its fields are not an entry.
    init?(_ form: FormBody) {
        guard let code = form["code"], let method = ResponseMethod(rawValue: form["method"] ?? ""),
              let mode = Mode(rawValue: form["mode"] ?? "") else { return nil }
        self.init(code: code, method: method, mode: mode)
        for name in form.names(withPrefix: Self.typedPrefix) { typed[String(name.dropFirst(Self.typedPrefix.count))] = form[name] }
        for name in form.names(withPrefix: Self.otherPrefix) { others[String(name.dropFirst(Self.otherPrefix.count))] = form[name] }
        basedOn = Int64(form["based"] ?? "") ?? 0
    }

    /// The hidden fields that carry this entry to the next page.
    var hiddenFields: [[String: String]] {
        var fields = [["name": "code", "value": code], ["name": "method", "value": method.rawValue], ["name": "mode", "value": mode.rawValue],
                      ["name": "based", "value": String(basedOn)]]
        for (id, line) in typed.sorted(by: { $0.key < $1.key }) { fields.append(["name": Self.typedPrefix + id, "value": line]) }
        for (id, text) in others.sorted(by: { $0.key < $1.key }) { fields.append(["name": Self.otherPrefix + id, "value": text]) }
        return fields
    }

    /// The answers typed so far, each read again by the shared parser ("-" and skipped lines give none).
    func answers(in survey: Survey) -> Answers {
        var answers: Answers = [:]
        for question in survey.questions {
            guard let line = typed[question.id], !TypedEntry.leftOpen.contains(line),
                  let answer = try? TypedEntry.answer(line, otherText: others[question.id], for: question, in: survey) else { continue }
            answers[question.id] = answer
        }
        return survey.visibleAnswers(answers)
    }

    /// The questions shown, given the answers so far (conditions followed, as in the terminal).
    func visible(in survey: Survey) -> [Question] {
        let answers = answers(in: survey)
        return survey.questions.filter { survey.isVisible($0, given: answers) }
    }

    /// What typing `line` (and `other`) for `question` does.
    enum Outcome {
        case next
        case back
        /// An "other" option was chosen: ask its text.
        case needsOther
        case problem(AnswerProblem)
    }

    mutating func take(_ line: String, other: String?, for question: Question, in survey: Survey) -> Outcome {
        let line = line.trimmingCharacters(in: .whitespaces)
        if TypedEntry.back.contains(line.lowercased()) { return .back }
        if TypedEntry.leftOpen.contains(line) {
            typed[question.id] = line
            others[question.id] = nil
            return .next
        }
        do {
            let values = try TypedEntry.values(from: line, for: question, in: survey)
            if values.contains(AnswerOption.otherID), (other ?? "").trimmingCharacters(in: .whitespaces).isEmpty { return .needsOther }
            _ = try AnswerParser.parse(question, values: values, otherText: other)
        } catch let problem as AnswerProblem {
            return .problem(problem)
        } catch {
            return .problem(AnswerProblem(questionID: question.id, .notAnOption))
        }
        typed[question.id] = line
        others[question.id] = (other ?? "").isEmpty ? nil : other
        return .next
    }
}
