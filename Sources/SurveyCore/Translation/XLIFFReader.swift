import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XLIFF 2.0 file back with Foundation's `XMLParser`, which reports the line of every element, so
/// a refused unit is named with its line.
public enum XLIFFReader {
    /// The units of the file at `path`; throws `TranslationFileError` for a file that is not XML, not
    /// XLIFF 2.0, or has a unit without id or source.
    public static func read(path: String) throws -> TranslationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranslationFileError(path: path, problems: [.init(line: 1, "cannot read the file: check the path.")])
        }
        return try read(data: data, path: path)
    }

    public static func read(data: Data, path: String) throws -> TranslationFile {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        if !parser.parse() {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            let detail = collector.problems.isEmpty ? "this is not well-formed XML (\(reason)). Was the file saved as XLIFF by the translation tool?" : nil
            let problems = detail.map { [TranslationFileError.Problem(line: max(parser.lineNumber, 1), $0)] } ?? collector.problems
            throw TranslationFileError(path: path, problems: problems)
        }
        // Foundation's parser on Linux may accept a cut-off file: every element must be closed.
        if let open = collector.open.last, collector.problems.isEmpty {
            collector.problems.append(.init(line: max(parser.lineNumber, 1), "this is not well-formed XML: <\(open.name)> from line \(open.line) is never closed (is the file complete?)."))
        }
        if !collector.sawRoot {
            collector.problems.append(.init(line: 1, "this is not an XLIFF 2.0 file: it has no <xliff version=\"2.0\"> element."))
        }
        if !collector.problems.isEmpty { throw TranslationFileError(path: path, problems: collector.problems) }
        return TranslationFile(path: path, language: collector.language, entries: collector.entries)
    }

    /// Collects units while the parser walks the file.
    private final class Collector: NSObject, XMLParserDelegate {
        var entries: [TranslationFile.Entry] = []
        var problems: [TranslationFileError.Problem] = []
        var language = ""
        var sawRoot = false
        /// The elements open at this point, with the line each started on.
        var open: [(name: String, line: Int)] = []
        private var unit: (id: String, line: Int)?
        private var source: String?
        private var target: String?
        /// The element whose text is being read (`source` or `target`), and its text so far.
        private var reading: String?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let line = parser.lineNumber
            open.append((name, line))
            if let reading {
                problems.append(.init(line: line, unit: unit?.id, "<\(name)> inside <\(reading)>: only plain text is taken back. Remove the markup."))
                return
            }
            switch name {
            case "xliff":
                sawRoot = true
                let version = attributes["version"] ?? ""
                if !version.hasPrefix("2.") {
                    problems.append(.init(line: line, "this is XLIFF version '\(version)'; save it as XLIFF 2.0 (or export again with `ouderstem survey translate export`)."))
                }
                if let source = attributes["srcLang"], source.lowercased() != "nl" {
                    problems.append(.init(line: line, "the source language is '\(source)', not Dutch (nl)."))
                }
                language = attributes["trgLang"]?.lowercased() ?? ""
                if language.isEmpty { problems.append(.init(line: line, "<xliff> has no trgLang: say which language the translations are in.")) }
            case "unit":
                guard let id = attributes["id"], !id.isEmpty else {
                    problems.append(.init(line: line, "a <unit> without an id."))
                    unit = nil
                    return
                }
                unit = (id, line)
                source = nil
                target = nil
            case "source", "target":
                guard unit != nil else { return }
                reading = name
                text = ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if reading != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let last = open.popLast(), last.name != name, problems.allSatisfy({ !$0.message.hasPrefix("this is not well-formed") }) {
                problems.append(.init(line: parser.lineNumber, "this is not well-formed XML: </\(name)> closes <\(last.name)> from line \(last.line)."))
            }
            if name == reading {
                if name == "source" { source = text } else { target = text }
                reading = nil
                return
            }
            guard name == "unit", let unit else { return }
            if let source {
                entries.append(TranslationFile.Entry(id: unit.id, source: source, target: target, line: unit.line))
            } else {
                problems.append(.init(line: unit.line, unit: unit.id, "has no <source>: the Dutch text is needed to check the translation."))
            }
            self.unit = nil
        }
    }
}
