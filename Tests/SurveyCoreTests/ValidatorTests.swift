import Foundation
import SurveyCore
import Testing

/// Each fixture holds one kind of mistake a survey author makes; the validator must point at its line and
/// column and say what to do.
@Suite("Survey validator")
struct ValidatorTests {
    /// The diagnostics of a fixture that must fail to load.
    func problems(_ name: String) throws -> [Diagnostic] {
        let path = Paths.fixture(name)
        do {
            _ = try SurveyLoader.load(path: path)
        } catch let error as SurveyDefinitionError {
            for diagnostic in error.diagnostics { #expect(diagnostic.file == path) }
            return error.diagnostics
        }
        Issue.record("\(name) loaded, but it has a mistake")
        return []
    }

    /// Expects exactly one error in the file, at `line`:`column`, whose message contains every part.
    func expectOnly(_ name: String, line: Int, column: Int, _ parts: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try problems(name)
        #expect(found.count == 1, "expected one problem, got: \(found.map(\.description))", sourceLocation: sourceLocation)
        guard let problem = found.first else { return }
        expect(problem, .error, line: line, column: column, parts, sourceLocation: sourceLocation)
    }

    func expect(_ problem: Diagnostic, _ severity: Diagnostic.Severity, line: Int, column: Int, _ parts: [String],
                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problem.severity == severity, "\(problem)", sourceLocation: sourceLocation)
        #expect(problem.line == line && problem.column == column, "\(problem)", sourceLocation: sourceLocation)
        for part in parts { #expect(problem.message.contains(part), "'\(part)' missing in: \(problem)", sourceLocation: sourceLocation) }
    }

    @Test func validFixtureLoadsWithoutProblems() throws {
        let (survey, warnings) = try loadValid(Paths.fixture("valid.yaml"))
        #expect(warnings.isEmpty)
        #expect(survey.id == "klein")
        #expect(survey.questions.map(\.id) == ["kinderen", "zelfde-klas", "welke-klas", "kanaal", "tevreden", "uren", "wens", "ouders", "taal"])
        // A scale question gets the scale's points as its options.
        #expect(survey.question("tevreden")?.options.map(\.id) == ["oneens", "neutraal", "eens"])
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() throws {
        try expectOnly("syntax.yaml", line: 10, column: 26, "YAML syntax", "mapping values are not allowed", "double quotes")
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        try expectOnly("unknown-key.yaml", line: 11, column: 9, "unknown key 'hulp'", "Did you mean 'help'?")
    }

    @Test func duplicateIdsOfOptionThemeAndQuestionAreAllReported() throws {
        let found = try problems("duplicate-ids.yaml")
        try #require(found.count == 3, "\(found.map(\.description))")
        expect(found[0], .error, line: 13, column: 13, ["option id 'ja' is used twice in question 'vraag'"])
        expect(found[1], .error, line: 15, column: 9, ["theme id 'a' is used twice"])
        expect(found[2], .error, line: 18, column: 13, ["question id 'vraag' is used twice"])
    }

    @Test func unknownScaleListsKnownScales() throws {
        try expectOnly("unknown-scale.yaml", line: 15, column: 16, "unknown scale 'eens6'", "Known scales: eens5", "Did you mean 'eens5'?")
    }

    @Test func choiceQuestionWithoutOptions() throws {
        try expectOnly("no-options.yaml", line: 9, column: 15, "question 'kanaal' is a multiple choice but has no options", "Add `options:`")
    }

    @Test func conditionsThatNameAnUnknownOrLaterQuestionOrUnknownOption() throws {
        let found = try problems("conditions.yaml")
        try #require(found.count == 3, "\(found.map(\.description))")
        expect(found[0], .error, line: 17, column: 18, ["unknown question 'kinderren'", "Did you mean 'kinderen'?"])
        expect(found[1], .error, line: 21, column: 18, ["names 'werk', which comes later", "move 'werk' above it"])
        expect(found[2], .error, line: 25, column: 18, ["names 'drie', which is not an option of 'kinderen'"])
    }

    @Test func textMissingForADeclaredLanguage() throws {
        try expectOnly("missing-language.yaml", line: 13, column: 13, "option 'nee'", "has no text in 'en'", "en: \"...\"")
    }

    @Test func textInAnUndeclaredLanguage() throws {
        try expectOnly("undeclared-language.yaml", line: 10, column: 46, "'tr', which is not a declared language", "Add 'tr' to `languages`")
    }

    @Test func draftTranslationIsAWarningNotAnError() throws {
        let (survey, warnings) = try loadValid(Paths.fixture("draft-language.yaml"))
        #expect(survey.language("ar")?.draft == true)
        #expect(survey.language("ar")?.rightToLeft == true)
        let draft = try #require(warnings.first { $0.message.contains("marked draft") })
        expect(draft, .warning, line: 6, column: 5, ["'ar' translation is marked draft", "native speaker"])
        #expect(draft.description.hasSuffix("draft-language.yaml:6:5: warning: the 'ar' translation is marked draft: have a native speaker check it, then remove `draft: true`."))
        // Screen texts not given in Arabic fall back to English, and the author hears about it.
        let screens = try #require(warnings.first { $0.message.contains("screen texts") })
        expect(screens, .warning, line: 8, column: 3, ["no 'ar' version"])
        #expect(survey.interfaceText(.next, "ar") == "التالي")
        #expect(survey.interfaceText(.submit, "ar") == "Send")
    }

    @Test func duplicateYamlKey() throws {
        try expectOnly("duplicate-keys.yaml", line: 11, column: 9, "the key 'type' appears twice in the same block (first on line 9)", "Keep one")
    }

    @Test func duplicateYamlKeyInsideBraces() throws {
        try expectOnly("duplicate-keys-flow.yaml", line: 10, column: 46, "the key 'nl' appears twice in the same block (first on line 10)")
    }

    @Test func dutchMustComeFirst() throws {
        try expectOnly("dutch-not-first.yaml", line: 3, column: 12, "should start with nl", "Dutch comes first", "[nl, en]")
        // The printed line keeps "Dutch" capitalised.
        #expect(try problems("dutch-not-first.yaml").first?.description.hasSuffix(
            "dutch-not-first.yaml:3:12: error: `languages` should start with nl: Dutch comes first, e.g. [nl, en].") == true)
    }

