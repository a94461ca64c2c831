import NIOCore
import PostgresNIO
import Synchronization

/// Fails every statement still waiting on a connection once that connection closes.
///
/// PostgresNIO (1.x) hands a statement to its channel without a promise for the write: on a channel that
/// closed just before, the write fails quietly and the statement's answer never comes, so a thread waiting
/// for it would wait forever. Seen after PostgreSQL restarted under load: each such wait held one of the
/// pool's connections, until the instance answered nobody.
final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var next = 0
        /// What fails each waiting statement's promise, by key.
        var waiting: [Int: @Sendable () -> Void] = [:]
    }

    private let state = Mutex(State())

    init(_ connection: PostgresConnection) {
        connection.closeFuture.whenComplete { [self] _ in
            let waiting = state.withLock { state in
                state.closed = true
                defer { state.waiting.removeAll() }
                return Array(state.waiting.values)
            }
            for fail in waiting { fail() }
        }
    }

    /// The answer of `statement`, or `PostgresStoreError.connectionLost` when the connection closes first.
    func watch<Answer: Sendable>(_ answer: EventLoopFuture<Answer>) -> EventLoopFuture<Answer> {
        let promise = answer.eventLoop.makePromise(of: Answer.self)
        let key: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.waiting[state.next] = { promise.fail(PostgresStoreError.connectionLost) }
            return state.next
        }
        answer.cascade(to: promise)  // a promise completed twice keeps the first result
        if let key {
            promise.futureResult.whenComplete { [self] _ in _ = state.withLock { $0.waiting.removeValue(forKey: key) } }
        } else {
            promise.fail(PostgresStoreError.connectionLost)
        }
        return promise.futureResult
    }
}
