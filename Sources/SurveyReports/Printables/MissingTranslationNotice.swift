import SurveyCore

/// On the letter of a family whose home language the survey does not have: a short note in Dutch and
/// English that says so and offers to go through the questions together with an interpreter
/// (De Vries 2013: oral, with an interpreter), instead of a silent English letter.
enum MissingTranslationNotice {
    /// The note as HTML, or "" when the letter is in the family's own language (or Dutch).
    static func html(for respondent: Respondent, in survey: Survey) -> String {
        let code = respondent.language.lowercased()
        guard code != "nl", LetterLanguage.second(for: respondent, in: survey) != code else { return "" }
        let name = Language(code: code).nativeName
        let dutch = "Deze vragenlijst is er nog niet in het \(Language.dutchName(code)) (\(name)). Wilt u de vragen samen met ons doornemen, met een tolk? Zeg het ons; wij regelen een tolk."
        let english = "This questionnaire is not available in \(name) (\(code)) yet. Would you like to go through the questions with us, with an interpreter? Tell us and we will arrange one."
        return """
            <div class="translation-notice" style="border: 1px solid #888; border-radius: 2mm; padding: 2mm 4mm; margin: 4mm 0; font-size: 12pt">
            <p lang="nl" dir="ltr">\(PrintHTML.escape(dutch))</p>
            <p lang="en" dir="ltr">\(PrintHTML.escape(english))</p>
            </div>
            """
    }
}
