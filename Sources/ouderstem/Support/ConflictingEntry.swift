import SurveyCore
import SurveyStore

/// Saving a typed entry when the response may have changed while staff were typing (the parent sent the
/// web form, a colleague entered the same paper form). Nothing is replaced without an explicit choice:
/// staff are told who changed it and when, may see the differences, and decide.
enum ConflictingEntry {
    /// Saves `entry`, checked against the version it started from; on a conflict asks what to do.
    static func save(_ entry: NewResponse, to db: SurveyDatabase, code: InvitationCode, session: EntrySession) throws {
        var entry = entry
        while true {
            do {
                try db.save(entry, existing: .replace)
                return
            } catch let conflict as ResponseConflict {
                let who = pick(conflict.changedBy.dutch, conflict.changedBy.english)
                print("\n" + say(.conflictChanged, ["code": code, "who": who, "when": conflict.changedAt]))
                if yes(try Terminal.ask(say(.conflictShowDifferences))) {
                    print(differences(stored: conflict.current.answers, typed: entry.answers, session: session))
                }
                guard yes(try Terminal.ask(say(.conflictReplace))) else {
                    throw CLIError(say(.conflictKept, ["who": who, "when": conflict.changedAt]))
                }
                // Replace exactly the version just shown; a further change in between is caught again.
                entry.basedOnVersion = conflict.current.version
            }
        }
    }

    static func yes(_ reply: String) -> Bool { ["j", "ja", "y", "yes"].contains(reply.lowercased()) }

    /// One line per question whose stored answer differs from the typed one.
    static func differences(stored: Answers, typed: Answers, session: EntrySession) -> String {
        let survey = session.survey
        let lines = survey.questions.filter { stored[$0.id] != typed[$0.id] }.map { question in
            let now = stored[question.id].map { session.display($0, of: question) } ?? "-"
            let mine = typed[question.id].map { session.display($0, of: question) } ?? "-"
            return "  \(session.number(of: question)) \(question.id)\n" + say(.conflictStored, ["answer": now]) + "\n"
                + say(.conflictTyped, ["answer": mine])
        }
        return lines.isEmpty ? say(.conflictNoDifferences) : lines.joined(separator: "\n")
    }
}
