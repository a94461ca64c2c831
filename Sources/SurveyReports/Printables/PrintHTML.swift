import SurveyCore

/// Small helpers shared by the printed documents (letters and paper form).
enum PrintHTML {
    /// Escapes text for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `lang` and, for right-to-left scripts, `dir` attributes for an element in `language` of `survey`.
    static func languageAttributes(_ language: String, in survey: Survey) -> String {
        let rightToLeft = survey.language(language)?.rightToLeft ?? Language(code: language).rightToLeft
        return " lang=\"\(escape(language))\" dir=\"\(rightToLeft ? "rtl" : "ltr")\""
    }

    /// `template` with each `{name}` replaced by `values[name]` (values are put in as given: escape them first).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = template
        for (name, value) in values { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
        return out
    }

    /// A complete HTML document around `body`.
    static func document(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