    @Test func unknownQuestionTypeSuggestsTheKnownOne() throws {
        try expectOnly("unknown-type.yaml", line: 9, column: 15, "unknown type 'singel'", "use one of single, multiple, scale, text, number", "Did you mean 'single'?")
    }

    @Test func everyProblemInAFileIsReportedInLineOrder() throws {
        let found = try problems("many-problems.yaml")
        #expect(found.map(\.line) == [5, 6, 9, 10, 13, 15, 16], "\(found.map(\.description))")
        guard found.count == 7 else { return }
        expect(found[0], .error, line: 5, column: 5, ["Theme 'a' is missing 'title'"])
        expect(found[1], .error, line: 6, column: 5, ["unknown key 'titel'", "Did you mean 'title'?"])
        expect(found[2], .error, line: 9, column: 15, ["'kanaal' is a single choice but has no options"])
        expect(found[3], .error, line: 10, column: 15, ["has no text in 'en'"])
        expect(found[4], .error, line: 13, column: 16, ["unknown scale 'eens5'", "No scales are defined"])
        expect(found[5], .error, line: 15, column: 13, ["question id 'kanaal' is used twice"])
        expect(found[6], .error, line: 16, column: 15, ["unknown type 'nummer'", "Did you mean 'number'?"])
    }

    @Test func moreMistakesEachWithItsPlace() throws {
        let found = try problems("more-problems.yaml")
        try #require(found.count == 8, "\(found.map(\.description))")
        expect(found[0], .error, line: 3, column: 21, ["language 'nl' is listed twice"])
        expect(found[1], .error, line: 6, column: 10, ["`top` of scale 'ja-nee' should be 1:"])
        expect(found[2], .error, line: 16, column: 19, ["`required` should be true or false, not 'misschien'"])
        expect(found[3], .error, line: 21, column: 18, ["`show_if` can only look at a choice question; 'naam' is text"])
        expect(found[4], .error, line: 23, column: 13, ["An option of question 'gezin' is missing 'id'"])
        expect(found[5], .error, line: 26, column: 17, ["unknown tag 'alleenstaande'", "Did you mean 'alleenstaand'?"])
        expect(found[6], .error, line: 26, column: 41, ["'uit-elkaar', which is not an option of question 'gezin'"])
        expect(found[7], .error, line: 29, column: 16, ["theme 'leeg' has no questions"])
    }

    @Test func diagnosticPrintsAsFileLineColumnSeverityMessage() throws {
        let found = try problems("unknown-key.yaml")
        let path = Paths.fixture("unknown-key.yaml")
        #expect(found.first?.description == "\(path):11:9: error: question 'vraag' has an unknown key 'hulp'. Did you mean 'help'?")
    }

    @Test func emptyFileSaysWhatToStartWith() throws {
        #expect {
            try SurveyLoader.load(yaml: "# nog leeg\n", file: "leeg.yaml")
        } throws: { error in
            let diagnostics = (error as? SurveyDefinitionError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].line == 1 && diagnostics[0].message.contains("the file is empty")
        }
    }

    @Test func unreadableFileIsOneClearError() throws {
        let path = Paths.fixture("does-not-exist.yaml")
        #expect {
            try SurveyLoader.load(path: path)
        } throws: { error in
            let diagnostics = (error as? SurveyDefinitionError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].message.contains("cannot read the file")
        }
    }
}
