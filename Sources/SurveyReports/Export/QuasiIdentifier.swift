import SurveyCore
import SurveyStore

/// A column of the export that a reader who knows the roster can link a row to a family on (a quasi-identifier):
/// group, response method, language, interpreter, each tag, each background answer, the definition version.
///
/// Each column comes with its own generalisation hierarchy: level 0 is the stored value, every next level maps the
/// stored value to a coarser one, and one level past the last the column is removed from the export.
struct QuasiIdentifier {
    /// One step of the hierarchy.
    struct Level {
        /// How this level recodes the stored value, for the explanation (empty at level 0).
        let description: LocalizedText
        /// The stored value at this level.
        let recode: (String) -> String
    }

    /// The column header in the export: `groep`, `afnamewijze`, `kenmerk.nt2`, `thuistaal`, ...
    let name: String
    /// What the column holds, for the codebook.
    let title: LocalizedText
    /// From finest (level 0, the stored value) to coarsest; `levels.count` means removed.
    let levels: [Level]
    /// The label of a value (at any level) for the codebook; nil when the value is its own label.
    let label: (String) -> LocalizedText?
    /// Reads the stored value of this column from a response and its answers by position.
    let read: (StoredResponse, [Answer?]) -> String

    /// The quasi-identifiers of a survey's export, in a fixed order (the order of the export's first columns and the
    /// tie-break of the anonymisation). `position` is a question's index in the answers passed to `read`.
    static func columns(survey: Survey, versions: [String: Int], position: [String: Int]) -> [QuasiIdentifier] {
        var columns = [group, method, language, interpreter]
        for tag in survey.tags { columns.append(self.tag(tag)) }
        for theme in survey.themes where theme.isBackground {
            for question in theme.questions where question.type != .text {
                guard let slot = position[question.id] else { continue }
                columns.append(background(question, slot: slot, survey: survey))
            }
        }
        columns.append(version(versions))
        return columns
    }

    private static var identity: Level { Level(description: [:], recode: { $0 }) }

    static var group: QuasiIdentifier {
        QuasiIdentifier(
            name: "groep", title: ["nl": "Groep of klas", "en": "Group or class"],
            levels: [identity, Level(description: ["nl": "alleen het leerjaar (het eerste getal in de groepsnaam: 5A en 5B worden 5)",
                                                   "en": "the year only (the first number in the group's name: 5A and 5B become 5)"],
                                     recode: { yearOf($0) })],
            label: { $0.isEmpty ? ["nl": "(zonder groep)", "en": "(no group)"] : nil },
            read: { response, _ in response.group ?? "" })
    }

    /// "Groep 5A" -> "5"; a name without a number becomes "overig".
    static func yearOf(_ group: String) -> String {
        let digits = group.drop { !$0.isNumber }.prefix { $0.isNumber }
        return digits.isEmpty ? (group.isEmpty ? "" : "overig") : String(digits)
    }

    /// The method groups of the first recoding: how the answers reached us, not who helped.
    static func methodGroup(_ method: String) -> String {
        switch ResponseMethod(rawValue: method) {
        case .oral, .oralInterpreter: "mondeling"
        case .paperHome, .atSchoolConversation: "schriftelijk"
        case .digital, .digitalAtSchool: "digitaal"
        case nil: "overig"
        }
    }

    static let methodGroupLabels: [String: LocalizedText] = [
        "mondeling": ["nl": "Mondeling (met of zonder tolk)", "en": "Oral (with or without interpreter)"],
        "schriftelijk": ["nl": "Schriftelijk (papier thuis of op school)", "en": "Written (paper at home or at school)"],
        "digitaal": ["nl": "Digitaal (eigen apparaat of op school)", "en": "Digital (own device or at school)"],
    ]

    static var method: QuasiIdentifier {
        QuasiIdentifier(
            name: "afnamewijze", title: ["nl": "Afnamewijze", "en": "Response method"],
            levels: [identity, Level(description: ["nl": "mondeling (met of zonder tolk) / schriftelijk / digitaal",
                                                   "en": "oral (with or without interpreter) / written / digital"],
                                     recode: methodGroup)],
            label: { ResponseMethod(rawValue: $0)?.label ?? methodGroupLabels[$0] },
            read: { response, _ in response.method.rawValue })
    }

    static var language: QuasiIdentifier {
        QuasiIdentifier(
            name: "taal", title: ["nl": "Taal waarin de ouder antwoordde", "en": "Language the parent answered in"],
            levels: [identity, Level(description: ["nl": "Nederlands / anders dan Nederlands", "en": "Dutch / other than Dutch"],
                                     recode: { $0 == "nl" ? "nl" : "niet-nl" })],
            label: { $0 == "niet-nl" ? ["nl": "Anders dan Nederlands", "en": "Other than Dutch"] : nil },
            read: { response, _ in response.language })
    }

    static var interpreter: QuasiIdentifier {
        QuasiIdentifier(
            name: "tolk", title: ["nl": "Soort tolk", "en": "Kind of interpreter"],
            levels: [identity], label: { InterpreterKind(rawValue: $0)?.label },
            read: { response, _ in response.interpreter?.rawValue ?? "" })
    }

    static func tag(_ tag: Tag) -> QuasiIdentifier {
        QuasiIdentifier(
            name: "kenmerk." + tag.id, title: tag.label, levels: [identity],
            label: { $0 == "1" ? ["nl": "Ja", "en": "Yes"] : $0 == "0" ? ["nl": "Nee", "en": "No"] : nil },
            read: { response, _ in response.tags.contains(tag.id) ? "1" : "0" })
    }

    /// A background question: the chosen option ids (or the number); a question whose answers set tags has one
    /// coarser level, the tags the answer sets ("geen" when none).
    static func background(_ question: Question, slot: Int, survey: Survey) -> QuasiIdentifier {
        var levels = [identity]
        if question.type.isChoice, !question.tagMapping.isEmpty {
            let mapping = question.tagMapping
            levels.append(Level(
                description: ["nl": "alleen het kenmerk dat het antwoord geeft (\(mapping.keys.sorted().joined(separator: ", ")) of geen)",
                              "en": "only the tag the answer sets (\(mapping.keys.sorted().joined(separator: ", ")) or none)"],
                recode: { value in
                    guard !value.isEmpty else { return "" }
                    let chosen = value.split(separator: " ").map(String.init)
                    let tags = mapping.filter { !Set($0.value).isDisjoint(with: chosen) }.keys.sorted()
                    return tags.isEmpty ? "geen" : tags.joined(separator: " ")
                }))
        }
        let options = question.choices(otherLabel: survey.interfaceTexts(.other))
        return QuasiIdentifier(
            name: question.id, title: question.text, levels: levels,
            label: { value in
                if let option = options.first(where: { $0.id == value }) { return option.label }
                if let tag = survey.tag(value) { return tag.label }
                return value == "geen" ? ["nl": "Geen kenmerk", "en": "No tag"] : nil
            },
            read: { _, slots in
                guard let answer = slots[slot] else { return "" }
                switch answer.value {
                case .choice(let id): return id
                case .choices(let ids): return ids.joined(separator: " ")
                case .number(let value): return AnswerParser.format(value)
                case .text: return ""
                }
            })
    }

    static func version(_ versions: [String: Int]) -> QuasiIdentifier {
        QuasiIdentifier(
            name: "versie", title: ["nl": "Versie van de vragenlijst", "en": "Version of the survey"], levels: [identity],
            label: { _ in nil }, read: { response, _ in versions[response.definitionHash].map(String.init) ?? "" })
    }
}
