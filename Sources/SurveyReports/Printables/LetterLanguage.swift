import SurveyCore

/// Which language a letter shows beside Dutch for a respondent.
public enum LetterLanguage {
    /// The interface texts a letter uses; a language counts only when the survey has all of them.
    static let keys: [InterfaceKey] = [.invitationGreeting, .invitationText, .invitationHow, .invitationThanks, .codeLabel]

    /// The second language of the letter, or nil for a Dutch-only letter.
    ///
    /// The respondent's own language when the survey has it with every letter text; otherwise English,
    /// so that a parent whose language the survey lacks gets an English text marked as English, never one
    /// that claims to be in their language.
    public static func second(for respondent: Respondent, in survey: Survey) -> String? {
        let code = respondent.language.lowercased()
        if code == "nl" { return nil }
        if survey.language(code) != nil, keys.allSatisfy({ survey.interfaceTexts($0)[code] != nil }) { return code }
        return "en"
    }
}
