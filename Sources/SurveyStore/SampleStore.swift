import Foundation
import GRDB
import SurveyCore

/// The stored sample, with who declined and which reserve took whose place.
public struct StoredSample: Sendable, Equatable {
    public var sample: Sample
    public var declined: Set<String>
    /// Reserve id -> the id of the person whose place it took.
    public var replacements: [String: String]
    public var drawnAt: Date

    /// Who is in the sample now: members and promoted reserves who did not decline.
    public var active: [String] {
        (sample.members + sample.reserve.filter { replacements[$0] != nil }).filter { !declined.contains($0) }
    }
}

extension SurveyDatabase {
    /// Replaces any earlier sample.
    public func saveSample(_ sample: Sample) throws {
        try write { db in
            let peilingID = try peilingID(db)
            try db.execute(sql: "DELETE FROM sample WHERE peiling_id = ?", arguments: [peilingID])
            let covered = sample.covered.joined(separator: " ")
            for (reserve, ids) in [(false, sample.members), (true, sample.reserve)] {
                for (index, id) in ids.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO sample (peiling_id, respondent_id, position, reserve, seed, covered, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [peilingID, id, index, reserve, String(sample.seed), covered, Date()])
                }
            }
        }
    }

    public func sample() throws -> StoredSample? {
        let rows = try read {
            try Row.fetchAll($0, sql: "SELECT * FROM sample WHERE peiling_id = ? ORDER BY reserve, position", arguments: [try peilingID($0)])
        }
        guard let first = rows.first else { return nil }
        let ids = { (reserve: Bool) in rows.filter { $0["reserve"] == reserve }.map { $0["respondent_id"] as String } }
        var replacements: [String: String] = [:]
        for row in rows { if let replaced: String = row["replaces"] { replacements[row["respondent_id"]] = replaced } }
        return StoredSample(
            sample: Sample(seed: UInt64(first["seed"] as String) ?? 0, members: ids(false), reserve: ids(true),
                           covered: (first["covered"] as String).split(separator: " ").map(String.init)),
            declined: Set(rows.filter { $0["declined"] as Bool }.map { $0["respondent_id"] as String }),
            replacements: replacements, drawnAt: first["drawn_at"])
    }

    /// Records that a sampled parent declined and promotes a reserve: the one after whom the sample mirrors
    /// the roster best on tags and language (`SampleBalance.bestReplacement`), the first in line among equals.
    /// Returns the reserve's id, if any is left.
    public func decline(_ respondentID: String) throws -> String? {
        guard let stored = try sample(), stored.active.contains(respondentID) else { throw StoreError.notInSample(respondentID) }
        let candidates = stored.sample.reserve.filter { stored.replacements[$0] == nil && !stored.declined.contains($0) }
        let replacement = SampleBalance.bestReplacement(roster: try respondents(), active: stored.active.filter { $0 != respondentID },
                                                        candidates: candidates, size: stored.sample.members.count, tags: stored.sample.covered)
        try write { db in
            let peilingID = try peilingID(db)
            try db.execute(sql: "UPDATE sample SET declined = 1 WHERE peiling_id = ? AND respondent_id = ?", arguments: [peilingID, respondentID])
            if let replacement {
                try db.execute(sql: "UPDATE sample SET replaces = ? WHERE peiling_id = ? AND respondent_id = ?",
                               arguments: [respondentID, peilingID, replacement])
            }
        }
        return replacement
    }
}
