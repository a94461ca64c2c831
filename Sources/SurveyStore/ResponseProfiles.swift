import Foundation
import SurveyCore

/// Who answered and how, without the answers: what a report needs to size its groups before it reads answers.
public struct ResponseProfile: Sendable, Equatable {
    public var group: String?
    public var tags: [String]
    public var method: ResponseMethod
    public var language: String
    public var definitionHash: String
}

extension SurveyDatabase {
    /// Calls `body` for each complete response's profile, one at a time (reads no answers, so it is cheap at any size).
    public func forEachResponseProfile(_ body: (ResponseProfile) throws -> Void) throws {
        try read { db in
            try db.forEachRow("""
                SELECT group_name, tags, method, language, definition_hash FROM response WHERE peiling_id = ? AND complete ORDER BY id
                """, [try peilingID(db)]) { row in
                try body(ResponseProfile(
                    group: try row[0], tags: (try row[1] as String).split(separator: " ").map(String.init),
                    method: ResponseMethod(rawValue: try row[2]) ?? .digital, language: try row[3], definitionHash: try row[4]))
            }
        }
    }
}

extension SurveyDatabase {
    /// Calls `body` for each complete response in id order with its answers by position in `questionIDs`
    /// (`response.answers` is left empty; answers to other questions are left out).
    ///
    /// The report's fast path: an array instead of a dictionary per response; memory stays flat as with
    /// `forEachResponse`.
    public func forEachResponse(byPosition questionIDs: [String], _ body: (StoredResponse, [Answer?]) throws -> Void) throws {
        let position = Dictionary(questionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var slots = [Answer?](repeating: nil, count: questionIDs.count)
        try read { db in
            try ResponseCursor.scan(db, peiling: try peilingID(db), where: nil, arguments: [], includeIncomplete: false) { header, answers in
                for i in slots.indices { slots[i] = nil }
                for answer in answers { if let q = position[answer.questionID] { slots[q] = answer } }
                try body(header, slots)
            }
        }
    }
}
