import ArgumentParser
import Foundation
import SurveyCore
import SurveyReports
import SurveyStore

extension SurveyCommand {
    /// `ouderstem survey print`: the paper form for `paper_home`, as A4 HTML to print.
    struct PrintCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: "Write the paper form (A4 HTML to print), blank or with each parent's code filled in.",
            discussion: """
                One question per block, numbered as `ouderstem survey show`
                numbers them (2.3 = theme 2, question 3), with a numbered box
                per answer: staff type these numbers in when they enter a form.
                A form in another language (--lang ar) shows the Dutch text in
                small print beside each question and answer.

                Without --code: one blank form with empty boxes for the code,
                of the peiling's survey (--db) or of --survey FILE.
                With --code: one form per invited parent (run `ouderstem invite`
                first) with the code at the top and at the foot of every page,
                each in the parent's own language (Dutch when the survey lacks
                it) unless --lang is given.
                Open the file in a browser and print it on A4, double-sided:
                a blank page follows a form with an odd number of pages, so
                every parent's form starts on a sheet of its own (without
                JavaScript the page says to print single-sided instead).

                Examples:
                  ouderstem survey print --survey Surveys/behoeften-ouders.yaml
                  ouderstem survey print --lang ar
                  ouderstem survey print --code --sample
                """
        )

        @OptionGroup var database: PeilingOptions

        @Option(help: "The form's language (a code from the survey's languages); Dutch for a blank form.")
        var lang: String?

        @Flag(help: "One form per invited parent with the code filled in (reads the peiling's database).")
        var code = false

        @Flag(help: "With --code: only the parents in the current sample.")
        var sample = false

        @Option(help: "Print a blank form of this survey file instead of the peiling's survey.")
        var survey: String?

        @Option(help: "The HTML file to write (default: Reports/vragenlijst-papier-LANG.html; with --code Reports/vragenlijsten-met-code.html).")
        var out: String?

        func validate() throws {
            if sample, !code { throw ValidationError(say(.printSampleNeedsCode)) }
            if code, survey != nil { throw ValidationError(say(.printCodeWithSurvey)) }
        }

        func run() async throws {
            let html: String
            let count: Int
            let definition: Survey
            var settings = PeilingSettings()
            if code {
                let db = try database.open()
                definition = try db.currentSurvey()
                if let lang { try Self.check(lang, in: definition) }
                let copies = try Self.copies(db, survey: definition, language: lang, sampleOnly: sample)
                html = PaperForm(survey: definition, settings: try db.settings()).html(copies)
                count = copies.count
            } else {
                if let file = survey {
                    definition = try loadSurvey(file)
                } else {
                    guard SurveyDatabase.isPostgresURL(database.db) || FileManager.default.fileExists(atPath: database.db) else {
                        throw CLIError(say(.printNoDatabase, ["path": database.db]))
                    }
                    let db = try database.open()
                    definition = try db.currentSurvey()
                    settings = try db.settings()
                }
                try Self.check(lang ?? "nl", in: definition)
                html = PaperForm(survey: definition, settings: settings).blank(language: lang ?? "nl")
                count = 1
            }
            let file = out ?? (code ? "Reports/vragenlijsten-met-code\(lang.map { "-" + $0 } ?? "").html"
                                    : "Reports/vragenlijst-papier-\(lang ?? "nl").html")
            try writePrintable(html, to: URL(fileURLWithPath: file))
            print(say(.printForms, ["count": count, "forms": plural(count, .formOne, .formMany), "survey": definition.id, "file": file]))
            print(say(.printAdvice))
            if let lang, definition.language(lang)?.draft == true {
                Output.error(say(.printDraftLanguage, ["language": lang]))
            }
        }

        static func check(_ language: String, in survey: Survey) throws {
            guard survey.language(language) != nil else {
                throw CLIError(say(.surveyLacksLanguage, ["language": language, "languages": survey.languages.map(\.code).joined(separator: ", ")]))
            }
        }

        /// One copy per invited parent in roster order, in `language` or else the parent's own language when
        /// the survey has it (Dutch otherwise).
        static func copies(_ db: SurveyDatabase, survey: Survey, language: String?, sampleOnly: Bool) throws -> [PaperForm.Copy] {
            let roster = try db.respondents()
            let codes = try db.invitationCodes()
            let chosen = try sampleOnly ? respondentsInSample(db, roster: roster) : roster
            let copies = PaperForm.copies(of: chosen, codes: codes, survey: survey, language: language)
            guard !copies.isEmpty else {
                throw CLIError(say(sampleOnly ? .printNoCodesInSample : .printNoCodes))
            }
            return copies
        }
    }
}
