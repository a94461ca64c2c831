import Dispatch
import Synchronization
import SurveyStore

/// Group commit for the form server: saves that arrive while a commit is running wait and are then
/// committed together, in one transaction with one sync to disk (`synchronous=FULL` stays on). A parent's
/// request is answered only after its save is committed; the event loops never wait for the disk.
///
/// SQLite has one writer at a time, so one batch runs at a time. PostgreSQL takes several transactions at
/// once, and there a save waits mostly for round trips to the server, not for the disk: several batches run
/// side by side (`SurveyDatabase.concurrentWrites`), each on its own connection.
final class SaveBatcher: Sendable {
    private struct Pending: Sendable {
        var response: NewResponse
        var continuation: CheckedContinuation<Int64, any Error>
    }

    private struct State: Sendable {
        var pending: [Pending] = []
        var running = 0
    }

    private let database: SurveyDatabase
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "ouderstem.saves", attributes: .concurrent)
    private let lanes: Int
    /// An upper bound on one transaction, so a flood of saves still commits in steady steps.
    private let maxBatch = 256

    init(database: SurveyDatabase) {
        self.database = database
        lanes = database.concurrentWrites
    }

    /// Saves `response` (replacing the respondent's earlier answers), durably, and returns its id. Throws
    /// `ResponseConflict` when the stored response moved on from `response.basedOnVersion`: the check
    /// runs inside the batch's transaction, so no save in the batch undoes another.
    @discardableResult
    func save(_ response: NewResponse) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.pending.append(Pending(response: response, continuation: continuation))
                if state.running == lanes { return false }
                state.running += 1
                return true
            }
            if start { queue.async { self.drain() } }
        }
    }

    private func drain() {
        while true {
            let batch: [Pending] = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.running -= 1
                    return []
                }
                let count = min(maxBatch, state.pending.count)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                return batch
            }
            guard !batch.isEmpty else { return }
            let results = database.saveAll(batch.map(\.response), existing: .replace)
            for (pending, result) in zip(batch, results) {
                pending.continuation.resume(with: result)
            }
        }
    }
}
