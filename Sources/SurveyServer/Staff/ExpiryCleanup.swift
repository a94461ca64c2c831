import Foundation
import Logging
import SurveyStore
import Synchronization

/// Deletes expired server state (sessions past their time, budgets full again) now and then: at most once
/// per `interval` in each instance, on the writes that add rows (a login, an unlocked kiosk, a failed
/// attempt), so the table never grows without bound and an idle server does no work at all.
final class ExpiryCleanup: Sendable {
    let state: any ServerStateStore
    let interval: TimeInterval
    private let last = Mutex<Date>(.distantPast)
    private static let logger = Logger(label: "ouderstem.server")

    init(state: any ServerStateStore, interval: TimeInterval = 60) {
        self.state = state
        self.interval = interval
    }

    func runIfDue(now: Date = Date()) {
        let due = last.withLock { last in
            guard now.timeIntervalSince(last) >= interval else { return false }
            last = now
            return true
        }
        guard due else { return }
        // The row that triggered this is already written; a failed clean-up only waits for the next turn.
        do { try state.deleteExpired(at: now) } catch {
            Self.logger.warning("could not delete expired sessions: \(error)")
        }
    }
}
