/// A text in several languages, keyed by language code (`nl`, `en`, `ar`, ...). Dutch is always present
/// in a loaded definition.
public typealias LocalizedText = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The text in `language`, else English, else Dutch: a screen never shows an empty label.
    public func text(_ language: String) -> String {
        self[language] ?? self["en"] ?? self["nl"] ?? ""
    }

    /// The Dutch text.
    public var dutch: String { self["nl"] ?? "" }
}
