import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writes a survey's texts as XLIFF 2.0, the exchange format of translation tools (OmegaT, Poedit-like
/// editors, CAT tools): one `<unit>` per text with its id, a note with the context (and the maximum length
/// where it matters), the Dutch `<source>` and the existing `<target>`.
///
/// Built with Foundation's `XMLDocument`, never by joining strings, so every `<`, `&` and quote in a text is
/// escaped by the XML library itself.
public enum XLIFFWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    /// The XLIFF document for `language` as UTF-8 data.
    public static func data(_ catalog: TranslationCatalog, language: String) -> Data {
        let root = XMLElement(name: "xliff")
        root.addNamespace(XMLNode.namespace(withName: "", stringValue: namespace) as! XMLNode)
        root.addAttribute(attribute("version", "2.0"))
        root.addAttribute(attribute("srcLang", "nl"))
        root.addAttribute(attribute("trgLang", language))
        let file = XMLElement(name: "file")
        file.addAttribute(attribute("id", catalog.survey.id))
        file.addAttribute(attribute("original", URL(fileURLWithPath: catalog.file).lastPathComponent))
        let draft = catalog.survey.language(language)?.draft ?? true
        for unit in catalog.units {
            let element = XMLElement(name: "unit")
            element.addAttribute(attribute("id", unit.id))
            let notes = XMLElement(name: "notes")
            notes.addChild(note("context", unit.context))
            if let english = unit.texts["en"], language != "en" { notes.addChild(note("english", english)) }
            if let max = unit.maxLength { notes.addChild(note("max-length", "At most \(max) characters")) }
            element.addChild(notes)
            let segment = XMLElement(name: "segment")
            let target = unit.texts[language]
            // initial: not translated yet; translated: a draft; final: checked by a native speaker.
            segment.addAttribute(attribute("state", target == nil ? "initial" : draft ? "translated" : "final"))
            segment.addChild(XMLElement(name: "source", stringValue: unit.source))
            if let target { segment.addChild(XMLElement(name: "target", stringValue: target)) }
            element.addChild(segment)
            file.addChild(element)
        }
        root.addChild(file)
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        return document.xmlData(options: [.nodePrettyPrint])
    }

    private static func attribute(_ name: String, _ value: String) -> XMLNode {
        XMLNode.attribute(withName: name, stringValue: value) as! XMLNode
    }

    private static func note(_ category: String, _ text: String) -> XMLElement {
        let note = XMLElement(name: "note", stringValue: text)
        note.addAttribute(attribute("category", category))
        return note
    }
}
