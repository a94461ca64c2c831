import ArgumentParser
import Foundation
import SurveyCore
import SurveyReports

/// `ouderstem survey translate export|import`: the translation round trip in a translator's own format.
struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Export a survey's texts for a translator (XLIFF 2.0 or a spreadsheet) and import the translations.",
        discussion: """
            A translator never edits the YAML: export the texts, let them translate in their own tool
            (OmegaT and other CAT tools read XLIFF 2.0) or in Excel, and import the file again.

            Example:
              ouderstem survey translate export Surveys/behoeften-ouders.yaml --lang pl
              ouderstem survey translate export Surveys/behoeften-ouders.yaml --lang pl --out pl.xlsx
              ouderstem survey translate import Surveys/behoeften-ouders.yaml behoeften-ouders.pl.xlf
            """,
        subcommands: [Export.self, Import.self]
    )

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every text of a survey with its Dutch source and the existing translation.",
            discussion: """
                One unit per text: its id, the context (question, option, screen text; the maximum length
                where it matters), the Dutch, English as help, and the translation the survey already has.
                --out ending in .xlsx writes the spreadsheet form (id, context, Dutch, translation).

                Example:
                  ouderstem survey translate export Surveys/behoeften-ouders.yaml --lang tr --out tr.xlf
                """
        )

        @Argument(help: "The survey file.")
        var file: String

        @Option(help: "The language to translate into, e.g. pl, tr, uk, ti.")
        var lang: String

        @Option(help: "Where to write: .xlf (XLIFF 2.0, the default) or .xlsx. Default: SURVEY.LANG.xlf here.")
        var out: String?

        func run() async throws {
            guard lang != "nl", lang.count >= 2, lang.count <= 3, lang.allSatisfy({ $0.isLowercase && $0.isLetter }) else {
                throw CLIError(say(.translateLanguage))
            }
            let catalog = try loadCatalog(file)
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let path = out ?? "\(stem).\(lang).xlf"
            do {
                if path.lowercased().hasSuffix(".xlsx") {
                    try TranslationWorkbook.write(catalog, language: lang, to: path)
                } else {
                    try XLIFFWriter.data(catalog, language: lang).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
            } catch {
                throw CLIError(say(.translateCannotWriteExport, ["path": path, "error": error]))
            }
            let status = TranslationStatus.status(of: lang, in: catalog)
            print(say(.translateExported, ["path": path, "total": status.total, "name": Language(code: lang).nativeName, "language": lang,
                                           "present": status.present, "missing": status.missing]))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the translations of an XLIFF or spreadsheet file back into the survey.",
            discussion: """
                Only the translated texts change in the YAML; comments, order and layout stay as they are.
                A new language is added to `languages` as a draft. The result is validated before it is
                written, and the command reports new, changed and missing texts. A file that does not
                match the survey (not XML, an unknown unit, a Dutch source that changed since the export,
                a lost {placeholder}) is refused with the unit and its line, and nothing is written.

                Example:
                  ouderstem survey translate import Surveys/behoeften-ouders.yaml behoeften-ouders.pl.xlf
                """
        )

        @Argument(help: "The survey file to write the translations into.")
        var file: String

        @Argument(help: "The translated file: .xlf / .xliff (XLIFF 2.0) or .xlsx.")
        var translations: String

        @Flag(help: "Check and report, but write nothing.")
        var dryRun = false

        func run() async throws {
            let catalog = try loadCatalog(file)
            let result: (yaml: String, report: TranslationImport.Report)
            do {
                let input = translations.lowercased().hasSuffix(".xlsx")
                    ? try TranslationWorkbookReader.read(path: translations)
                    : try XLIFFReader.read(path: translations)
                result = try TranslationImport.apply(input, to: catalog)
            } catch let error as TranslationFileError {
                error.lines.forEach(Output.error)
                let count = error.problems.count
                throw CLIError(say(.translateRefused, ["translations": translations, "count": count, "problems": plural(count, .problemOne, .problemMany), "file": file]))
            } catch let error as SurveyDefinitionError {
                error.errors.forEach { Output.error($0.description) }
                throw CLIError(say(.translateWouldBeInvalid, ["file": file]))
            } catch let error as TranslationWriteError {
                throw CLIError(error.description)
            }
            print(ImportSummary(report: result.report, file: file, source: translations).text, terminator: "")
            if dryRun {
                print(say(.translateDryRun))
                return
            }
            if result.yaml == catalog.yaml {
                print(say(.translateNothingToChange, ["file": file]))
                return
            }
            do {
                try Data(result.yaml.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw CLIError(say(.translateCannotWrite, ["file": file, "error": error]))
            }
            print(say(.translateWritten, ["file": file]))
        }
    }
}

/// Loads the translatable texts of a definition, turning its problems into one plain error.
func loadCatalog(_ file: String) throws -> TranslationCatalog {
    do {
        return try TranslationCatalog(path: file)
    } catch let error as SurveyDefinitionError {
        error.errors.forEach { Output.error($0.description) }
        throw CLIError(say(.surveyHasProblems, ["file": file, "count": error.errors.count, "problems": plural(error.errors.count, .problemOne, .problemMany)]))
    }
}
