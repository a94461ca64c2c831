import ArgumentParser
import Foundation
import SurveyCore

/// `ouderstem survey ...`: check and read survey definitions.
struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Check, read and print survey definitions (YAML in Surveys/).",
        subcommands: [Validate.self, Show.self, PrintCommand.self, TranslateCommand.self]
    )

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check survey definitions and list every problem with file, line and column.",
            discussion: """
                Exits 0 and prints one line per file (themes, questions, languages) when all files are valid;
                otherwise prints every problem as FILE:LINE:COLUMN: error: ... and exits 1.
                Warnings (such as a translation marked draft) do not make a file invalid.

                Example:
                  ouderstem survey validate Surveys/*.yaml
                """
        )

        @Argument(help: "One or more survey files.")
        var files: [String]

        func run() async throws {
            var failed = 0
            for file in files {
                do {
                    let (survey, warnings) = try SurveyLoader.load(path: file)
                    warnings.forEach { Output.error($0.description) }
                    print(say(.surveyValid, ["file": file, "summary": summary(of: survey)]))
                    if let catalog = try? TranslationCatalog(path: file) {
                        print(say(.surveyTextsPerLanguage, ["count": catalog.units.count]))
                        print(translationTable(catalog), terminator: "")
                    }
                } catch let error as SurveyDefinitionError {
                    failed += 1
                    error.diagnostics.forEach { Output.error($0.description) }
                    let count = error.errors.count
                    Output.error(say(.surveyToFix, ["file": file, "count": count, "problems": plural(count, .problemOne, .problemMany)]))
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a survey as readable text, to check its wording.",
            discussion: """
                Without --lang: the survey in Dutch, numbered as on the paper form, and how far each
                translation is. With --lang: each text's id and context, the Dutch and the translation
                side by side (a missing one says so), to check a draft with a native speaker.

                Example:
                  ouderstem survey show Surveys/behoeften-ouders.yaml
                  ouderstem survey show Surveys/behoeften-ouders.yaml --lang pl
                """
        )

        @Argument(help: "The survey file.")
        var file: String

        @Option(help: "Show this language side by side with the Dutch, text by text, to check a translation.")
        var lang: String = "nl"

        func run() async throws {
            let catalog = try loadCatalog(file)
            let survey = catalog.survey
            if lang == "nl" {
                print(SurveyText(survey: survey, language: lang).render(), terminator: "")
                print("\n" + say(.surveyTranslations))
                print(translationTable(catalog), terminator: "")
                return
            }
            guard survey.language(lang) != nil else {
                throw CLIError(say(.surveyNoLanguage, ["language": lang, "languages": survey.languages.map(\.code).joined(separator: ", "), "file": file]))
            }
            print(SideBySide(catalog: catalog, language: lang).render(), terminator: "")
        }
    }
}

/// Loads a definition for a command, turning its problems into one plain error.
func loadSurvey(_ file: String) throws -> Survey {
    do {
        return try SurveyLoader.load(path: file).survey
    } catch let error as SurveyDefinitionError {
        error.errors.forEach { Output.error($0.description) }
        throw CLIError(say(.surveyHasProblems, ["file": file, "count": error.errors.count, "problems": plural(error.errors.count, .problemOne, .problemMany)]))
    }
}

/// "6 themes, 31 questions, languages nl, en, ar (draft)".
func summary(of survey: Survey) -> String {
    let languages = survey.languages.map { $0.code + ($0.draft ? say(.surveyDraftMark) : "") }.joined(separator: ", ")
    return say(.surveySummary, ["id": survey.id, "version": survey.version, "themes": survey.themes.count,
                                "questions": survey.questions.count, "languages": languages])
}
