import Foundation
import Synchronization
import SurveyCore
import SurveyStore

/// The peiling and its current survey. The definition is parsed once per content hash, and the peiling
/// row is re-read at most once a second (a save checks "closed" in its own transaction anyway; closing
/// from the dashboard takes effect at once through `refresh`).
final class SurveySource: Sendable {
    let database: SurveyDatabase
    private struct Cached: Sendable {
        var peiling: Peiling
        var survey: Survey
        var readAt: Date
    }
    private let cache = Mutex<Cached?>(nil)
    private let maxAge: TimeInterval = 1

    init(database: SurveyDatabase) {
        self.database = database
    }

    func current() throws -> (peiling: Peiling, survey: Survey) {
        let now = Date()
        if let cached = cache.withLock({ $0 }), now.timeIntervalSince(cached.readAt) < maxAge {
            return (cached.peiling, cached.survey)
        }
        let peiling = try database.peiling()
        let survey: Survey
        if let cached = cache.withLock({ $0 }), cached.peiling.definitionHash == peiling.definitionHash {
            survey = cached.survey
        } else {
            survey = try database.currentSurvey()
        }
        cache.withLock { $0 = Cached(peiling: peiling, survey: survey, readAt: now) }
        return (peiling, survey)
    }

    /// Forgets the cached peiling row (after closing or reopening it here).
    func refresh() {
        cache.withLock { $0 = nil }
    }

    /// The language to show: the one asked for if the survey has it, else the stored response's, else
    /// the roster's, else Dutch.
    static func language(_ requested: String?, survey: Survey, fallbacks: [String?]) -> String {
        for candidate in [requested] + fallbacks {
            if let candidate, survey.language(candidate) != nil { return candidate }
        }
        return "nl"
    }
}
