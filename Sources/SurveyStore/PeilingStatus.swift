import Foundation
import SurveyCore

/// Progress of a peiling: the figures of `ouderstem status` and the staff dashboard.
public struct PeilingStatus: Sendable, Codable {
    /// Roster against responses for one group, tag or method.
    public struct Count: Sendable, Codable, Equatable {
        public var key: String
        public var roster: Int
        public var responded: Int

        public var rate: Double { roster == 0 ? 0 : Double(responded) / Double(roster) }
    }

    /// A parent who has not answered yet, with the method that may reach them.
    public struct Missing: Sendable, Codable, Equatable {
        public var respondentID: String
        public var childName: String?
        public var parentNames: String?
        public var group: String
        public var language: String
        public var tags: [String]
        public var inSample: Bool
        public var suggestedMethod: ResponseMethod
        public var reason: LocalizedText
        /// The partial R-indicator of this family's category whose voice is most missing (tag, language
        /// group or group); the follow-up list starts with the most negative.
        public var voiceMissing: Double
    }

    public var peilingName: String
    public var surveyID: String
    public var closed: Bool
    public var rosterSize: Int
    /// Complete responses, with or without a respondent.
    public var responses: Int
    /// Forms a parent started but did not send yet.
    public var inProgress: Int
    /// Complete responses without a respondent (kiosk without a code).
    public var anonymous: Int
    public var byMethod: [Count]
    public var byGroup: [Count]
    public var byTag: [Count]
    public var sampleSize: Int
    public var sampleResponded: Int
    public var missing: [Missing]
    /// The R-indicator and the partial indicators; nil before the first response.
    public var representativeness: Representativeness?

    public var responseRate: Double { rosterSize == 0 ? 0 : Double(responses - anonymous) / Double(rosterSize) }
}

extension SurveyDatabase {
    /// Counts the peiling's progress (roster sized: it reads response metadata, not answers).
    public func status() throws -> PeilingStatus {
        let peiling = try peiling()
        let roster = try respondents()
        struct Meta { var respondentID: String?; var method: String; var complete: Bool }
        let metas = try read { db in
            try db.rows("SELECT respondent_id, method, complete FROM response WHERE peiling_id = ?", try peilingID(db)).map {
                Meta(respondentID: try $0["respondent_id"], method: try $0["method"], complete: try $0["complete"])
            }
        }
        let responded = Set(metas.filter(\.complete).compactMap(\.respondentID))
        let sample = try sample()
        let sampled = Set(sample?.active ?? [])

        func counts(_ keys: (Respondent) -> [String]) -> [PeilingStatus.Count] {
            var listed: [String: Int] = [:], answered: [String: Int] = [:]
            for respondent in roster {
                for key in keys(respondent) {
                    listed[key, default: 0] += 1
                    if responded.contains(respondent.id) { answered[key, default: 0] += 1 }
                }
            }
            return listed.keys.sorted().map { PeilingStatus.Count(key: $0, roster: listed[$0]!, responded: answered[$0] ?? 0) }
        }
        let byMethod = ResponseMethod.allCases.map { method in
            PeilingStatus.Count(key: method.rawValue, roster: 0, responded: metas.filter { $0.complete && $0.method == method.rawValue }.count)
        }
        let representativeness = Representativeness.assess(roster: roster, responded: responded)
        // Whose voice is most missing first; among equals the sampled families, who are approached personally.
        let missing = roster.filter { !responded.contains($0.id) }.map { respondent in
            let suggestion = Followup.suggestion(for: respondent)
            return PeilingStatus.Missing(
                respondentID: respondent.id, childName: respondent.childName, parentNames: respondent.parentNames,
                group: respondent.group, language: respondent.language, tags: respondent.tags,
                inSample: sampled.contains(respondent.id), suggestedMethod: suggestion.method, reason: suggestion.reason,
                // Rounded, so that equal values sort as equal whatever the last bits of the fit.
                voiceMissing: ((representativeness?.voiceMissing(for: respondent) ?? 0) * 1e6).rounded() / 1e6)
        }.sorted {
            ($0.voiceMissing, $0.inSample ? 0 : 1, $0.group, $0.respondentID) < ($1.voiceMissing, $1.inSample ? 0 : 1, $1.group, $1.respondentID)
        }
        return PeilingStatus(
            peilingName: peiling.name, surveyID: peiling.surveyID, closed: peiling.isClosed, rosterSize: roster.count,
            responses: metas.filter(\.complete).count, inProgress: metas.filter { !$0.complete }.count,
            anonymous: metas.filter { $0.complete && $0.respondentID == nil }.count,
            byMethod: byMethod, byGroup: counts { [$0.group] }, byTag: counts(\.tags),
            sampleSize: sampled.count, sampleResponded: sampled.intersection(responded).count, missing: missing,
            representativeness: representativeness)
    }
}
