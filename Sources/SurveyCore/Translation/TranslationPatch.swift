import Yams

/// Writes translations into the YAML text of a definition, changing nothing but those texts: every other
/// byte (comments, order, quotes, blank lines) stays as it was.
struct TranslationPatch {
    let catalog: TranslationCatalog
    let language: String
    private let source: YAMLSource
    private var edits: [Edit] = []

    /// A replacement of `start..<end` (an insertion when they are equal); `order` keeps insertions at one
    /// place in the order of the file.
    struct Edit {
        var start: Int
        var end: Int
        var text: String
        var order: Int
    }

    init(catalog: TranslationCatalog, language: String) {
        self.catalog = catalog
        self.language = language
        source = YAMLSource(catalog.yaml)
    }

    /// The YAML with `targets` (unit id -> text in `language`) written in, and the language declared
    /// (as a draft) when the survey did not have it yet.
    mutating func apply(_ targets: [String: String]) throws(TranslationWriteError) -> String {
        var missingSection: [(key: String, text: String)] = []
        for (order, unit) in catalog.units.enumerated() {
            guard let text = targets[unit.id], let place = catalog.places[unit.id] else { continue }
            let quoted = YAMLSource.quoted(text)
            if let texts = place.texts {
                if let value = texts[language] {
                    guard let mark = value.mark, let end = source.end(of: value) else { throw cannotWrite(unit.id, value) }
                    edits.append(Edit(start: source.offset(mark), end: end, text: quoted, order: order))
                } else {
                    try insert("\(language): \(quoted)", into: texts, unit: unit.id, order: order)
                }
            } else if let key = place.interfaceKey {
                if let section = place.interface {
                    try insert("\(key): { \(language): \(quoted) }", into: section, unit: unit.id, order: order)
                } else {
                    missingSection.append((key, quoted))
                }
            }
        }
        if !missingSection.isEmpty { try addInterfaceSection(missingSection) }
        if catalog.survey.language(language) == nil { try declareLanguage() }
        return render()
    }

    /// Adds `entry` (`key: value`) as the last entry of a mapping, in the mapping's own style.
    private mutating func insert(_ entry: String, into mapping: Node, unit: String, order: Int) throws(TranslationWriteError) {
        guard case let .mapping(pairs) = mapping, let last = Array(pairs).last, let end = source.end(of: last.value),
              let keyMark = Array(pairs).first?.key.mark
        else { throw cannotWrite(unit, mapping) }
        if source.isFlow(mapping) {
            edits.append(Edit(start: end, end: end, text: ", " + entry, order: order))
        } else {
            let at = source.lineEnd(from: end)
            let indent = String(repeating: " ", count: keyMark.column - 1)
            edits.append(Edit(start: at, end: at, text: lineBreak + indent + entry, order: order))
        }
    }

    /// A file without `interface:` gets one, just before `themes:`.
    private mutating func addInterfaceSection(_ entries: [(key: String, text: String)]) throws(TranslationWriteError) {
        guard case let .mapping(pairs) = catalog.root,
              let themes = pairs.first(where: { $0.key.string == "themes" })?.key, let mark = themes.mark
        else { throw cannotWrite("interface", catalog.root) }
        let at = source.lineStarts[mark.line - 1]
        let indent = String(repeating: " ", count: mark.column - 1)
        var text = indent + "interface:" + lineBreak
        for entry in entries { text += indent + "  \(entry.key): { \(language): \(entry.text) }" + lineBreak }
        edits.append(Edit(start: at, end: at, text: text + lineBreak, order: Int.max))
    }

    /// Adds `{ code: xx, draft: true }` to `languages`: a new translation is a draft until checked.
    private mutating func declareLanguage() throws(TranslationWriteError) {
        guard let list = catalog.root["languages"], case let .sequence(items) = list, let last = items.last,
              let end = source.end(of: last), let mark = last.mark
        else { throw cannotWrite("languages", catalog.root["languages"] ?? catalog.root) }
        let entry = "{ code: \(language), draft: true }"
        if source.isFlow(list) {
            edits.append(Edit(start: end, end: end, text: ", " + entry, order: -1))
        } else {
            let at = source.lineEnd(from: end)
            let indent = source.indentation(ofLineAt: source.offset(mark))
            edits.append(Edit(start: at, end: at, text: lineBreak + indent + "- " + entry, order: -1))
        }
    }

    /// The file's own line break, so a Windows file stays a Windows file.
    private var lineBreak: String { catalog.yaml.contains("\r\n") ? "\r\n" : "\n" }

    private func render() -> String {
        let sorted = edits.sorted { ($0.start, $0.order) < ($1.start, $1.order) }
        var out = String.UnicodeScalarView()
        var position = 0
        for edit in sorted {
            out.append(contentsOf: source.scalars[position..<max(position, edit.start)])
            out.append(contentsOf: edit.text.unicodeScalars)
            position = max(position, edit.end)
        }
        out.append(contentsOf: source.scalars[position...])
        return String(out)
    }

    private func cannotWrite(_ unit: String, _ node: Node) -> TranslationWriteError {
        TranslationWriteError(file: catalog.file, line: node.mark?.line ?? 1, unit: unit)
    }
}

/// A text whose place in the YAML this tool cannot rewrite safely (an alias, a plain text over several lines).
public struct TranslationWriteError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var unit: String

    public var description: String {
        "\(file):\(line): cannot write the translation of '\(unit)' here safely; put the texts of this entry in double quotes on one line each and import again. Nothing was written."
    }
}
