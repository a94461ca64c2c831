import Foundation
import Yams

/// Every translatable text of a survey definition, in the order of the file, with the place in the YAML
/// where each language's text is (or would go).
public struct TranslationCatalog {
    public let file: String
    public let survey: Survey
    public let units: [TranslationUnit]
    /// The YAML text the catalog was read from.
    public let yaml: String
    let places: [String: TextPlace]
    let root: Node

    /// Where a unit's texts live in the YAML.
    struct TextPlace {
        /// The mapping of language codes to texts (an option line `{ id: .., nl: .. }` counts), if there is one.
        var texts: Node?
        /// For a screen text without an entry: the `interface:` mapping to add it to (nil when the file has none).
        var interface: Node?
        var interfaceKey: String?
    }

    /// The catalog of a valid definition; throws `SurveyDefinitionError` when the file has errors.
    public init(yaml: String, file: String) throws {
        self.file = file
        self.yaml = yaml
        survey = try SurveyLoader.load(yaml: yaml, file: file).survey
        guard let root = try Yams.compose(yaml: yaml) else {
            throw SurveyDefinitionError(diagnostics: [Diagnostic(.error, file: file, line: 1, column: 1, "the file is empty.")])
        }
        self.root = root
        var walker = Walker(survey: survey)
        walker.walk(root)
        units = walker.units
        places = walker.places
    }

    /// Reads and catalogs a definition file.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SurveyDefinitionError(diagnostics: [
                Diagnostic(.error, file: path, line: 1, column: 1, "cannot read the file: check the path."),
            ])
        }
        try self.init(yaml: String(decoding: data, as: UTF8.self), file: path)
    }

    public func unit(_ id: String) -> TranslationUnit? { units.first { $0.id == id } }

    /// Collects the units while walking the node tree the way `SurveyParser` reads it.
    private struct Walker {
        let survey: Survey
        var units: [TranslationUnit] = []
        var places: [String: TextPlace] = [:]

        mutating func walk(_ root: Node) {
            add("title", "Title of the survey (letter, form and paper form)", root["title"])
            add("intro", "Introduction at the top of the form and the paper form", root["intro"])
            if let scales = root["scales"]?.mapping {
                for (key, scale) in scales {
                    guard let id = key.string else { continue }
                    add("scale.\(id).top_label", "Report heading for the highest points of the answer scale '\(id)'", scale["top_label"])
                    let points = scale["points"]?.sequence.map(Array.init) ?? []
                    for (index, point) in points.enumerated() {
                        guard let pointID = point["id"]?.string else { continue }
                        add("scale.\(id).\(pointID)", "Answer on the scale '\(id)' (point \(index + 1) of \(points.count))", point, maxLength: 40)
                    }
                }
            }
            for tag in root["tags"]?.sequence.map(Array.init) ?? [] {
                guard let id = tag["id"]?.string else { continue }
                add("tag.\(id)", "Family situation (tag), shown to staff in lists and reports", tag)
            }
            interface(root)
            let themes = root["themes"]?.sequence.map(Array.init) ?? []
            for (t, theme) in themes.enumerated() {
                guard let id = theme["id"]?.string else { continue }
                let part = "part \(t + 1) of \(themes.count)"
                add("theme.\(id).title", "Title of \(part)", theme["title"])
                add("theme.\(id).intro", "Introduction of \(part)", theme["intro"])
                for (d, item) in (theme["discussion"]?.sequence.map(Array.init) ?? []).enumerated() {
                    let source = item["source"]?.string.map { "; from \($0)" } ?? ""
                    add("theme.\(id).discussion.\(d + 1)", "Question for the team meeting about \(part) (staff only\(source))", item)
                }
                for (q, question) in (theme["questions"]?.sequence.map(Array.init) ?? []).enumerated() {
                    guard let qid = question["id"]?.string else { continue }
                    let number = "\(t + 1).\(q + 1)"
                    let type = question["type"]?.string ?? "question"
                    add("question.\(qid).text", "Question \(number) (\(type))", question["text"])
                    add("question.\(qid).help", "Hint under question \(number)", question["help"])
                    for option in question["options"]?.sequence.map(Array.init) ?? [] {
                        guard let oid = option["id"]?.string else { continue }
                        add("question.\(qid).option.\(oid)", "Answer option of question \(number)", option)
                    }
                }
            }
        }

        private mutating func interface(_ root: Node) {
            let section = root["interface"]
            for key in InterfaceKey.allCases {
                let entry = section?[key.rawValue]
                let texts = survey.interfaceTexts(key)
                guard let source = texts["nl"] else { continue }
                var context = "Screen or letter text '\(key.rawValue)'"
                let placeholders = TranslationUnit.placeholders(in: source)
                if !placeholders.isEmpty { context += "; keep \(placeholders.joined(separator: " and ")) exactly as it is" }
                let short = TranslationUnit.shortInterfaceKeys.contains(key)
                if short { context += " (a button or label: keep it short)" }
                let id = "interface.\(key.rawValue)"
                units.append(TranslationUnit(id: id, context: context, source: source, texts: texts, maxLength: short ? 40 : nil))
                places[id] = TextPlace(texts: entry, interface: section, interfaceKey: key.rawValue)
            }
        }

        private mutating func add(_ id: String, _ context: String, _ node: Node?, maxLength: Int? = nil) {
            guard let node, let mapping = node.mapping else { return }
            var texts: LocalizedText = [:]
            for (key, value) in mapping {
                guard let code = key.string, code != "id", code != "source", let text = value.string else { continue }
                texts[code] = text
            }
            guard let source = texts["nl"] else { return }
            units.append(TranslationUnit(id: id, context: context, source: source, texts: texts, maxLength: maxLength))
            places[id] = TextPlace(texts: node)
        }
    }
}
