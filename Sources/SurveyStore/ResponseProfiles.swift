import Foundation
import GRDB
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
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT group_name, tags, method, language, definition_hash FROM response WHERE complete ORDER BY id")
            while let row = try rows.next() {
                try body(ResponseProfile(
                    group: row[0], tags: (row[1] as String).split(separator: " ").map(String.init),
                    method: ResponseMethod(rawValue: row[2]) ?? .digital, language: row[3], definitionHash: row[4]))
            }
        }
    }
}
