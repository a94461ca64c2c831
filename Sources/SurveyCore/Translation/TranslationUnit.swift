/// One text of a survey to translate: a title, a question, an answer option, a screen text...
///
/// The id says where the text lives (`question.info-kanaal.option.app`, `interface.next`) and stays the
/// same across exports, so a translation tool can match it again.
public struct TranslationUnit: Sendable, Hashable {
    public var id: String
    /// What the text is and where a parent sees it, for the translator (English).
    public var context: String
    /// The Dutch text, the source of every translation.
    public var source: String
    /// The text in each language that has it (Dutch and English included; built-in screen texts too).
    public var texts: LocalizedText
    /// The longest translation that still fits where it is shown (buttons, scale points), if that matters.
    public var maxLength: Int?

    public init(id: String, context: String, source: String, texts: LocalizedText, maxLength: Int? = nil) {
        self.id = id
        self.context = context
        self.source = source
        self.texts = texts
        self.maxLength = maxLength
    }

    /// The `{name}` placeholders in the Dutch text, which every translation must keep.
    public var placeholders: [String] { Self.placeholders(in: source) }

    static func placeholders(in text: String) -> [String] {
        text.matches(of: /\{[a-z]+\}/).map { String($0.output) }
    }

    /// Screen texts that sit on a button or a narrow label.
    static let shortInterfaceKeys: Set<InterfaceKey> = [
        .next, .previous, .submit, .start, .kioskStop, .readAloud, .language, .codeLabel, .changeAnswers,
        .saveLater, .allOnOnePage, .onePagePerTheme,
    ]
}
