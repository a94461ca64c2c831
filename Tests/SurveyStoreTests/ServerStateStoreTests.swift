import Foundation
import SurveyStore
import Testing

/// The SQLite `ServerStateStore`: expiry, clean-up, and changes that two openings of the file (two server
/// instances) see at once.
@Suite struct ServerStateStoreTests {
    /// A new database file with a peiling and one staff account, and a second opening of it.
    static func twoOpenings() throws -> (store: TempStore, other: SurveyDatabase) {
        let store = try TempStore()
        try store.db.setStaff(name: "juf-anna", passwordHash: "not-a-real-hash")
        return (store, try SurveyDatabase(path: store.path))
    }

    static func kiosk(_ token: String, now: Date, lifetime: TimeInterval = 60) -> KioskRecord {
        KioskRecord(tokenHash: TokenHash(of: token), unlockedBy: "juf-anna", method: "digital_at_school",
                    startTokenHash: TokenHash(of: "start"), visit: nil, lastActivity: now, expires: now.addingTimeInterval(lifetime))
    }

    @Test func anExpiredStaffSessionIsNotFoundAndIsDeleted() throws {
        let (store, b) = try Self.twoOpenings()
        let a = store.db
        let now = Date()
        let hash = TokenHash(of: "cookie")
        try a.insertStaffSession(StaffSessionRecord(tokenHash: hash, staffName: "juf-anna", expires: now.addingTimeInterval(10)))
        #expect(try b.staffSession(hash, at: now)?.staffName == "juf-anna")
        #expect(try b.staffSession(hash, at: now.addingTimeInterval(11)) == nil)
        #expect(try a.staffSession(hash, at: now) == nil, "the expired row was deleted")
    }

    @Test func cleanUpDeletesOnlyWhatHasExpired() throws {
        let (store, b) = try Self.twoOpenings()
        let a = store.db
        let now = Date()
        for (token, seconds) in [("old", -1.0), ("current", 60.0)] {
            try a.insertStaffSession(StaffSessionRecord(tokenHash: TokenHash(of: token), staffName: "juf-anna",
                                                        expires: now.addingTimeInterval(seconds)))
            try a.insertKiosk(Self.kiosk(token, now: now, lifetime: seconds))
            try a.changeAttemptBucket(budget: "codes", key: token) { _ in
                AttemptBucket(tokens: 0, updated: now, fullAt: now.addingTimeInterval(seconds))
            }
        }
        #expect(try b.deleteExpired(at: now) == 3)
        let counts = try a.read { db in
            try ["staff_session", "kiosk_session", "attempt_bucket"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") }
        }
        #expect(counts == [1, 1, 1])
        #expect(try a.kiosk(TokenHash(of: "current"), at: now) != nil)
        #expect(try a.attemptBuckets(budget: "codes").keys.sorted() == ["current"])
    }

    @Test func aKioskChangedThroughOneOpeningIsSeenThroughTheOther() throws {
        let (store, b) = try Self.twoOpenings()
        let a = store.db
        let now = Date()
        let hash = TokenHash(of: "kiosk")
        try a.insertKiosk(Self.kiosk("kiosk", now: now))
        let visit = KioskRecord.Visit(respondentID: "L01", language: "ar", pageTokenHash: TokenHash(of: "page"))
        #expect(try b.changeKiosk(hash, at: now) { $0.visit = visit; return true } == true)
        #expect(try a.kiosk(hash, at: now)?.visit == visit)
        #expect(try a.kiosk(hash, at: now)?.visit?.pageTokenHash.matches("page") == true)
        #expect(try a.kiosk(hash, at: now)?.visit?.pageTokenHash.matches("other") == false)
        try b.deleteKiosk(hash)
        #expect(try a.changeKiosk(hash, at: now) { _ in true } == nil)
    }

    @Test func failedAttemptsAddUpAcrossOpeningsAtOnce() async throws {
        let (store, b) = try Self.twoOpenings()
        let a = store.db
        let now = Date()
        // 50 failed attempts, half through each opening, all at once: none may be lost.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                let database = index.isMultiple(of: 2) ? a : b
                group.addTask {
                    try database.changeAttemptBucket(budget: "codes", key: "10.0.0.1") { bucket in
                        AttemptBucket(tokens: (bucket?.tokens ?? 100) - 1, updated: now, fullAt: now.addingTimeInterval(60))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try a.attemptBucket(budget: "codes", key: "10.0.0.1")?.tokens == 50)
        #expect(try b.attemptBucket(budget: "logins", key: "10.0.0.1") == nil, "budgets are apart")
        try b.deleteAttemptBuckets(budget: "codes", key: nil)
        #expect(try a.attemptBucket(budget: "codes", key: "10.0.0.1") == nil)
    }
}
