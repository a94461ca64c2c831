import Foundation
import SurveyStore
import Synchronization

/// The buckets of one budget as this instance last read them, for the check on every parent's request:
/// the whole budget is read from the database at most once per `maxAge`, instead of once per request.
///
/// The price is that a failure counted by another instance holds here at most `maxAge` later (this
/// instance's own failures hold at once); with 50 guesses allowed and 85-bit codes that second gives a
/// guesser nothing. Only rows of clients that failed recently exist, so a read is small.
final class BucketSnapshot: Sendable {
    let maxAge: TimeInterval
    private let cached = Mutex<(read: Date, buckets: [String: AttemptBucket])>((.distantPast, [:]))

    init(maxAge: TimeInterval = 1) {
        self.maxAge = maxAge
    }

    /// The bucket of `key`, from a snapshot no older than `maxAge`; `load` reads the whole budget.
    func bucket(_ key: String, now: Date, load: () throws -> [String: AttemptBucket]) throws -> AttemptBucket? {
        let fresh = cached.withLock { now.timeIntervalSince($0.read) < maxAge ? $0.buckets : nil }
        if let fresh { return fresh[key] }
        // Read outside the lock: requests waiting for it would hold up every other one.
        let buckets = try load()
        cached.withLock { $0 = (now, buckets) }
        return buckets[key]
    }

    /// What this instance just stored for `key` (nil: deleted), so its own limits hold at once.
    func record(_ key: String, _ bucket: AttemptBucket?) {
        cached.withLock { $0.buckets[key] = bucket }
    }

    /// Reads again on the next check (after every bucket of the budget was deleted).
    func expire() {
        cached.withLock { $0 = (.distantPast, [:]) }
    }
}
