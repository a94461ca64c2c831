import Foundation
import Synchronization

/// Counts failed code attempts per client so that codes cannot be guessed by trying: after `allowed`
/// failures within `window` seconds, the client must wait.
final class RateLimiter: Sendable {
    private let allowed: Int
    private let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(allowed: Int, window: TimeInterval) {
        self.allowed = allowed
        self.window = window
    }

    /// Whether `client` may try another code now.
    func mayTry(_ client: String, now: Date = Date()) -> Bool {
        failures.withLock { map in
            let recent = (map[client] ?? []).filter { now.timeIntervalSince($0) < window }
            map[client] = recent.isEmpty ? nil : recent
            return recent.count < allowed
        }
    }

    /// Records a wrong or unknown code from `client`.
    func recordFailure(_ client: String, now: Date = Date()) {
        failures.withLock { map in
            var recent = (map[client] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            map[client] = recent
            if map.count > 100_000 { map = map.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        }
    }
}
