import Foundation
import SurveyStore

/// The budgets for failed attempts, kept apart so that one kind of mistake never blocks another: a
/// mistyped code never makes a staff password "wrong", and a kiosk's typos never block parents at home.
final class RateLimits: Sendable {
    /// Well-formed but unknown codes, per client address (the parent's own device, or `/`). Checked on
    /// every parent's request, so through a snapshot read at most once a second (`BucketSnapshot`).
    let codeGuesses: AttemptBudget
    /// Well-formed but unknown codes typed on one unlocked kiosk, per kiosk session (by the hash of its cookie).
    let kioskGuesses: AttemptBudget
    /// Wrong staff passwords, per client address.
    let loginsPerClient: AttemptBudget
    /// Wrong staff passwords, per staff name: guessing one account from many addresses is stopped too.
    let loginsPerName: AttemptBudget

    init(_ settings: RateLimitSettings, state: any ServerStateStore, cleanup: ExpiryCleanup) {
        func budget(_ name: String, _ budget: RateLimitSettings.Budget, hashesKeys: Bool = false,
                    snapshot: BucketSnapshot? = nil) -> AttemptBudget {
            AttemptBudget(name: name, capacity: budget.attempts, refillSeconds: budget.refillSeconds, hashesKeys: hashesKeys,
                          snapshot: snapshot, state: state, cleanup: cleanup)
        }
        codeGuesses = budget("codes", settings.codeGuesses, snapshot: BucketSnapshot())
        kioskGuesses = budget("kiosk-codes", settings.kioskGuesses, hashesKeys: true)
        loginsPerClient = budget("logins-per-client", settings.loginsPerClient)
        loginsPerName = budget("logins-per-name", settings.loginsPerName)
    }
}
