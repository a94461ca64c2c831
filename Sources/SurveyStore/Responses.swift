import Foundation
import SurveyCore

/// A response to be saved, from any front door (terminal entry, parent form, kiosk, interview screen).
public struct NewResponse: Sendable {
    /// Nil for anonymous kiosk use.
    public var respondentID: String?
    /// Makes a resubmitted anonymous form land once (a hidden field on the kiosk form).
    public var submissionKey: String?
    public var method: ResponseMethod
    public var language: String
    /// For `oral_interpreter`: the kind of interpreter.
    public var interpreter: InterpreterKind?
    /// The staff member who typed or read the answers.
    public var enteredBy: String?
    public var answers: Answers
    /// False while a parent is still paging through the form.
    public var complete: Bool
    /// Who checked a paper form by entering it a second time, blind.
    public var verifiedBy: String?
    /// The version of the stored response this save started from (0: there was none yet). When the stored
    /// response has moved on since, the save is refused with `ResponseConflict` unless it changes nothing.
    /// Nil only for a save that is not a read-modify-write (a new anonymous kiosk form, a demo).
    public var basedOnVersion: Int64?

    public init(respondentID: String?, submissionKey: String? = nil, method: ResponseMethod, language: String,
                interpreter: InterpreterKind? = nil, enteredBy: String? = nil, answers: Answers, complete: Bool = true,
                verifiedBy: String? = nil, basedOnVersion: Int64? = nil) {
        self.respondentID = respondentID
        self.submissionKey = submissionKey
        self.method = method
        self.language = language
        self.interpreter = interpreter
        self.enteredBy = enteredBy
        self.answers = answers
        self.complete = complete
        self.verifiedBy = verifiedBy
        self.basedOnVersion = basedOnVersion
    }
}

/// A response as stored, with its answers.
public struct StoredResponse: Sendable, Equatable {
    public var id: Int64
    public var respondentID: String?
    public var definitionHash: String
    public var method: ResponseMethod
    public var language: String
    public var interpreter: InterpreterKind?
    public var enteredBy: String?
    /// Copied from the roster (and background answers) when saved, so breakdowns never need names.
    public var group: String?
    public var tags: [String]
    public var complete: Bool
    public var verifiedBy: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// Raised by every save (1 for the first), so a save can tell whether it started from the latest one.
    public var version: Int64
    public var answers: Answers
}

/// How `save` treats a respondent who already has a response.
public enum ExistingResponse: Sendable {
    /// Refuse: staff must say they mean to replace it.
    case refuse
    /// Replace its answers, keeping the same response (a parent changing their form).
    case replace
}

/// The peiling a save writes into, read once per write transaction (however many responses it saves): its
/// row (open or closed, its current definition) and the survey that definition is.
struct SaveTarget {
    let id: Int64
    let peiling: Peiling
    let survey: Survey
}

extension SurveyDatabase {
    /// Saves a response and its answers in one transaction (all or nothing), durably before it returns.
    /// The same respondent or submission key never gets a second response.
    @discardableResult
    public func save(_ response: NewResponse, existing: ExistingResponse = .refuse) throws -> Int64 {
        try write { db in try save(response, existing: existing, into: try saveTarget(db), db) }
    }

    /// The peiling this handle saves into, inside the write transaction that saves.
    func saveTarget(_ db: any StoreSQL) throws -> SaveTarget {
        let id = try peilingID(db)
        guard let peiling = try Peiling.find(id, db) else { throw StoreError.noPeiling }
        return SaveTarget(id: id, peiling: peiling, survey: try survey(hash: peiling.definitionHash, db))
    }

    /// The body of `save`, inside a transaction the caller opened (also used by `saveAll`), in a savepoint:
    /// a failed save leaves nothing behind. Two PostgreSQL instances saving the first response of one code
    /// at once both find none and both insert; the unique constraint stops the second, which then runs once
    /// more, finds the first one's response, and the version check decides (SQLite has one writer at a time).
    func save(_ response: NewResponse, existing: ExistingResponse, into target: SaveTarget, _ db: any StoreSQL) throws -> Int64 {
        do {
            return try db.inSavepoint { try saveOnce(response, existing: existing, into: target, db) }
        } catch let error where StoreConstraint.isUniqueViolation(error) {
            return try db.inSavepoint { try saveOnce(response, existing: existing, into: target, db) }
        }
    }

