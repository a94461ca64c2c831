/// A diversity tag (kenmerk) on a respondent, such as `nt2` or `alleenstaand`.
public struct Tag: Sendable, Hashable, Codable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }

    /// The five family situations De Vries (2013) asks a school to keep in view when it selects parents.
    public static let standard: [Tag] = [
        Tag(id: "gescheiden", label: ["nl": "Gescheiden ouders", "en": "Divorced parents", "ar": "والدان منفصلان",
                                          "tr": "Boşanmış ebeveynler", "pl": "Rozwiedzeni rodzice", "uk": "Розлучені батьки"]),
        Tag(id: "samengesteld", label: ["nl": "Samengesteld gezin", "en": "Blended family", "ar": "أسرة مركّبة",
                                            "tr": "Birleşik aile", "pl": "Rodzina patchworkowa", "uk": "Змішана сім’я"]),
        Tag(id: "tweeverdieners", label: ["nl": "Tweeverdieners", "en": "Dual earners", "ar": "كلا الوالدين يعملان",
                                              "tr": "İki ebeveyn de çalışıyor", "pl": "Oboje rodzice pracują", "uk": "Обоє батьків працюють"]),
        Tag(id: "alleenstaand", label: ["nl": "Alleenstaande ouder", "en": "Single parent", "ar": "والد وحيد",
                                            "tr": "Tek ebeveyn", "pl": "Samotny rodzic", "uk": "Батько чи мати-одинак"]),
        Tag(id: "nt2", label: ["nl": "Nederlands als tweede taal", "en": "Dutch as a second language", "ar": "الهولندية لغة ثانية",
                                   "tr": "İkinci dil olarak Hollandaca", "pl": "Niderlandzki jako drugi język", "uk": "Нідерландська як друга мова"]),
    ]
}
