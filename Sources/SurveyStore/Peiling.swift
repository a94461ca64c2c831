import Foundation
import SurveyCore

/// A survey run (peiling): one survey definition, a roster, invitations, a sample and the responses.
public struct Peiling: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var surveyID: String
    /// The definition new responses answer; earlier responses keep the hash they answered.
    public var definitionHash: String
    public var createdAt: Date
    public var closedAt: Date?

    public var isClosed: Bool { closedAt != nil }

    enum CodingKeys: String, CodingKey {
        case id, name, surveyID = "survey_id", definitionHash = "definition_hash", createdAt = "created_at", closedAt = "closed_at"
    }

    /// The peiling with `id`, if there is one.
    static func find(_ id: Int64, _ sql: any StoreSQL) throws -> Peiling? {
        try sql.row("SELECT id, name, survey_id, definition_hash, created_at, closed_at FROM peiling WHERE id = ?", id).map { row in
            Peiling(id: try row["id"], name: try row["name"], surveyID: try row["survey_id"], definitionHash: try row["definition_hash"],
                    createdAt: try row["created_at"], closedAt: try row["closed_at"])
        }
    }
}

/// What `initialize` did.
public enum InitOutcome: Sendable, Equatable {
    case created
    /// The same survey in a new version: new responses answer it, earlier ones keep theirs.
    case updatedDefinition(fromVersion: Int, toVersion: Int)
}

extension SurveyDatabase {
    /// Starts the peiling this handle selects, or moves it to a new version of the same survey. A handle that
    /// names a peiling not in the file starts it under that name; one without a name starts the file's first
    /// peiling as `newName`, or updates the only open one.
    @discardableResult
    public func initialize(name newName: String, survey: Survey, yaml: String) throws -> InitOutcome {
        try write { db in
            let hash = survey.contentHash
            try db.execute("""
                INSERT INTO definition (hash, survey_id, version, yaml, loaded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING
                """, hash, survey.id, survey.version, yaml, Date())
            let existingID: Int64?
            do { existingID = try peilingID(db) } catch StoreError.noPeiling, StoreError.unknownPeiling { existingID = nil }
            guard let existingID, let peiling = try Peiling.find(existingID, db) else {
                let id: Int64? = try db.value("""
                    INSERT INTO peiling (name, survey_id, definition_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id
                    """, peilingName ?? newName, survey.id, hash, Date())
                selectedID.withLock { $0 = id }
                return .created
            }
            guard peiling.surveyID == survey.id else { throw StoreError.otherSurvey(existing: peiling.surveyID, new: survey.id) }
            guard peiling.definitionHash != hash else { throw StoreError.alreadyInitialized(survey: survey.id) }
            let from: Int = try db.value("SELECT version FROM definition WHERE hash = ?", peiling.definitionHash) ?? 0
            try db.execute("UPDATE peiling SET definition_hash = ? WHERE id = ?", hash, existingID)
            return .updatedDefinition(fromVersion: from, toVersion: survey.version)
        }
    }

    public func peiling() throws -> Peiling {
        guard let peiling = try read({ try Peiling.find(try peilingID($0), $0) }) else { throw StoreError.noPeiling }
        return peiling
    }

    /// The definition new responses answer.
    public func currentSurvey() throws -> Survey {
        try survey(hash: try peiling().definitionHash)
    }

    /// The current definition and the earlier versions of its survey (up to the current version), and any
    /// other a response of this peiling answered, by content hash. Another peiling's survey in the same
    /// file is not an earlier version of this one.
    public func definitions() throws -> [String: Survey] {
        let hashes = try read { db in
            let id = try peilingID(db)
            return try db.column("""
                SELECT d.hash FROM definition d JOIN peiling p ON p.id = ? JOIN definition c ON c.hash = p.definition_hash
                WHERE (d.survey_id = p.survey_id AND d.version <= c.version)
                   OR d.hash IN (SELECT definition_hash FROM response WHERE peiling_id = ?)
                """, id, id) as [String]
        }
        return try Dictionary(uniqueKeysWithValues: hashes.map { ($0, try survey(hash: $0)) })
    }

    /// One stored definition by content hash, parsed on first use.
    public func survey(hash: String) throws -> Survey {
        if let parsed = parsedDefinitions.withLock({ $0[hash] }) { return parsed }
        return try read { try survey(hash: hash, $0) }
    }

    /// `survey(hash:)` inside a transaction the caller holds.
    func survey(hash: String, _ db: any StoreSQL) throws -> Survey {
        if let parsed = parsedDefinitions.withLock({ $0[hash] }) { return parsed }
        guard let yaml: String = try db.value("SELECT yaml FROM definition WHERE hash = ?", hash) else {
            throw StoreError.noPeiling
        }
        let survey = try SurveyLoader.load(yaml: yaml, file: "stored definition \(hash.prefix(8))").survey
        parsedDefinitions.withLock { $0[hash] = survey }
        return survey
    }

    /// Ends or resumes collection: a closed peiling's codes no longer open a form.
    public func setClosed(_ closed: Bool) throws {
        try write { db in
            guard let peiling = try Peiling.find(try peilingID(db), db), let id = peiling.id else { throw StoreError.noPeiling }
            try db.execute("UPDATE peiling SET closed_at = ? WHERE id = ?", closed ? (peiling.closedAt ?? Date()) : nil, id)
        }
    }
}