    private func saveOnce(_ response: NewResponse, existing: ExistingResponse, into target: SaveTarget, _ db: any StoreSQL) throws -> Int64 {
        let (peilingID, peiling, survey) = (target.id, target.peiling, target.survey)
        guard !peiling.isClosed else { throw StoreError.closed }
        var respondent: RespondentRow?
        var responseID: Int64?
        if let id = response.respondentID {
            // The respondent and their response, if any, in one statement: on PostgreSQL each is a round trip.
            guard let row = try db.row("""
                SELECT \(RespondentRow.columns), (SELECT id FROM response WHERE peiling_id = ? AND respondent_id = ?) AS response_id
                FROM respondent WHERE peiling_id = ? AND id = ?
                """, peilingID, id, peilingID, id) else { throw StoreError.unknownRespondent(id) }
            respondent = try RespondentRow(row)
            responseID = try row["response_id"]
        } else if let key = response.submissionKey {
            responseID = try db.value("SELECT id FROM response WHERE peiling_id = ? AND submission_key = ?", peilingID, key)
            if let responseID { return responseID }  // the same kiosk form posted twice
        }
        let answers = survey.visibleAnswers(response.answers)
        let tags = Set(respondent?.respondent.tags ?? []).union(survey.selfReportedTags(answers)).sorted().joined(separator: " ")
        let now = Date()
        if let existingID = responseID {
            // A form the parent is still paging through is not an answer yet: finishing it, or typing in
            // their paper form instead, takes its place. Read through an UPDATE that changes nothing: it
            // locks the row on PostgreSQL (SQLite's write transaction already excludes other writers), so
            // the version checked below is still the version when this save commits.
            let current = try db.row("UPDATE response SET version = version WHERE id = ? RETURNING complete, version", existingID)
            let existingComplete: Bool = try current?["complete"] ?? false
            let currentVersion: Int64 = try current?["version"] ?? 0
            if existing == .refuse, existingComplete {
                let code: String? = try db.value("SELECT code FROM invitation WHERE peiling_id = ? AND respondent_id = ?",
                                                 peilingID, response.respondentID)
                throw StoreError.alreadyAnswered(code: code.flatMap { try? InvitationCode(parsing: $0).description } ?? response.respondentID ?? "")
            }
            if let basedOn = response.basedOnVersion, basedOn != currentVersion {
                // Someone saved in between. Saving the same answers again (a double click, a resent form)
                // undoes nothing; anything else would, so it is refused and nothing is written.
                let stored = try storedResponse(id: existingID, db)
                if stored.answers != answers {
                    throw ResponseConflict(basedOnVersion: basedOn, current: stored)
                }
            }
            // `complete` only ever rises: a page save never turns a sent form back into a draft.
            try db.execute("""
                UPDATE response SET definition_hash = ?, method = ?, language = ?, interpreter = ?, entered_by = ?,
                group_name = ?, tags = ?, complete = (complete OR ?), verified_by = ?, updated_at = ?, version = version + 1 WHERE id = ?
                """, peiling.definitionHash, response.method.rawValue, response.language, response.interpreter?.rawValue,
                response.enteredBy, respondent?.groupName, tags, response.complete, response.verifiedBy, now, existingID)
            try db.execute("DELETE FROM answer WHERE response_id = ?", existingID)
        } else {
            if let basedOn = response.basedOnVersion, basedOn != 0 {
                // The response this save started from is gone (the roster was forgotten or it was deleted).
                throw StoreError.unknownRespondent(response.respondentID ?? "")
            }
            responseID = try db.value("""
                INSERT INTO response (peiling_id, respondent_id, submission_key, definition_hash, method, language, interpreter, entered_by,
                group_name, tags, complete, verified_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """, peilingID, response.respondentID, response.submissionKey, peiling.definitionHash, response.method.rawValue,
                response.language, response.interpreter?.rawValue, response.enteredBy, respondent?.groupName,
                tags, response.complete, response.verifiedBy, now, now)
        }
        guard let responseID else { throw StoreError.noPeiling }  // an INSERT ... RETURNING always gives the id
        try insert(answers.values.sorted(by: { $0.questionID < $1.questionID }), responseID: responseID, db)
        return responseID
    }

    /// All answers of one response in one statement: on PostgreSQL every statement is a round trip, and one
    /// per answer (some 30 in a complete form) made a save wait for 30 of them.
    private func insert(_ answers: [Answer], responseID: Int64, _ db: any StoreSQL) throws {
        guard !answers.isEmpty else { return }
        var values: [any SQLBindable] = []
        for answer in answers {
            var choices: String?, number: Double?, text: String?
            let kind: String
            switch answer.value {
            case .choice(let id): (kind, choices) = ("choice", id)
            case .choices(let ids): (kind, choices) = ("choices", ids.joined(separator: " "))
            case .number(let value): (kind, number) = ("number", value)
            case .text(let value): (kind, text) = ("text", value)
            }
            values += [responseID, answer.questionID, kind, choices, number, text, answer.otherText] as [any SQLBindable]
        }
        let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: answers.count).joined(separator: ", ")
        try db.execute("INSERT INTO answer (response_id, question_id, kind, choices, number, text, other_text) VALUES \(rows)", values)
    }

    /// One stored response by id with its answers, inside a transaction the caller holds.
    func storedResponse(id: Int64, _ db: any StoreSQL) throws -> StoredResponse {
        var found: StoredResponse?
        try ResponseCursor.scan(db, peiling: try peilingID(db), where: "r.id = ?", arguments: [id], includeIncomplete: true, few: true) { header, answers in
            var response = header
            for answer in answers { response.answers[answer.questionID] = answer }
            found = response
        }
        guard let found else { throw StoreError.unknownRespondent(String(id)) }
        return found
    }

    /// The response of one respondent, if any.
    public func response(of respondentID: String) throws -> StoredResponse? {
        var found: StoredResponse?
        try forEachResponse(where: "r.respondent_id = ?", arguments: [respondentID], includeIncomplete: true, few: true) { found = $0 }
        return found
    }

    /// Calls `body` for each stored response in id order, one at a time, so memory stays flat at any size.
    /// `body` runs inside one read of the database: fetch what it needs (roster, definitions) before, not from it.
    public func forEachResponse(includeIncomplete: Bool = false, _ body: (StoredResponse) throws -> Void) throws {
        try forEachResponse(where: nil, arguments: [], includeIncomplete: includeIncomplete, body)
    }

    func forEachResponse(where condition: String?, arguments: [any SQLBindable], includeIncomplete: Bool, few: Bool = false,
                         _ body: (StoredResponse) throws -> Void) throws {
        func scan(_ db: any StoreSQL) throws {
            try ResponseCursor.scan(db, peiling: try peilingID(db), where: condition, arguments: arguments, includeIncomplete: includeIncomplete,
                                    few: few) { header, answers in
                var response = header
                for answer in answers { response.answers[answer.questionID] = answer }
                try body(response)
            }
        }
        try few ? readOne(scan) : read(scan)
    }
}
