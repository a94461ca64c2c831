/// A language a survey is offered in.
public struct Language: Sendable, Hashable, Codable {
    /// ISO 639-1 code such as `nl`, `en`, `ar`, `tr`, `pl`.
    public var code: String
    /// True when no native speaker has checked the translation yet.
    public var draft: Bool
    /// True for right-to-left scripts (Arabic, Hebrew, Persian, Urdu...).
    public var rightToLeft: Bool

    public init(code: String, draft: Bool = false, rightToLeft: Bool? = nil) {
        self.code = code
        self.draft = draft
        self.rightToLeft = rightToLeft ?? Language.rightToLeftCodes.contains(code)
    }

    /// Codes written right to left when a definition does not say.
    public static let rightToLeftCodes: Set<String> = ["ar", "he", "fa", "ur", "ps", "ckb", "yi"]

    /// The language's own name, for the language switch on screens and letters.
    public var nativeName: String {
        Language.nativeNames[code] ?? code
    }

    /// The language's Dutch name ("Arabisch"), for teachers' lists; the code when unknown.
    public static func dutchName(_ code: String) -> String {
        dutchNames[code] ?? code
    }

    static let dutchNames: [String: String] = [
        "nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "tr": "Turks", "pl": "Pools", "de": "Duits",
        "fr": "Frans", "es": "Spaans", "pt": "Portugees", "uk": "Oekraïens", "ru": "Russisch", "so": "Somalisch",
        "ti": "Tigrinya", "fa": "Farsi", "prs": "Dari", "ku": "Koerdisch", "ber": "Berbers", "pap": "Papiaments",
        "srn": "Sranantongo", "zh": "Chinees", "bg": "Bulgaars", "ro": "Roemeens", "hu": "Hongaars", "it": "Italiaans",
        "ur": "Urdu", "he": "Hebreeuws",
    ]

    static let nativeNames: [String: String] = [
        "nl": "Nederlands", "en": "English", "ar": "العربية", "tr": "Türkçe", "pl": "Polski",
        "de": "Deutsch", "fr": "Français", "es": "Español", "pt": "Português", "uk": "Українська",
        "ru": "Русский", "so": "Soomaali", "ti": "ትግርኛ", "fa": "فارسی", "prs": "دری", "ku": "Kurdî",
        "ber": "Tamaziɣt", "pap": "Papiamentu", "srn": "Sranantongo", "zh": "中文", "bg": "Български",
        "ro": "Română", "hu": "Magyar", "it": "Italiano", "ur": "اردو", "he": "עברית",
    ]
}
