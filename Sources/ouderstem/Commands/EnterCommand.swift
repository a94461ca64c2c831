import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

/// `ouderstem enter CODE`: type in a paper form, or run an oral interview (with interpreter) in the terminal.
struct EnterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enter",
        abstract: "Type in a paper form or an oral interview for one parent, by the code on the letter.",
        discussion: """
            Shows each question in Dutch and, when the parent's language differs, in that language beside it.
            Answer by option number (several: 1,3) or id; an empty line skips; '-' records "not answered on
            paper" for any question, required or not (reports count it as not answered); '<' goes back;
            'stop' stops without saving. A summary comes before anything is saved, in one go. Reads standard input, so a
            script can drive it too.

            --verify is the second, blind entry of the same paper form by another person: each difference with
            the first entry is shown to be settled, and the response records that it was verified.

            When the response changes while you type (the parent sends the web form, a colleague enters the same
            form), nothing is saved: you are told who changed it and when, may see the differences, and choose
            whether to replace it.

            Methods: paper_home, at_school_conversation, digital, digital_at_school, oral, oral_interpreter.
            Interpreters: professional, family_member, staff_member, other.

            Examples:
              ouderstem enter K7Q-M4X-RT9-PWA-HC3-NZB --method paper_home
              ouderstem enter K7QM4XRT9PWAHC3NZB --method oral_interpreter --language ar --interpreter professional
              ouderstem enter K7Q-M4X-RT9-PWA-HC3-NZB --verify --entered-by Sanne
            """
    )

    @OptionGroup var database: PeilingOptions

    @Argument(help: "The parent's code from the letter (dashes and case do not matter).")
    var code: String?

    @Option(help: "The roster id instead of the code, when the parent has no letter at hand.")
    var respondent: String?

    @Option(help: "How the answers were collected.")
    var method: String?

    @Option(help: "The language the parent answered in (default: the roster's language).")
    var language: String?

    @Option(help: "For oral_interpreter: who interpreted.")
    var interpreter: String?

    @Option(help: "Who enters the answers (default: the login name).")
    var enteredBy: String = ProcessInfo.processInfo.environment["USER"] ?? "staff"

    @Flag(help: "Replace an earlier response for this code without asking (a change made while you type is still asked about).")
    var replace = false

    @Flag(help: "Second, blind entry of a paper form to check the first.")
    var verify = false

    func run() async throws {
        let db = try database.open()
        guard try !db.peiling().isClosed else { throw StoreError.closed }
        let survey = try db.currentSurvey()
        let (respondent, code) = try resolve(db)
        Terminal.stopWithNothingSavedOnInterrupt()
        if verify {
            try runVerification(db, survey: survey, respondent: respondent, code: code)
            return
        }
        let method = try parsedMethod()
        let interpreter = try parsedInterpreter(for: method)
        let language = language ?? respondent.language
        let existing = try db.response(of: respondent.id)
        if let existing, !replace {
            let when = existing.updatedAt.formatted(date: .abbreviated, time: .shortened)
            let reply = try Terminal.ask(say(.enterReplacePrompt, ["code": code, "method": existing.method.rawValue, "when": when]))
            guard ["j", "ja", "y", "yes"].contains(reply.lowercased()) else {
                throw CLIError(say(.enterKeptEarlier))
            }
        }
        print(say(.enterHeading, ["code": code, "group": respondent.group, "language": language, "method": method.label.text(CLILanguage.current.rawValue)]))
        if language != "nl", survey.language(language) == nil {
            print(say(.enterNoTranslation, ["language": language]))
        }
        var session = EntrySession(survey: survey, language: language)
        guard let answers = try session.run() else { throw CLIError(say(.interrupted)) }
        // Saved only if nobody changed the response while staff were typing (a parent on the web, a colleague).
        let entry = NewResponse(respondentID: respondent.id, method: method, language: language, interpreter: interpreter,
                                enteredBy: enteredBy, answers: answers, basedOnVersion: existing?.version ?? 0)
        try ConflictingEntry.save(entry, to: db, code: code, session: session)
        print(say(.enterSaved, ["count": answers.count, "code": code]))
    }

    /// The respondent by code, or by roster id (then their code, inviting them when they had none).
    private func resolve(_ db: SurveyDatabase) throws -> (Respondent, InvitationCode) {
        switch (code, respondent) {
        case let (code?, nil):
            return try db.respondent(forCode: code)
        case let (nil, id?):
            guard let invited = try db.invite([id]).first else { throw StoreError.unknownRespondent(id) }
            return invited
        default:
            throw CLIError(say(.enterCodeOrRespondent))
        }
    }

    private func parsedMethod() throws -> ResponseMethod {
        let names = ResponseMethod.allCases.map(\.rawValue).joined(separator: ", ")
        guard let method else { throw CLIError(say(.enterMethodMissing, ["names": names])) }
        guard let parsed = ResponseMethod(rawValue: method) else { throw CLIError(say(.enterMethodUnknown, ["method": method, "names": names])) }
        return parsed
    }

    private func parsedInterpreter(for method: ResponseMethod) throws -> InterpreterKind? {
        let names = InterpreterKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard method == .oralInterpreter else {
            if interpreter != nil { throw CLIError(say(.enterInterpreterWithoutOral)) }
            return nil
        }
        guard let interpreter else { throw CLIError(say(.enterInterpreterMissing, ["names": names])) }
        guard let kind = InterpreterKind(rawValue: interpreter) else { throw CLIError(say(.enterInterpreterUnknown, ["interpreter": interpreter, "names": names])) }
        return kind
    }

    /// Double data entry: enter blind, then settle each difference with the first entry.
    private func runVerification(_ db: SurveyDatabase, survey: Survey, respondent: Respondent, code: InvitationCode) throws {
        guard let first = try db.response(of: respondent.id) else { throw StoreError.notAnswered(code: code.description) }
        if method != nil || interpreter != nil { Output.error(say(.verifyKeepsMethod)) }
        print(say(.verifyStart, ["code": code]))
        var session = EntrySession(survey: survey, language: first.language)
        guard let second = try session.run(confirm: false) else { throw CLIError(say(.interrupted)) }
        var takeSecond: Set<String> = []
        let differing = TypedEntry.differences(first: first.answers, second: second, in: survey)
        for question in differing {
            let one = first.answers[question.id].map { session.display($0, of: question) } ?? "-"
            let two = second[question.id].map { session.display($0, of: question) } ?? "-"
            print("\n\(session.number(of: question)) \(question.text.dutch)\n" + say(.verifyFirst, ["answer": one]) + "\n" + say(.verifySecond, ["answer": two]))
            while true {
                let reply = try Terminal.ask(say(.verifyWhich))
                if reply == "1" { break }
                if reply == "2" { takeSecond.insert(question.id); break }
                if EntrySession.quit.contains(reply.lowercased()) { throw CLIError(say(.interrupted)) }
            }
        }
        try ConflictingEntry.save(NewResponse(respondentID: respondent.id, method: first.method, language: first.language,
                                              interpreter: first.interpreter, enteredBy: first.enteredBy,
                                              answers: TypedEntry.settle(first: first.answers, second: second, takeSecond: takeSecond),
                                              verifiedBy: enteredBy, basedOnVersion: first.version),
                                  to: db, code: code, session: session)
        print(say(.verifyDone, ["count": differing.count, "name": enteredBy]))
    }
}
