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
        Tag(id: "gescheiden", label: ["nl": "Gescheiden ouders", "en": "Divorced parents", "ar": "والدان منفصلان"]),
        Tag(id: "samengesteld", label: ["nl": "Samengesteld gezin", "en": "Blended family", "ar": "أسرة مركّبة"]),
        Tag(id: "tweeverdieners", label: ["nl": "Tweeverdieners", "en": "Dual earners", "ar": "كلا الوالدين يعملان"]),
        Tag(id: "alleenstaand", label: ["nl": "Alleenstaande ouder", "en": "Single parent", "ar": "والد وحيد"]),
        Tag(id: "nt2", label: ["nl": "Nederlands als tweede taal", "en": "Dutch as a second language", "ar": "الهولندية لغة ثانية"]),
    ]
}
