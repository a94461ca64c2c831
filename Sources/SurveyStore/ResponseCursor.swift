import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

/// Reads responses with their answers from one joined query in id order, one response at a time, so memory
/// stays flat at any size.
///
/// On SQLite it steps the statement itself and reads columns by index: at 100,000 responses (3 million
/// answer rows) GRDB's general row decoding cost as much as SQLite's own work. On PostgreSQL it reads
/// `StoreSQL` rows from a server-side cursor (`PostgresSQL.forEachRow`), never all rows at once.
enum ResponseCursor {
    static let sql = """
        SELECT r.id, r.respondent_id, r.definition_hash, r.method, r.language, r.interpreter, r.entered_by, r.group_name,
               r.tags, r.complete, r.verified_by, r.created_at, r.updated_at,
               a.question_id, a.kind, a.choices, a.number, a.text, a.other_text, r.version
        FROM response r LEFT JOIN answer a ON a.response_id = r.id
        """

    /// Calls `body` with each response of one peiling (its `answers` left empty) and its answers.
    /// `few`: the condition picks one response or a handful, read at once instead of through a cursor (on
    /// PostgreSQL a cursor costs three round trips more, for every form a parent opens or sends).
    static func scan(_ db: any StoreSQL, peiling: Int64, where condition: String?, arguments: [any SQLBindable], includeIncomplete: Bool,
                     few: Bool = false, _ body: (StoredResponse, [Answer]) throws -> Void) throws {
        let filters = ["r.peiling_id = ?", condition, includeIncomplete ? nil : "r.complete"].compactMap { $0 }
        let query = "\(sql) WHERE \(filters.joined(separator: " AND ")) ORDER BY r.id"
        if let sqlite = db as? SQLiteSQL {
            try scan(sqlite.db, query, StatementArguments(([peiling] + arguments).map { SQLiteSQL.databaseValue($0.sqlValue) }), body)
        } else {
            try scanRows(db, query, [peiling] + arguments, few: few, body)
        }
    }

    /// The portable path: one `SQLRow` per joined row.
    private static func scanRows(_ db: any StoreSQL, _ query: String, _ arguments: [any SQLBindable], few: Bool,
                                 _ body: (StoredResponse, [Answer]) throws -> Void) throws {
        var current: StoredResponse?
        var answers: [Answer] = []
        func take(_ row: SQLRow) throws {
            let id: Int64 = try row[0]
            if current?.id != id {
                if let done = current { try body(done, answers) }
                answers.removeAll(keepingCapacity: true)
                current = try header(row, id: id)
            }
            if let answer = try answer(row) { answers.append(answer) }
        }
        if few {
            for row in try db.rows(query, arguments) { try take(row) }
        } else {
            try db.forEachRow(query, arguments, take)
        }
        if let done = current { try body(done, answers) }
    }

    private static func header(_ row: SQLRow, id: Int64) throws -> StoredResponse {
        StoredResponse(
            id: id, respondentID: try row[1], definitionHash: try row[2],
            method: ResponseMethod(rawValue: try row[3]) ?? .digital, language: try row[4],
            interpreter: (try row[5] as String?).flatMap(InterpreterKind.init(rawValue:)), enteredBy: try row[6],
            group: try row[7], tags: (try row[8] as String).split(separator: " ").map(String.init),
            complete: try row[9], verifiedBy: try row[10],
            createdAt: try row[11], updatedAt: try row[12], version: try row[19], answers: [:])
    }

    private static func answer(_ row: SQLRow) throws -> Answer? {
        guard let questionID: String = try row[13] else { return nil }
        let value: AnswerValue
        switch try row[14] as String? {
        case "choice": value = .choice(try row[15] ?? "")
        case "choices": value = .choices((try row[15] ?? "").split(separator: " ").map(String.init))
        case "number": value = .number(try row[16] ?? 0)
        default: value = .text(try row[17] ?? "")
        }
        return Answer(questionID: questionID, value: value, otherText: try row[18])
    }

    /// SQLite's fast path: the statement stepped by hand, columns read by index.
    private static func scan(_ db: Database, _ query: String, _ arguments: StatementArguments,
                             _ body: (StoredResponse, [Answer]) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: query)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        var current: StoredResponse?
        var answers: [Answer] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let id = sqlite3_column_int64(handle, 0)
            if current?.id != id {
                if let done = current { try body(done, answers) }
                answers.removeAll(keepingCapacity: true)
                current = header(handle, id: id)
            }
            if let answer = answer(handle) { answers.append(answer) }
        }
        if let done = current { try body(done, answers) }
    }

    private static func header(_ handle: SQLiteStatement, id: Int64) -> StoredResponse {
        StoredResponse(
            id: id, respondentID: text(handle, 1), definitionHash: text(handle, 2) ?? "",
            method: ResponseMethod(rawValue: text(handle, 3) ?? "") ?? .digital, language: text(handle, 4) ?? "nl",
            interpreter: text(handle, 5).flatMap(InterpreterKind.init(rawValue:)), enteredBy: text(handle, 6),
            group: text(handle, 7), tags: (text(handle, 8) ?? "").split(separator: " ").map(String.init),
            complete: sqlite3_column_int(handle, 9) != 0, verifiedBy: text(handle, 10),
            createdAt: date(handle, 11), updatedAt: date(handle, 12), version: sqlite3_column_int64(handle, 19), answers: [:])
    }

    private static func answer(_ handle: SQLiteStatement) -> Answer? {
        guard let questionID = text(handle, 13) else { return nil }
        let value: AnswerValue
        switch text(handle, 14) {
        case "choice": value = .choice(text(handle, 15) ?? "")
        case "choices": value = .choices((text(handle, 15) ?? "").split(separator: " ").map(String.init))
        case "number": value = .number(sqlite3_column_double(handle, 16))
        default: value = .text(text(handle, 17) ?? "")
        }
        return Answer(questionID: questionID, value: value, otherText: text(handle, 18))
    }

    private static func text(_ handle: SQLiteStatement, _ column: CInt) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }

    private static func date(_ handle: SQLiteStatement, _ column: CInt) -> Date {
        Date.fromDatabaseValue(DatabaseValue(sqliteStatement: handle, index: column)) ?? Date(timeIntervalSince1970: 0)
    }
}
