/// How far the translation into one language is: of all texts of a survey (screen texts included), how
/// many are there, how many are missing (English is shown instead), and of those there whether a native
/// speaker has checked them (`draft: true` on the language means not yet).
public struct TranslationStatus: Sendable, Hashable {
    public var language: String
    public var total: Int
    public var present: Int
    /// Present but not checked yet.
    public var draft: Int
    /// Present and checked.
    public var checked: Int

    public var missing: Int { total - present }

    /// The status of every declared language, in the survey's order.
    public static func all(_ catalog: TranslationCatalog) -> [TranslationStatus] {
        catalog.survey.languages.map { status(of: $0.code, in: catalog) }
    }

    /// The status of `code`, declared or not.
    public static func status(of code: String, in catalog: TranslationCatalog) -> TranslationStatus {
        let present = catalog.units.filter { $0.texts[code] != nil }.count
        let isDraft = catalog.survey.language(code)?.draft ?? true
        return TranslationStatus(language: code, total: catalog.units.count, present: present,
                                 draft: isDraft ? present : 0, checked: isDraft ? 0 : present)
    }

    /// "tr  Türkçe  478 present, 0 missing, 478 draft, 0 checked".
    public var line: String {
        "\(present) present, \(missing) missing, \(draft) draft, \(checked) checked"
    }
}
