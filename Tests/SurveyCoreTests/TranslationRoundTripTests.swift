import Foundation
import SurveyCore
import Testing

/// The translation round trip as a translator does it: export XLIFF, edit the targets in the file, import.
@Suite("Translation round trip (XLIFF)")
struct TranslationRoundTripTests {
    let path = Paths.survey("behoeften-ouders.yaml")

    /// The XLIFF export of the school survey for `language`, as text.
    func exported(_ language: String, from catalog: TranslationCatalog) -> String {
        String(decoding: XLIFFWriter.data(catalog, language: language), as: UTF8.self)
    }

    /// The text of one `<unit>` element, from its start tag to `</unit>`.
    func unitRange(_ id: String, in xml: String) throws -> Range<String.Index> {
        let start = try #require(xml.range(of: "<unit id=\"\(id)\">"), "no unit \(id) in the export")
        let end = try #require(xml.range(of: "</unit>", range: start.upperBound..<xml.endIndex))
        return start.lowerBound..<end.upperBound
    }

    /// The 1-based line of a unit's start tag in the file.
    func line(of id: String, in xml: String) throws -> Int {
        let range = try unitRange(id, in: xml)
        return xml[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    func replacingTarget(of id: String, with escaped: String, in xml: String) throws -> String {
        let range = try unitRange(id, in: xml)
        let unit = String(xml[range])
        let edited = unit.replacing(/<target>[^<]*<\/target>/, with: "<target>\(escaped)</target>")
        #expect(edited != unit, "unit \(id) has no target to change")
        return xml.replacingCharacters(in: range, with: edited)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func exportHasOneUnitPerTextWithSourceTargetAndContext() throws {
        let catalog = try TranslationCatalog(path: path)
        let xml = exported("pl", from: catalog)
        #expect(xml.lowercased().hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\""))
        #expect(xml.contains("xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""))
        #expect(xml.contains("version=\"2.0\"") && xml.contains("srcLang=\"nl\"") && xml.contains("trgLang=\"pl\""))
        let file = try XLIFFReader.read(data: Data(xml.utf8), path: "pl.xlf")
        #expect(file.language == "pl")
        #expect(file.entries.map(\.id) == catalog.units.map(\.id))
        #expect(file.entries.map(\.source) == catalog.units.map(\.source))
        #expect(file.entries.map(\.target) == catalog.units.map { $0.texts["pl"] })
        // The context a translator needs, and the length limit where a text sits on a button.
        let next = try String(xml[unitRange("interface.next", in: xml)])
        #expect(next.contains("<note category=\"max-length\">At most 40 characters</note>"))
        let how = try String(xml[unitRange("interface.invitation_how", in: xml)])
        #expect(how.contains("keep {link} exactly as it is"))
        let question = try String(xml[unitRange("question.info-kanaal.text", in: xml)])
        #expect(question.contains("<note category=\"context\">Question 1.1 (multiple)</note>"))
        #expect(question.contains("state=\"translated\""))
    }

    @Test func changingThreeTargetsAndRemovingOneChangesExactlyThoseTexts() throws {
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let catalog = try TranslationCatalog(yaml: original, file: path)
        var xml = exported("pl", from: catalog)
        // A block text, an option on one line, and a screen text in the `interface:` section; quotes,
        // an ampersand and a less-than sign must survive XML and YAML alike.
        let changes = [
            "question.info-kanaal.text": "Jak chcą Państwo dostawać \"wiadomości\" ze szkoły?",
            "question.contact-moment.option.avond": "Wieczorem & w weekend",
            "interface.next": "Dalej <>",
        ]
        for (id, text) in changes {
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            xml = try replacingTarget(of: id, with: escaped, in: xml)
        }
        xml.removeSubrange(try unitRange("scale.eens5.neutraal", in: xml))
        let file = try XLIFFReader.read(path: write(xml, "pl.xlf"))

        let (yaml, report) = try TranslationImport.apply(file, to: catalog)
        #expect(Set(report.changed) == Set(changes.keys))
        #expect(report.new.isEmpty)
        #expect(report.missing.isEmpty)
        #expect(report.kept == ["scale.eens5.neutraal"])
        #expect(report.unchanged == catalog.units.count - 4)

        // The diff: exactly three lines differ, each only in its Polish text; every other byte is the same.
        let before = original.components(separatedBy: "\n")
        let after = yaml.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let differing = zip(before, after).filter { $0 != $1 }
        #expect(differing.count == 3)
        for (old, new) in differing {
            let unit = try #require(changes.first { new.contains(quoted($0.value)) }, "unexpected change: \(new)")
            let oldText = try #require(catalog.unit(unit.key)?.texts["pl"])
            #expect(old.replacingOccurrences(of: quoted(oldText), with: quoted(unit.value)) == new)
        }
        let reloaded = try TranslationCatalog(yaml: yaml, file: path)
        for (id, text) in changes { #expect(reloaded.unit(id)?.texts["pl"] == text) }
        #expect(reloaded.unit("scale.eens5.neutraal")?.texts["pl"] == catalog.unit("scale.eens5.neutraal")?.texts["pl"])
        #expect(reloaded.survey.interfaceText(.next, "pl") == "Dalej <>")
    }

    /// `text` as the importer writes it into the YAML.
    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func aNewLanguageIsDeclaredAsDraftAndMayStayUnfinished() throws {
        let fixture = Paths.fixture("valid.yaml")
        let original = try String(contentsOfFile: fixture, encoding: .utf8)
        let catalog = try TranslationCatalog(yaml: original, file: fixture)
        let file = TranslationFile(path: "uk.xlf", language: "uk", entries: [
            .init(id: "title", source: "Kleine peiling", target: "Невелике опитування", line: 5),
            .init(id: "question.kinderen.option.een", source: "Eén", target: "Одна", line: 9),
            .init(id: "interface.next", source: "Volgende", target: "Далі", line: 12),
        ])
        let (yaml, report) = try TranslationImport.apply(file, to: catalog)
        #expect(report.languageAdded)
        #expect(report.new == ["title", "interface.next", "question.kinderen.option.een"])
        #expect(report.missing.count == catalog.units.count - 3)
        #expect(yaml.contains("languages: [nl, en, { code: uk, draft: true }]"))
        #expect(yaml.contains("title: { nl: \"Kleine peiling\", en: \"Small survey\", uk: \"Невелике опитування\" }"))
        #expect(yaml.contains("interface:\n  next: { uk: \"Далі\" }\n\nthemes:"))
        // Unfinished is allowed for a draft: English is shown in place of what is missing, with one warning.
        let (survey, warnings) = try SurveyLoader.load(yaml: yaml, file: fixture)
        #expect(survey.language("uk")?.draft == true)
        #expect(survey.title["uk"] == "Невелике опитування")
        #expect(survey.interfaceText(.next, "uk") == "Далі")
        #expect(survey.interfaceText(.submit, "uk") == "Send")
        #expect(warnings.contains { $0.message.contains("have no 'uk' translation yet") })
        let status = TranslationStatus.status(of: "uk", in: try TranslationCatalog(yaml: yaml, file: fixture))
        #expect(status.present == 3 && status.draft == 3 && status.checked == 0 && status.missing == catalog.units.count - 3)

        // A file with nothing translated yet changes nothing, and declares no language.
        let empty = TranslationFile(path: "ti.xlf", language: "ti", entries: [.init(id: "title", source: "Kleine peiling", target: nil, line: 5)])
        let untouched = try TranslationImport.apply(empty, to: catalog)
        #expect(untouched.yaml == original)
        #expect(!untouched.report.languageAdded)
        #expect(untouched.report.missing.count == catalog.units.count)
    }

    @Test func aFileThatIsNotXMLIsRefusedWithItsLine() throws {
        let bad = try write("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" srcLang=\"nl\" trgLang=\"pl\">\n<file id=\"x\">\n<unit id=\"title\"><segment><source>a</source></segment>\n</file>\n", "broken.xlf")
        let error = try #require(throws: TranslationFileError.self) { try XLIFFReader.read(path: bad) }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].line >= 4)
        #expect(error.lines[0].hasPrefix("\(bad):\(error.problems[0].line): this is not well-formed XML"))
    }

    @Test func aChangedSourceAndAnUnknownIdAreRefusedByUnitAndLine() throws {
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let catalog = try TranslationCatalog(yaml: original, file: path)
        var xml = exported("tr", from: catalog)
        let sourceLine = try line(of: "question.info-wie.text", in: xml)
        let range = try unitRange("question.info-wie.text", in: xml)
        xml = xml.replacingCharacters(in: range, with: String(xml[range]).replacingOccurrences(of: "met een vraag", with: "met een klacht"))
        let unknownLine = try line(of: "question.info-meer.help", in: xml)
        xml = xml.replacingOccurrences(of: "<unit id=\"question.info-meer.help\">", with: "<unit id=\"question.info-meer.hulp\">")
        let file = try XLIFFReader.read(path: write(xml, "tr.xlf"))

        let error = try #require(throws: TranslationFileError.self) { try TranslationImport.apply(file, to: catalog) }
        #expect(error.problems.count == 2)
        let changed = try #require(error.problems.first { $0.unit == "question.info-wie.text" })
        #expect(changed.line == sourceLine)
        #expect(changed.message.contains("met een klacht") && changed.message.contains("export again"))
        let unknown = try #require(error.problems.first { $0.unit == "question.info-meer.hulp" })
        #expect(unknown.line == unknownLine)
        #expect(error.lines.contains { $0.hasPrefix("\(file.path):\(unknownLine): unit 'question.info-meer.hulp': is not a text of") })
    }

    @Test func aLostPlaceholderAndAnotherFormatAreRefused() throws {
        let catalog = try TranslationCatalog(path: path)
        var xml = exported("pl", from: catalog)
        xml = try replacingTarget(of: "interface.invitation_how", with: "Proszę zeskanować kod QR.", in: xml)
        let error = try #require(throws: TranslationFileError.self) {
            try TranslationImport.apply(XLIFFReader.read(data: Data(xml.utf8), path: "pl.xlf"), to: catalog)
        }
        #expect(error.problems.map(\.unit) == ["interface.invitation_how"])
        #expect(error.problems[0].message.contains("lacks {link}"))

        let old = xml.replacingOccurrences(of: "version=\"2.0\"", with: "version=\"1.2\"")
        let version = try #require(throws: TranslationFileError.self) { try XLIFFReader.read(data: Data(old.utf8), path: "old.xlf") }
        #expect(version.problems[0].message.contains("XLIFF version '1.2'"))
        let html = try #require(throws: TranslationFileError.self) { try XLIFFReader.read(data: Data("<html><body/></html>".utf8), path: "page.html") }
        #expect(html.problems[0].message.contains("not an XLIFF 2.0 file"))
    }
}
