import Foundation
import SurveyStore

/// A token bucket per key (a client, a staff name, a kiosk): each failed attempt spends one token, and
/// tokens come back one per `refill` seconds up to `capacity`. The buckets are in the database
/// (`ServerStateStore`), so a limit counted by one `serve` instance holds on every other and after a restart.
///
/// A token bucket rather than a sliding window: it keeps two numbers per key instead of a timestamp per
/// attempt, it allows a burst (a parent who mistypes a few times) while holding a steady rate, and a
/// limited client waits only until one token is back, which gives an exact `Retry-After`, instead of
/// until the whole window has passed.
final class AttemptBudget: Sendable {
    /// The budget's name in the database.
    let name: String
    /// Failed attempts allowed at once.
    let capacity: Double
    /// Seconds for one spent attempt to come back.
    let refill: TimeInterval
    /// Store the SHA-256 of each key instead of the key: for keys that are secrets (a kiosk's cookie).
    let hashesKeys: Bool
    /// For a budget checked on every parent's request: read through a snapshot (see `BucketSnapshot`).
    private let snapshot: BucketSnapshot?
    private let state: any ServerStateStore
    private let cleanup: ExpiryCleanup

    init(name: String, capacity: Int, refillSeconds: TimeInterval, hashesKeys: Bool = false, snapshot: BucketSnapshot? = nil,
         state: any ServerStateStore, cleanup: ExpiryCleanup) {
        self.name = name
        self.capacity = Double(max(1, capacity))
        self.refill = max(0.001, refillSeconds)
        self.hashesKeys = hashesKeys
        self.snapshot = snapshot
        self.state = state
        self.cleanup = cleanup
    }

    /// Nil when `key` may try now; otherwise the whole seconds to wait for the next attempt (at least 1).
    func wait(_ key: String, now: Date = Date()) throws -> Int? {
        let key = stored(key)
        let bucket = try snapshot.map { try $0.bucket(key, now: now) { try state.attemptBuckets(budget: name) } }
            ?? state.attemptBucket(budget: name, key: key)
        return bucket.flatMap { waitSeconds(level($0, now)) }
    }

    /// Records a failed attempt by `key`.
    func spend(_ key: String, now: Date = Date()) throws {
        var spent: AttemptBucket?
        try state.changeAttemptBucket(budget: name, key: stored(key)) { bucket in
            let tokens = max(0, (bucket.map { level($0, now) } ?? capacity) - 1)
            // After this moment the bucket is full again and its row carries no information.
            spent = AttemptBucket(tokens: tokens, updated: now, fullAt: now.addingTimeInterval((capacity - tokens) * refill))
            return spent!
        }
        snapshot?.record(stored(key), spent)
        cleanup.runIfDue(now: now)
    }

    /// Gives `key` its whole budget back (a kiosk unlocked again).
    func reset(_ key: String) throws {
        try state.deleteAttemptBuckets(budget: name, key: stored(key))
        snapshot?.record(stored(key), nil)
    }

    /// Gives every key its whole budget back (a staff member resets the kiosks from the dashboard).
    func resetAll() throws {
        try state.deleteAttemptBuckets(budget: name, key: nil)
        snapshot?.expire()
    }

    /// The keys (as stored) that must wait now, with their wait in seconds.
    func limited(now: Date = Date()) throws -> [(key: String, wait: Int)] {
        try state.attemptBuckets(budget: name).compactMap { key, bucket in waitSeconds(level(bucket, now)).map { (key, $0) } }
    }

    private func stored(_ key: String) -> String {
        hashesKeys ? TokenHash(of: key).hex : key
    }

    private func level(_ bucket: AttemptBucket, _ now: Date) -> Double {
        min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) / refill)
    }

    /// Nil when a whole token is there; else the whole seconds until it is, at least 1.
    private func waitSeconds(_ tokens: Double) -> Int? {
        tokens >= 1 ? nil : max(1, Int(((1 - tokens) * refill).rounded(.up)))
    }
}
