import Foundation
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
            try db.execute("DELETE FROM sample WHERE peiling_id = ?", peilingID)
            let covered = sample.covered.joined(separator: " ")
            for (reserve, ids) in [(false, sample.members), (true, sample.reserve)] {
                for (index, id) in ids.enumerated() {
                    try db.execute("""
                        INSERT INTO sample (peiling_id, respondent_id, position, reserve, seed, covered, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, peilingID, id, index, reserve, String(sample.seed), covered, Date())
                }
            }
        }
    }

    public func sample() throws -> StoredSample? {
        struct Place { var id: String; var reserve: Bool; var declined: Bool; var replaces: String? }
        let (places, first) = try read { db in
            let rows = try db.rows("""
                SELECT respondent_id, reserve, declined, replaces, seed, covered, drawn_at FROM sample WHERE peiling_id = ? ORDER BY reserve, position
                """, try peilingID(db))
            let places = try rows.map {
                Place(id: try $0["respondent_id"], reserve: try $0["reserve"], declined: try $0["declined"], replaces: try $0["replaces"])
            }
            return (places, rows.first)
        }
        guard let first else { return nil }
        let ids = { (reserve: Bool) in places.filter { $0.reserve == reserve }.map(\.id) }
        var replacements: [String: String] = [:]
        for place in places { if let replaced = place.replaces { replacements[place.id] = replaced } }
        return StoredSample(
            sample: Sample(seed: UInt64(try first["seed"] as String) ?? 0, members: ids(false), reserve: ids(true),
                           covered: (try first["covered"] as String).split(separator: " ").map(String.init)),
            declined: Set(places.filter(\.declined).map(\.id)),
            replacements: replacements, drawnAt: try first["drawn_at"])
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
            try db.execute("UPDATE sample SET declined = ? WHERE peiling_id = ? AND respondent_id = ?", true, peilingID, respondentID)
            if let replacement {
                try db.execute("UPDATE sample SET replaces = ? WHERE peiling_id = ? AND respondent_id = ?", respondentID, peilingID, replacement)
            }
        }
        return replacement
    }
}
