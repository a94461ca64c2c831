import Foundation

/// One line of `ouderstem peilingen`: a peiling of the database with its school and progress.
public struct PeilingSummary: Sendable, Equatable {
    /// The peiling's row id: what the form server's addresses name (`/staff/p/ID`).
    public var id: Int64
    public var name: String
    /// The school from the peiling's settings (`--school`), if set.
    public var school: String?
    public var surveyID: String
    public var closed: Bool
    public var rosterSize: Int
    /// Complete responses.
    public var responses: Int
}

extension SurveyDatabase {
    /// Every peiling in the database, by school and then name, whichever this handle selects.
    public func peilingen() throws -> [PeilingSummary] {
        try read { db in
            let rows = try db.rows("""
                SELECT p.id, p.name, p.survey_id, p.closed_at IS NOT NULL AS closed, s.json,
                       (SELECT COUNT(*) FROM respondent r WHERE r.peiling_id = p.id) AS roster,
                       (SELECT COUNT(*) FROM response r WHERE r.peiling_id = p.id AND r.complete) AS responses
                FROM peiling p LEFT JOIN peiling_settings s ON s.id = p.id
                """)
            return try rows.map { row in
                PeilingSummary(id: try row["id"], name: try row["name"], school: try Self.school(inSettings: try row["json"]),
                               surveyID: try row["survey_id"], closed: try row["closed"], rosterSize: try row["roster"],
                               responses: try row["responses"])
            }.sorted { ($0.school ?? "", $0.name) < ($1.school ?? "", $1.name) }
        }
    }
}

/// Where a peiling stands, without counting anything: what the form server checks on every request (is it
/// served, is it in the staff member's scope, which one greets parents).
public struct PeilingPlace: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var school: String?
    public var closed: Bool
}

extension SurveyDatabase {
    /// Every peiling in the database, by school and then name, with only its school and status.
    public func peilingPlaces() throws -> [PeilingPlace] {
        try read { db in
            let rows = try db.rows("""
                SELECT p.id, p.name, p.closed_at IS NOT NULL AS closed, s.json
                FROM peiling p LEFT JOIN peiling_settings s ON s.id = p.id
                """)
            return try rows.map { row in
                PeilingPlace(id: try row["id"], name: try row["name"], school: try Self.school(inSettings: try row["json"]),
                             closed: try row["closed"])
            }.sorted { ($0.school ?? "", $0.name) < ($1.school ?? "", $1.name) }
        }
    }

    /// The school in a peiling's stored settings, if any.
    static func school(inSettings json: String?) throws -> String? {
        try json.map { try JSONDecoder().decode(PeilingSettings.self, from: Data($0.utf8)) }?.school
    }
}
