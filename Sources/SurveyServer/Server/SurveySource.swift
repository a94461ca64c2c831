import Synchronization
import SurveyCore
import SurveyStore

/// The peiling and its current survey. The definition is parsed once per content hash, not per request.
final class SurveySource: Sendable {
    let database: SurveyDatabase
    private let cache = Mutex<(hash: String, survey: Survey)?>(nil)

    init(database: SurveyDatabase) {
        self.database = database
    }

    func current() throws -> (peiling: Peiling, survey: Survey) {
        let peiling = try database.peiling()
        if let cached = cache.withLock({ $0 }), cached.hash == peiling.definitionHash {
            return (peiling, cached.survey)
        }
        let survey = try database.currentSurvey()
        cache.withLock { $0 = (peiling.definitionHash, survey) }
        return (peiling, survey)
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
