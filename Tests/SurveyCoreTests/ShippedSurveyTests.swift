import Foundation
import SurveyCore
import Testing

/// The two surveys shipped in Surveys/ must load, and every text a parent or teacher reads must exist in
/// every language the survey declares.
@Suite("Shipped surveys")
struct ShippedSurveyTests {
    static let files = ["behoeften-ouders.yaml", "partnerschap-kinderopvang.yaml"]

    /// Every text of the survey with a name saying where it is.
    func texts(of survey: Survey) -> [(place: String, text: LocalizedText)] {
        var texts: [(String, LocalizedText)] = [("title", survey.title)]
        if let intro = survey.intro { texts.append(("intro", intro)) }
        for scale in survey.scales {
            texts.append(("scale \(scale.id) top label", scale.topLabel))
            for point in scale.points { texts.append(("scale \(scale.id) point \(point.id)", point.label)) }
        }
        for theme in survey.themes {
            texts.append(("theme \(theme.id) title", theme.title))
            if let intro = theme.intro { texts.append(("theme \(theme.id) intro", intro)) }
            for (index, discussion) in theme.discussion.enumerated() {
                texts.append(("theme \(theme.id) discussion \(index + 1)", discussion.text))
            }
            for question in theme.questions {
                texts.append(("question \(question.id) text", question.text))
                if let help = question.help { texts.append(("question \(question.id) help", help)) }
                for option in question.options { texts.append(("question \(question.id) option \(option.id)", option.label)) }
                for tag in question.tagMapping.keys {
                    texts.append(("tag \(tag)", survey.tag(tag)?.label ?? [:]))
                }
            }
        }
        return texts
    }

    /// Every language a family at a Dutch school may read the survey in; all but Dutch and English are drafts.
    static let languages = ["nl", "en", "ar", "tr", "pl", "uk"]
    static let drafts = ["ar", "tr", "pl", "uk"]

    @Test(arguments: files)
    func loadsWithEveryTextInEveryDeclaredLanguage(file: String) throws {
        let (survey, warnings) = try loadValid(Paths.survey(file))
        #expect(survey.languages.map(\.code) == Self.languages)
        for code in Self.drafts { #expect(survey.language(code)?.draft == true, "\(file): '\(code)' should be marked draft") }
        #expect(survey.language("ar")?.rightToLeft == true)
        #expect(["tr", "pl", "uk"].allSatisfy { survey.language($0)?.rightToLeft == false })
        // The only warnings are the honest ones: the translations are not checked by native speakers yet.
        #expect(warnings.map(\.severity) == Array(repeating: .warning, count: Self.drafts.count))
        for code in Self.drafts {
            #expect(warnings.contains { $0.message.contains("'\(code)' translation is marked draft") }, "\(file): no draft warning for '\(code)'")
        }

        let texts = texts(of: survey)
        #expect(texts.count > 50)
        for (place, text) in texts {
            for language in Self.languages {
                let value = text[language]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                #expect(!value.isEmpty, "\(file): \(place) has no '\(language)' text")
            }
        }
        // Every screen and letter text exists in every language, so nothing falls back to English.
        for key in InterfaceKey.allCases {
            for language in Self.languages {
                #expect(survey.interfaceTexts(key)[language] != nil, "\(file): interface text '\(key.rawValue)' has no '\(language)'")
            }
        }
        #expect(survey.themes.contains { !$0.discussion.isEmpty }, "\(file) has no questions for the team meeting")
    }

    @Test(arguments: files)
    func translationsKeepEveryPlaceholderAndLookLikeTheirScript(file: String) throws {
        let catalog = try TranslationCatalog(path: Paths.survey(file))
        for status in TranslationStatus.all(catalog) {
            #expect(status.missing == 0, "\(file): '\(status.language)' lacks \(status.missing) texts")
        }
        for unit in catalog.units {
            for language in ["tr", "pl", "uk"] {
                let text = try #require(unit.texts[language], "\(file): \(unit.id) has no '\(language)'")
                for placeholder in unit.placeholders {
                    #expect(text.contains(placeholder), "\(file): \(unit.id) in '\(language)' lost \(placeholder)")
                }
                // A draft that is still the Dutch (or English) was not translated.
                if unit.source.count > 12 {
                    #expect(text != unit.source && text != unit.texts["en"], "\(file): \(unit.id) in '\(language)' is not translated")
                }
            }
            // Ukrainian is written in Cyrillic: a text of words has Cyrillic letters.
            let ukrainian = unit.texts["uk"] ?? ""
            if unit.source.count > 3 {
                #expect(ukrainian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(file): \(unit.id) 'uk' is not in Cyrillic: \(ukrainian)")
            }
        }
        // Turkish keeps its dotted capital I and dotless i.
        let turkish = catalog.units.compactMap { $0.texts["tr"] }.joined(separator: " ")
        #expect(turkish.contains("İ") && turkish.contains("ı"))
    }

    @Test(arguments: files)
    func contentHashIsStableAndFollowsTheQuestions(file: String) throws {
        let path = Paths.survey(file)
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let first = try SurveyLoader.load(yaml: yaml, file: path).survey
        let second = try SurveyLoader.load(path: path).survey
        #expect(first.contentHash == second.contentHash)
        #expect(first.contentHash.count == 64)
        #expect(first.contentHash.allSatisfy { $0.isHexDigit && !$0.isUppercase })

        // A comment or layout change is not a new definition...
        let commented = try SurveyLoader.load(yaml: "# a new comment\n" + yaml, file: path).survey
        #expect(commented.contentHash == first.contentHash)

        // ...but a changed question text is.
        let question = try #require(first.questions.first)
        let quoted = "\"\(question.text["nl"]!)\""
        #expect(yaml.contains(quoted))
        let edited = yaml.replacingOccurrences(of: quoted, with: "\"\(question.text["nl"]!) (gewijzigd)\"")
        let changed = try SurveyLoader.load(yaml: edited, file: path).survey
        #expect(changed.question(question.id)?.text["nl"] == question.text["nl"]! + " (gewijzigd)")
        #expect(changed.contentHash != first.contentHash)
    }

    @Test func schoolSurveyCoversCard11AndTheDeVriesTags() throws {
        let survey = try schoolSurvey()
        #expect(survey.id == "behoeften-ouders")
        #expect(survey.questions.count >= 25)
        let background = try #require(survey.themes.first { $0.isBackground })
        let mapped = Set(background.questions.flatMap(\.tagMapping.keys))
        #expect(mapped == ["gescheiden", "samengesteld", "tweeverdieners", "alleenstaand", "nt2"])
        // Background questions may all be skipped.
        #expect(background.questions.allSatisfy { !$0.required })
        // The survey ends with open questions.
        let last = try #require(survey.themes.last)
        #expect(!last.isBackground)
        #expect(!last.questions.isEmpty && last.questions.allSatisfy { $0.type == .text })
        #expect(survey.questions.last?.type == .text)
    }

    @Test func childcareSurveyLoadsWithItsOwnQuestions() throws {
        let survey = try loadValid(Paths.survey("partnerschap-kinderopvang.yaml")).survey
        let school = try schoolSurvey()
        #expect(survey.id == "partnerschap-kinderopvang")
        #expect(survey.id != school.id)
        #expect(survey.contentHash != school.contentHash)
        #expect(survey.questions.count >= 15)
        #expect(Set(survey.questions.map(\.id)).count == survey.questions.count)
    }
}
