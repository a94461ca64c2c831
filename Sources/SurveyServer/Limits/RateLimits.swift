import Foundation

/// The budgets for failed attempts, kept apart so that one kind of mistake never blocks another: a
/// mistyped code never makes a staff password "wrong", and a kiosk's typos never block parents at home.
final class RateLimits: Sendable {
    /// Well-formed but unknown codes, per client address (the parent's own device, or `/`).
    let codeGuesses: AttemptBudget
    /// Well-formed but unknown codes typed on one unlocked kiosk, per kiosk session.
    let kioskGuesses: AttemptBudget
    /// Wrong staff passwords, per client address.
    let loginsPerClient: AttemptBudget
    /// Wrong staff passwords, per staff name: guessing one account from many addresses is stopped too.
    let loginsPerName: AttemptBudget

    init(_ settings: RateLimitSettings) {
        codeGuesses = AttemptBudget(settings.codeGuesses)
        kioskGuesses = AttemptBudget(settings.kioskGuesses)
        loginsPerClient = AttemptBudget(settings.loginsPerClient)
        loginsPerName = AttemptBudget(settings.loginsPerName)
    }
}

extension AttemptBudget {
    convenience init(_ budget: RateLimitSettings.Budget) {
        self.init(capacity: budget.attempts, refillSeconds: budget.refillSeconds)
    }
}
