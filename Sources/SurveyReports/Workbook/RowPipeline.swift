import Foundation
import SurveyCore
import SurveyStore

/// Writes Data-sheet rows on a second thread while the main thread reads and counts the next responses.
///
/// Reading SQLite and counting take about as long as libxlsxwriter takes to write the rows; on two cores the pass
/// then costs the longer of the two instead of their sum. Only this thread touches the workbook until `finish()`
/// returns, so libxlsxwriter (not thread-safe) is never used from two threads at once. A bounded queue keeps memory flat.
final class RowPipeline: @unchecked Sendable {
    /// A response with its answers by question position.
    typealias Row = (response: StoredResponse, slots: [Answer?])

    private let condition = NSCondition()
    private var batches: [[Row]] = []
    private var closed = false
    private var done = false
    private var failure: Error?
    private let capacity = 8
    private var batch: [Row] = []
    private let batchSize = 256

    /// Starts the writing thread; `write` is called for every response, in order.
    init(write: @escaping (Row) throws -> Void) {
        let box = WriteBox(write)
        let thread = Thread { [self] in self.run(box) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func run(_ box: WriteBox) {
        while true {
            condition.lock()
            while batches.isEmpty && !closed { condition.wait() }
            if batches.isEmpty && closed {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = batches.removeFirst()
            condition.broadcast()
            let failed = failure != nil
            condition.unlock()
            guard !failed else { continue }  // drain after an error so the reader never blocks
            do {
                for response in next { try box.write(response) }
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
        }
    }

    /// Queues one response; blocks while the writer is `capacity` batches behind.
    func add(_ response: Row) {
        batch.append(response)
        guard batch.count >= batchSize else { return }
        push()
    }

    private func push() {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = []
        batch.reserveCapacity(batchSize)
    }

    /// Waits until every queued row is written; rethrows the writer's first error.
    func finish() throws {
        if !batch.isEmpty { push() }
        condition.lock()
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
    }
}

/// Carries the non-Sendable writing closure to the writer thread, which alone calls it.
private final class WriteBox: @unchecked Sendable {
    let write: (RowPipeline.Row) throws -> Void
    init(_ write: @escaping (RowPipeline.Row) throws -> Void) { self.write = write }
}
