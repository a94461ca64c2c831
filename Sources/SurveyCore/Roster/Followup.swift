/// Which response method may reach a parent who has not answered yet (the teacher's follow-up list).
public enum Followup {
    /// A suggested method and the reason, in Dutch and English.
    public static func suggestion(for respondent: Respondent) -> (method: ResponseMethod, reason: LocalizedText) {
        let tags = Set(respondent.tags)
        if respondent.language != "nl" && (tags.contains("nt2") || respondent.language != "en") {
            return (.oralInterpreter, [
                "nl": "spreekt thuis \(Language.dutchName(respondent.language)): bied een gesprek met tolk aan",
                "en": "speaks \(respondent.language) at home: offer a conversation with an interpreter",
            ])
        }
        if tags.contains("nt2") {
            return (.oral, ["nl": "Nederlands is de tweede taal: loop de vragen samen door", "en": "Dutch is a second language: go through the questions together"])
        }
        if tags.contains("tweeverdieners") || tags.contains("alleenstaand") {
            return (.digital, ["nl": "weinig tijd overdag: stuur de persoonlijke link", "en": "little time in the day: send the personal link"])
        }
        if tags.contains("gescheiden") || tags.contains("samengesteld") {
            return (.paperHome, ["nl": "geef elke ouder een eigen brief mee", "en": "give each parent a letter of their own"])
        }
        return (.atSchoolConversation, ["nl": "vraag het bij het tienminutengesprek", "en": "ask at the ten-minute conversation"])
    }
}
