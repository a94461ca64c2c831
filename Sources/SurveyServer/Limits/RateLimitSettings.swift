import Foundation

/// How many failed attempts the server allows, per kind of attempt. Each budget is a token bucket: up to
/// `attempts` failures at once, and one more every `refillSeconds`.
public struct RateLimitSettings: Sendable {
    /// A token bucket's size and refill rate.
    public struct Budget: Sendable {
        public var attempts: Int
        public var refillSeconds: Double

        public init(attempts: Int, refillSeconds: Double) {
            self.attempts = attempts
            self.refillSeconds = refillSeconds
        }
    }

    /// Well-formed unknown codes per client: 50 at once, then one every 30 s (120 an hour). Typos that
    /// the check character catches are not counted. Guessing one of a few thousand 85-bit codes at this
    /// rate takes longer than the universe has existed; a school behind one address still has room for
    /// many parents with last year's letter.
    public var codeGuesses = Budget(attempts: 50, refillSeconds: 30)
    /// Well-formed unknown codes per unlocked kiosk: 20 at once, then one every 30 s.
    public var kioskGuesses = Budget(attempts: 20, refillSeconds: 30)
    /// Wrong staff passwords per client: 10 at once, then one a minute.
    public var loginsPerClient = Budget(attempts: 10, refillSeconds: 60)
    /// Wrong staff passwords per staff name, from any client: 10 at once, then one every two minutes.
    public var loginsPerName = Budget(attempts: 10, refillSeconds: 120)

    public init() {}
}
