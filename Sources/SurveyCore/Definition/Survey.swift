import Crypto
import Foundation

/// A survey definition: everything the forms, letters, paper version and reports are generated from.
public struct Survey: Sendable, Hashable, Codable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var intro: LocalizedText?
    /// Dutch first.
    public var languages: [Language]
    public var scales: [Scale]
    /// The standard tags plus those the definition declares.
    public var tags: [Tag]
    /// Interface texts given by the definition, overriding or adding to the built-in ones.
    public var interface: [String: LocalizedText]
    public var themes: [Theme]

    public init(
        id: String, version: Int, title: LocalizedText, intro: LocalizedText? = nil, languages: [Language],
        scales: [Scale] = [], tags: [Tag] = Tag.standard, interface: [String: LocalizedText] = [:], themes: [Theme]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.intro = intro
        self.languages = languages
        self.scales = scales
        self.tags = tags
        self.interface = interface
        self.themes = themes
    }

    /// All questions in the order a parent meets them.
    public var questions: [Question] { themes.flatMap(\.questions) }

    public func question(_ id: String) -> Question? {
        for theme in themes { if let q = theme.questions.first(where: { $0.id == id }) { return q } }
        return nil
    }

    public func theme(containing questionID: String) -> Theme? {
        themes.first { $0.questions.contains { $0.id == questionID } }
    }

    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    public func tag(_ id: String) -> Tag? { tags.first { $0.id == id } }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// The interface text for `key` in `language`, falling back to English.
    public func interfaceText(_ key: InterfaceKey, _ language: String) -> String {
        if let own = interface[key.rawValue]?[language] { return own }
        if let builtIn = key.builtIn[language] { return builtIn }
        return interface[key.rawValue]?["en"] ?? key.builtIn["en"] ?? ""
    }

    /// The interface text for `key` in every language that has one.
    public func interfaceTexts(_ key: InterfaceKey) -> LocalizedText {
        key.builtIn.merging(interface[key.rawValue] ?? [:]) { _, own in own }
    }

    /// The SHA-256 of the definition's content (not its layout or comments), as lowercase hex.
    /// Stored with every response so that a later edit never silently changes what an answer meant.
    public var contentHash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
