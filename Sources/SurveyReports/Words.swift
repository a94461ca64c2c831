import SurveyCore

/// The report's own words in its language: Dutch, or English with `--lang en`.
struct Words: Sendable {
    let language: String

    init(_ language: String) {
        self.language = language == "en" ? "en" : "nl"
    }

    var isEnglish: Bool { language == "en" }

    /// Picks the Dutch or the English text.
    func callAsFunction(_ dutch: String, _ english: String) -> String {
        isEnglish ? english : dutch
    }

    /// A definition text in the report language.
    func callAsFunction(_ text: LocalizedText) -> String { text.text(language) }

    /// "<5": the label of a hidden cell, with the actual minimum.
    func hidden(_ minGroup: Int) -> String { "<\(minGroup)" }

    /// "x": a cell hidden to protect another one (secondary suppression), as Statistics Netherlands marks it.
    var protected: String { "x" }

    /// A number as a person writes it: no ".0", a decimal comma in Dutch.
    func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = String(value)
        return isEnglish ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A share as a person writes it: "62%".
    func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// A mean with one decimal, with a decimal comma in Dutch.
    func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return isEnglish ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// The name of a segment: a tag's label, a group, a method, a language.
    func segmentName(_ segment: Segment, survey: Survey) -> String {
        switch segment.dimension {
        case nil: return self("Alle ouders", "All parents")
        case .tag: return survey.tag(segment.key).map { self($0.label) } ?? segment.key
        case .group: return segment.key.isEmpty ? self("(zonder groep)", "(no group)") : segment.key
        case .method: return ResponseMethod(rawValue: segment.key).map { self($0.label) } ?? segment.key
        case .language: return languageName(segment.key)
        }
    }

    func languageName(_ code: String) -> String {
        let names: [String: (String, String)] = [
            "nl": ("Nederlands", "Dutch"), "en": ("Engels", "English"), "ar": ("Arabisch", "Arabic"), "tr": ("Turks", "Turkish"),
            "pl": ("Pools", "Polish"), "uk": ("Oekraïens", "Ukrainian"), "de": ("Duits", "German"), "fr": ("Frans", "French"),
            "es": ("Spaans", "Spanish"), "so": ("Somalisch", "Somali"), "ti": ("Tigrinya", "Tigrinya"), "fa": ("Perzisch", "Persian"),
            "ber": ("Berbers", "Berber"), "ru": ("Russisch", "Russian"), "pt": ("Portugees", "Portuguese"), "zh": ("Chinees", "Chinese"),
        ]
        guard let name = names[code] else { return code }
        return "\(self(name.0, name.1)) (\(code))"
    }

    func dimensionTitle(_ dimension: Dimension) -> String {
        switch dimension {
        case .tag: self("Per kenmerk", "By family characteristic")
        case .group: self("Per groep", "By group")
        case .method: self("Per afnamewijze", "By response method")
        case .language: self("Per taal van invullen", "By language answered in")
        }
    }
}
