import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

/// Reads responses with their answers from one joined query in id order, one response at a time, so memory
/// stays flat at any size.
///
/// It steps the SQLite statement itself and reads columns by index: at 100,000 responses (3 million answer
/// rows) GRDB's general row decoding cost as much as SQLite's own work.
enum ResponseCursor {
    static let sql = """
        SELECT r.id, r.respondent_id, r.definition_hash, r.method, r.language, r.interpreter, r.entered_by, r.group_name,
               r.tags, r.complete, r.verified_by, r.created_at, r.updated_at,
               a.question_id, a.kind, a.choices, a.number, a.text, a.other_text, r.version
        FROM response r LEFT JOIN answer a ON a.response_id = r.id
        """

    /// Calls `body` with each response of one peiling (its `answers` left empty) and its answers.
    static func scan(_ db: Database, peiling: Int64, where condition: String?, arguments: StatementArguments, includeIncomplete: Bool,
                     _ body: (StoredResponse, [Answer]) throws -> Void) throws {
        let filters = ["r.peiling_id = ?", condition, includeIncomplete ? nil : "r.complete"].compactMap { $0 }
        let statement = try db.cachedStatement(sql: "\(sql) WHERE \(filters.joined(separator: " AND ")) ORDER BY r.id")
        try statement.setArguments([peiling] + arguments)
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
