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

    @Test(arguments: TestBackend.available) func twoInstancesSavingTheFirstAnswerOfOneCodeAtOnceMakeOneResponse(_ backend: TestBackend) throws {
        // Eight parents' devices (two server instances) send the first form of the same code at the same
        // moment, each with other answers and each started from "no response yet". One save wins; every
        // other one is told that the response changed meanwhile, and nothing of it is stored.
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let instances = [try store.open(), try store.open()]
        for respondent in TempStore.roster.map(\.id) {
            let saved = Collected<String>()
            let refused = Collected<ResponseConflict>()
            try onThreads(8) { index in
                let wish = "wish \(index)"
                do {
                    try instances[index % 2].save(NewResponse(respondentID: respondent, method: .digital, language: "nl",
                                                              answers: answers(("wens", .text(wish), nil)), basedOnVersion: 0),
                                                  existing: .replace)
                    saved.add(wish)
                } catch let conflict as ResponseConflict {
                    refused.add(conflict)
                }
            }
            #expect(saved.values.count == 1, "one save of \(respondent) wins")
            #expect(refused.values.count == 7)
            let stored = try #require(try store.db.response(of: respondent))
            #expect(stored.answers["wens"]?.value == .text(saved.values.first ?? ""), "the winner's answers are stored")
            #expect(stored.version == 1, "the refused saves changed nothing")
            #expect(refused.values.allSatisfy { $0.current.answers == stored.answers }, "each refusal shows what is stored")
        }
        var count = 0
        try store.db.forEachResponse { _ in count += 1 }
        #expect(count == TempStore.roster.count, "one response per code, never a second")
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
