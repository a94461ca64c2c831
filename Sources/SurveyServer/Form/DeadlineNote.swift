import SurveyCore
import SurveyStore

extension PageModel {
    /// "Invullen kan tot en met vrijdag 18 december 2026." at the top of the form, from the peiling
    /// settings (in Dutch beside the parent's language on the interview screen); nothing without a deadline.
    func deadlineNote(_ settings: PeilingSettings?) -> [String: Any] {
        guard let deadline = settings?.deadline else { return [:] }
        let note = { (language: String) in
            survey.interfaceText(.formDeadline, language).replacingOccurrences(of: "{deadline}", with: deadline.text(in: language))
        }
        return ["deadline": note(language), "deadlineNl": dutch(note)]
    }
}
