import Yams

/// Reads YAML nodes into values, collecting every problem with its line and column instead of stopping
/// at the first one.
final class DefinitionReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Declared language codes; texts are checked against them.
    var languages: [String] = ["nl"]
    /// Declared languages marked draft: a text missing in one of them is counted, not an error.
    var draftLanguages: Set<String> = []
    /// Per draft language, how many texts it lacks and the first place that lacks one.
    private(set) var missingDraftTexts: [String: (count: Int, first: Node)] = [:]

    init(file: String) {
        self.file = file
    }

    func error(_ node: Node?, _ message: String) {
        report(.error, node, message)
    }

    func warning(_ node: Node?, _ message: String) {
        report(.warning, node, message)
    }

    private func report(_ severity: Diagnostic.Severity, _ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(severity, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message))
    }

    /// The entries of a mapping, reporting keys outside `allowed` (with a suggestion) and missing `required` keys.
    func mapping(
        _ node: Node, _ what: String, allowed: [String], required: [String] = [], extraKeys: (String) -> Bool = { _ in false }
    ) -> [String: (key: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error(node, "\(what) should be a mapping of keys and values (key: value).")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error(key, "\(what) has a key that is not plain text.")
                continue
            }
            if allowed.contains(name) || extraKeys(name) {
                entries[name] = (key, value)
            } else if Self.looksLikeLanguageCode(name), extraKeys("nl") {
                error(key, "\(what) has a text in '\(name)', which is not a declared language. Add '\(name)' to `languages` at the top, or remove this text.")
            } else {
                error(key, "\(what) has an unknown key '\(name)'.\(Suggestion.hint(for: name, in: allowed + (extraKeys("nl") ? languages : [])))")
            }
        }
        for name in required where entries[name] == nil {
            error(node, "\(what) is missing '\(name)'. Add `\(name): ...`.")
        }
        return entries
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            error(node, "\(what) should be a single text value.")
            return nil
        }
        if scalar.string.isEmpty, scalar.style == .plain {
            error(node, "\(what) has no value. Write it after the colon.")
            return nil
        }
        return scalar.string
    }

    /// An id: lowercase letters, digits, "-" and "_", starting with a letter.
    func identifier(_ node: Node?, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if value.isEmpty || !allowed || !("a"..."z").contains(value.unicodeScalars.first!) {
            error(node, "\(what) '\(value)' is not a valid id: use lowercase letters, digits and '-', starting with a letter (e.g. 'kanaal-voorkeur').")
            return nil
        }
        return value
    }

    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node, let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default:
            error(node, "\(what) should be true or false, not '\(text)'.")
            return nil
        }
    }

    func integer(_ node: Node?, _ what: String) -> Int? {
        guard let node, let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            error(node, "\(what) should be a whole number, not '\(text)'.")
            return nil
        }
        return value
    }

    func number(_ node: Node?, _ what: String) -> Double? {
        guard let node, let text = string(node, what) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
            error(node, "\(what) should be a number, not '\(text)'.")
            return nil
        }
        return value
    }

    func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            error(node, "\(what) should be a list (lines starting with '- ').")
            return nil
        }
        return Array(sequence)
    }

    /// A text per language. With `complete`, every declared language must be there (Dutch always).
    func localized(_ node: Node?, _ what: String, complete: Bool = true) -> LocalizedText? {
        guard let node else { return nil }
        guard node.mapping != nil else {
            error(node, "\(what) should give a text per language, like { nl: \"...\", en: \"...\" }.")
            return nil
        }
        guard let entries = mapping(node, what, allowed: [], extraKeys: { self.languages.contains($0) }) else { return nil }
        var text: LocalizedText = [:]
        for (code, entry) in entries {
            if let value = string(entry.value, "\(what) in '\(code)'") {
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    error(entry.value, "\(what) in '\(code)' is empty. Write the text, or remove the line.")
                } else {
                    text[code] = value
                }
            }
        }
        languageCompleteness(text, entries: entries, node: node, what: what, complete: complete)
        return text
    }

    /// The texts of an option line `{ id: ..., nl: ..., en: ... }`.
    func optionTexts(_ entries: [String: (key: Node, value: Node)], node: Node, what: String) -> LocalizedText {
        var text: LocalizedText = [:]
        for (code, entry) in entries where code != "id" {
            if let value = string(entry.value, "\(what) in '\(code)'") { text[code] = value }
        }
        languageCompleteness(text, entries: entries, node: node, what: what, complete: true)
        return text
    }

    private func languageCompleteness(
        _ text: LocalizedText, entries: [String: (key: Node, value: Node)], node: Node, what: String, complete: Bool
    ) {
        var missing = complete ? languages.filter { text[$0] == nil && entries[$0] == nil } : []
        // A draft translation may be unfinished: English is shown in its place, and `validate` counts it.
        for code in missing where draftLanguages.contains(code) {
            missingDraftTexts[code] = ((missingDraftTexts[code]?.count ?? 0) + 1, missingDraftTexts[code]?.first ?? node)
        }
        missing.removeAll { draftLanguages.contains($0) }
        if !missing.isEmpty {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            error(node, "\(what) has no text in \(list). Every text needs each language in `languages`; add `\(missing[0]): \"...\"`.")
        }
    }

    static func looksLikeLanguageCode(_ key: String) -> Bool {
        (2...3).contains(key.count) && key.allSatisfy { $0.isLowercase && $0.isLetter }
    }
}
