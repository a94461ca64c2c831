import Foundation
import SurveyCore
import SurveyStore

/// The interface texts of a letter in one language with the settings filled in: each value escaped and
/// isolated (`<bdi>`), so a Dutch school name inside an Arabic sentence keeps the sentence's order.
struct LetterTexts {
    let survey: Survey
    let settings: PeilingSettings
    let language: String
    /// The parent's group, for a letter whose settings name no groups.
    let group: String

    /// The text for `key` as HTML; `link` is markup put in place of `{link}`.
    func fill(_ key: InterfaceKey, link: String = "") -> String {
        var values: [String: String] = [
            "school": settings.school ?? "",
            "groups": settings.groups ?? group,
            "contact": settings.contact ?? "",
            // A non-breaking hyphen keeps a phone number such as 010-1234567 on one line.
            "contact_info": (settings.contactInfo ?? "").replacingOccurrences(of: #"(?<=\d)-(?=\d)"#, with: "\u{2011}", options: .regularExpression),
            "deadline": settings.deadline?.text(in: language) ?? "",
            "survey": survey.title.text(language),
        ]
        values = values.mapValues { "<bdi>\(PrintHTML.escape($0))</bdi>" }
        values["link"] = link
        return PrintHTML.fill(PrintHTML.escape(survey.interfaceText(key, language)), values)
    }
}
