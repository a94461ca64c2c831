import Hummingbird
import SurveyCore
import SurveyStore

/// Opens a respondent by invitation code, with the rate limit on failures. A code with a typo and an
/// unknown code are treated the same: telling them apart would help someone guessing codes.
struct CodeAccess: Sendable {
    let database: SurveyDatabase
    let limiter: RateLimiter

    enum Outcome {
        case found(Respondent, InvitationCode)
        case wrong
        case tooManyAttempts
    }

    func open(_ typed: String, client: String) -> Outcome {
        guard limiter.mayTry(client) else { return .tooManyAttempts }
        do {
            let (respondent, code) = try database.respondent(forCode: typed)
            return .found(respondent, code)
        } catch {
            limiter.recordFailure(client)
            return .wrong
        }
    }
}
