import Hummingbird
import SurveyCore
import SurveyStore

/// Opens a respondent by invitation code, within the budget for guessing. A code with a typo and an
/// unknown code look the same to the person typing: telling them apart would help someone guessing codes.
///
/// Only a well-formed code with a valid check character that is not on the roster counts as a guess.
/// A typo (every single wrong character and every swap of neighbours breaks the check character) is
/// refused without a database look-up and costs nothing, so the typos of one parent never block the
/// next. A client over its budget is clearly guessing: then every code from it, right or wrong, waits.
struct CodeAccess: Sendable {
    let database: SurveyDatabase
    let limits: RateLimits

    enum Outcome {
        case found(Respondent, InvitationCode)
        case wrong
        /// The client must wait this many seconds.
        case tooManyAttempts(retryAfter: Int)
    }

    /// A code typed on the parent's own device or in a personal link, counted per client address.
    func open(_ typed: String, client: String) throws -> Outcome {
        try open(typed, budget: limits.codeGuesses, key: client)
    }

    /// A code typed on an unlocked kiosk, counted against that kiosk's own budget.
    func openAtKiosk(_ typed: String, kiosk: String) throws -> Outcome {
        try open(typed, budget: limits.kioskGuesses, key: kiosk)
    }

    private func open(_ typed: String, budget: AttemptBudget, key: String) throws -> Outcome {
        if let wait = try budget.wait(key) { return .tooManyAttempts(retryAfter: wait) }
        guard (try? InvitationCode(parsing: typed)) != nil else { return .wrong }
        do {
            let (respondent, code) = try database.respondent(forCode: typed)
            return .found(respondent, code)
        } catch StoreError.unknownCode {
            try budget.spend(key)
            return .wrong
        }
    }
}
