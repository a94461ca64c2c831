import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Two writers on one response (a parent's two tabs, a page save racing the submission, staff typing the
/// paper form while the parent answers on the web): a save that started from an older version never
/// undoes the newer one (issue 9, point 3).
@Suite("Response versions")
struct ResponseVersionTests {
    func page(_ answers: Answers, complete: Bool = false, basedOn: Int64?, method: ResponseMethod = .digital,
              enteredBy: String? = nil) -> NewResponse {
        NewResponse(respondentID: "Tim de Vries", method: method, language: "nl", enteredBy: enteredBy, answers: answers,
                    complete: complete, basedOnVersion: basedOn)
    }

    @Test(arguments: TestBackend.available) func everySaveRaisesTheVersion(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.save(page(answers(("uren", .number(8), nil)), basedOn: 0), existing: .replace)
        #expect(try store.db.response(of: "Tim de Vries")?.version == 1)
        try store.db.save(page(answers(("uren", .number(9), nil)), basedOn: 1), existing: .replace)
        #expect(try store.db.response(of: "Tim de Vries")?.version == 2)
    }

    @Test(arguments: TestBackend.available) func aStalePageSaveAfterTheSubmissionIsRefusedAndUndoesNothing(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.save(page(answers(("uren", .number(8), nil)), basedOn: 0), existing: .replace)
        // Both requests read version 1; the submission commits first.
        let sent = answers(("uren", .number(8), nil), ("wens", .text("Meer uitleg"), nil))
        try store.db.save(page(sent, complete: true, basedOn: 1), existing: .replace)
        let stale = answers(("uren", .number(12), nil))
        do {
            try store.db.save(page(stale, basedOn: 1), existing: .replace)
            Issue.record("a save from version 1 over version 2 must be refused")
        } catch let conflict as ResponseConflict {
            #expect(conflict.basedOnVersion == 1)
            #expect(conflict.current.version == 2)
            #expect(conflict.current.complete)
            #expect(conflict.description.contains("Digital (own device)"))
        }
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(stored.complete, "the acknowledged submission stays complete")
        #expect(stored.answers == sent)
        #expect(stored.version == 2)
    }

    @Test(arguments: TestBackend.available) func sendingTheSameAnswersTwiceIsNotAConflict(_ backend: TestBackend) throws {
        // A double click on "Versturen": the second post started from the same version, changes nothing.
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let sent = answers(("uren", .number(8), nil))
        try store.db.save(page(sent, complete: true, basedOn: 0), existing: .replace)
        try store.db.save(page(sent, complete: true, basedOn: 0), existing: .replace)
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(stored.complete && stored.answers == sent)
    }

    @Test(arguments: TestBackend.available) func aPageSaveNeverTurnsASentFormBackIntoADraft(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        try store.db.save(page(answers(("uren", .number(8), nil)), complete: true, basedOn: 0), existing: .replace)
        // The parent opens the form again and saves a page "for later", from the current version.
        try store.db.save(page(answers(("uren", .number(10), nil)), complete: false, basedOn: 1), existing: .replace)
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(stored.complete)
        #expect(stored.answers["uren"]?.value == .number(10))
    }

    @Test(arguments: TestBackend.available) func aWebAnswerThatArrivedDuringEntrySaysWhoAndIsKept(_ backend: TestBackend) throws {
        // Staff start typing the paper form when there is no response (version 0); the parent sends the web form.
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let web = answers(("wens", .text("Via de app"), nil))
        try store.db.save(page(web, complete: true, basedOn: nil))
        let typed = answers(("wens", .text("Van papier"), nil))
        do {
            try store.db.save(page(typed, complete: true, basedOn: 0, method: .paperHome, enteredBy: "Sanne"), existing: .replace)
            Issue.record("the paper entry must not replace the web answer")
        } catch let conflict as ResponseConflict {
            #expect(conflict.current.method == .digital)
            #expect(conflict.current.answers == web)
        }
        #expect(try store.db.response(of: "Tim de Vries")?.answers == web)
        // Replacing is an explicit choice: against the version staff were shown.
        try store.db.save(page(typed, complete: true, basedOn: 1, method: .paperHome, enteredBy: "Sanne"), existing: .replace)
        let replaced = try #require(try store.db.response(of: "Tim de Vries"))
        #expect(replaced.answers == typed && replaced.method == .paperHome && replaced.version == 2)
    }

    @Test(arguments: TestBackend.available) func concurrentReadModifyWritesThroughTwoConnectionsLoseNoAnswer(_ backend: TestBackend) throws {
        // 40 writers, each adding its mark to the same answer by reading it, changing it and saving it
        // against the version read; on a conflict they read again. Every mark must survive.
        let store = try TempStore(on: backend)
        try store.db.importRoster(TempStore.roster)
        let server = try store.open()
        let cli = try store.open()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let db = index % 2 == 0 ? server : cli
            for _ in 0..<200 {
                do {
                    let stored = try db.response(of: "Tim de Vries")
                    var merged = stored?.answers ?? [:]
                    var list = ""
                    if case .text(let text)? = merged["wens"]?.value { list = text }
                    merged["wens"] = Answer(questionID: "wens", value: .text(list + " w\(index)."), otherText: nil)
                    try db.save(page(merged, basedOn: stored?.version ?? 0), existing: .replace)
                    return
                } catch is ResponseConflict {
                    continue
                } catch {
                    failures.add("\(index): \(error)")
                    return
                }
            }
            failures.add("\(index): gave up")
        }
        #expect(failures.all.isEmpty)
        let stored = try #require(try store.db.response(of: "Tim de Vries"))
        guard case .text(let list)? = stored.answers["wens"]?.value else { Issue.record("no text"); return }
        for index in 0..<40 { #expect(list.contains(" w\(index)."), "writer \(index)'s answer survived") }
        #expect(stored.version == 40)
    }
}
