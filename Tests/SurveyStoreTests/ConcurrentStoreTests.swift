import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The CLI and the form server open the same file at the same time.
@Suite("Two processes on one file")
struct ConcurrentStoreTests {
    @Test(arguments: TestBackend.available) func twoConnectionsSavingAtOnceLoseNothingAndDuplicateNothing(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        let server = try store.open()
        let cli = try store.open()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 80) { index in
            let db = index % 2 == 0 ? server : cli
            // Every form is posted twice, once through each connection.
            let key = "form-\(index / 2)"
            let response = NewResponse(respondentID: nil, submissionKey: key, method: .digitalAtSchool, language: "nl",
                                       answers: answers(("uren", .number(Double(index / 2)), nil)))
            do { try db.save(response) } catch { failures.add("\(key): \(error)") }
        }
        #expect(failures.all.isEmpty)
        var hours: [Double] = []
        try store.db.forEachResponse { response in
            if case .number(let value) = response.answers["uren"]?.value { hours.append(value) }
        }
        #expect(hours.sorted() == (0..<40).map(Double.init))
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
