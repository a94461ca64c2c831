import Foundation

/// Runs `body(0..<count)` on `count` threads of their own, all at once, and waits for them; rethrows the
/// first error. Real threads rather than tasks: two cores give the cooperative pool two threads only, and
/// the point is many callers inside the store at the same moment.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let group = DispatchGroup()
    let errors = Collected<any Error>()
    for index in 0..<count {
        group.enter()
        Thread {
            do { try body(index) } catch { errors.add(error) }
            group.leave()
        }.start()
    }
    group.wait()
    if let error = errors.values.first { throw error }
}

/// What threads hand back, collected under a lock.
final class Collected<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Value] = []

    func add(_ value: Value) { lock.withLock { collected.append(value) } }
    var values: [Value] { lock.withLock { collected } }
}
