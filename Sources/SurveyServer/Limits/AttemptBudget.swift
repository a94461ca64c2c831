import Foundation
import Synchronization

/// A token bucket per key (a client, a staff name, a kiosk): each failed attempt spends one token, and
/// tokens come back one per `refill` seconds up to `capacity`.
///
/// A token bucket rather than a sliding window: it keeps two numbers per key instead of a timestamp per
/// attempt, it allows a burst (a parent who mistypes a few times) while holding a steady rate, and a
/// limited client waits only until one token is back, which gives an exact `Retry-After`, instead of
/// until the whole window has passed.
final class AttemptBudget: Sendable {
    /// Failed attempts allowed at once.
    let capacity: Double
    /// Seconds for one spent attempt to come back.
    let refill: TimeInterval
    private let buckets = Mutex<[String: Bucket]>([:])
    static let maxKeys = 50_000

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    init(capacity: Int, refillSeconds: TimeInterval) {
        self.capacity = Double(max(1, capacity))
        self.refill = max(0.001, refillSeconds)
    }

    /// Nil when `key` may try now; otherwise the whole seconds to wait for the next attempt (at least 1).
    func wait(_ key: String, now: Date = Date()) -> Int? {
        buckets.withLock { map in map[key].flatMap { waitSeconds(level($0, now)) } }
    }

    /// Records a failed attempt by `key`.
    func spend(_ key: String, now: Date = Date()) {
        buckets.withLock { map in
            let tokens = map[key].map { level($0, now) } ?? capacity
            map[key] = Bucket(tokens: max(0, tokens - 1), updated: now)
            // Keys whose bucket has filled up again carry no information: drop them so memory stays bounded.
            // Should that not be enough (many addresses at once), keep the half closest to empty.
            if map.count > Self.maxKeys {
                map = map.filter { level($0.value, now) < capacity }
                if map.count > Self.maxKeys {
                    map = Dictionary(uniqueKeysWithValues: map.sorted { level($0.value, now) < level($1.value, now) }
                        .prefix(Self.maxKeys / 2).map { ($0.key, $0.value) })
                }
            }
        }
    }

    /// Gives `key` its whole budget back (a kiosk unlocked again).
    func reset(_ key: String) {
        _ = buckets.withLock { $0.removeValue(forKey: key) }
    }

    /// Gives every key its whole budget back (a staff member resets the kiosks from the dashboard).
    func resetAll() {
        buckets.withLock { $0.removeAll() }
    }

    /// The keys that must wait now, with their wait in seconds.
    func limited(now: Date = Date()) -> [(key: String, wait: Int)] {
        buckets.withLock { map in
            map.compactMap { key, bucket in waitSeconds(level(bucket, now)).map { (key, $0) } }
        }
    }

    private func level(_ bucket: Bucket, _ now: Date) -> Double {
        min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) / refill)
    }

    /// Nil when a whole token is there; else the whole seconds until it is, at least 1.
    private func waitSeconds(_ tokens: Double) -> Int? {
        tokens >= 1 ? nil : max(1, Int(((1 - tokens) * refill).rounded(.up)))
    }
}
