import Foundation
import SurveyStore
import Testing

/// The `ServerStateStore` on every backend (`TestBackend.available`): expiry, clean-up, the peiling
/// of a kiosk, and changes that two server instances on one database make at once.
@Suite struct ServerStateStoreTests {
    static func kiosk(_ token: String, now: Date, lifetime: TimeInterval = 60) -> KioskRecord {
        KioskRecord(tokenHash: TokenHash(of: token), unlockedBy: "juf-anna", method: "digital_at_school",
                    startTokenHash: TokenHash(of: "start"), visit: nil, lastActivity: now, expires: now.addingTimeInterval(lifetime))
    }

    /// Unlocks a kiosk through `instance`, as staff do on its start screen; returns the hash of its cookie.
    static func unlockKiosk(on instance: any ServerStateStore, now: Date, lifetime: TimeInterval = 60) throws -> TokenHash {
        try instance.insertKiosk(kiosk("kiosk-cookie", now: now, lifetime: lifetime))
        return TokenHash(of: "kiosk-cookie")
    }

    @Test(arguments: TestBackend.available)
    func anExpiredStaffSessionIsNotFoundAndIsDeleted(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        let hash = TokenHash(of: "cookie")
        try s.a.insertStaffSession(StaffSessionRecord(tokenHash: hash, staffName: "juf-anna", expires: now.addingTimeInterval(10)))
        #expect(try s.b.staffSession(hash, at: now)?.staffName == "juf-anna")
        #expect(try s.b.staffSession(hash, at: now.addingTimeInterval(11)) == nil)
        #expect(try s.a.staffSession(hash, at: now) == nil, "the expired row was deleted")
    }

    @Test(arguments: TestBackend.available)
    func cleanUpDeletesOnlyWhatHasExpired(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        for (token, seconds) in [("old", -1.0), ("current", 60.0)] {
            try s.a.insertStaffSession(StaffSessionRecord(tokenHash: TokenHash(of: token), staffName: "juf-anna",
                                                          expires: now.addingTimeInterval(seconds)))
            try s.a.insertKiosk(Self.kiosk(token, now: now, lifetime: seconds))
            try s.a.changeAttemptBucket(budget: "codes", key: token) { _ in
                AttemptBucket(tokens: 0, updated: now, fullAt: now.addingTimeInterval(seconds))
            }
        }
        #expect(try s.b.deleteExpired(at: now) == 3)
        // Asked about a moment before they expired, the deleted rows are gone and the others are there.
        let before = now.addingTimeInterval(-60)
        #expect(try s.a.staffSession(TokenHash(of: "old"), at: before) == nil)
        #expect(try s.a.kiosk(TokenHash(of: "old"), at: before) == nil)
        #expect(try s.a.staffSession(TokenHash(of: "current"), at: now) != nil)
        #expect(try s.a.kiosk(TokenHash(of: "current"), at: now) != nil)
        #expect(try s.a.attemptBuckets(budget: "codes").keys.sorted() == ["current"])
        #expect(try s.b.deleteExpired(at: now) == 0, "nothing twice")
    }

    @Test(arguments: TestBackend.available)
    func aKioskChangedThroughOneInstanceIsSeenThroughTheOther(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        let hash = try Self.unlockKiosk(on: s.a, now: now)
        let visit = KioskRecord.Visit(respondentID: "L01", language: "ar", pageTokenHash: TokenHash(of: "page"))
        #expect(try s.b.changeKiosk(hash, at: now) { $0.visit = visit; return true } == true)
        #expect(try s.a.kiosk(hash, at: now)?.visit == visit)
        #expect(try s.a.kiosk(hash, at: now)?.visit?.pageTokenHash.matches("page") == true)
        #expect(try s.a.kiosk(hash, at: now)?.visit?.pageTokenHash.matches("other") == false)
        #expect(try s.a.changeKiosk(hash, at: now.addingTimeInterval(61)) { _ in true } == nil, "expired")
        #expect(try s.b.kiosk(hash, at: now) == nil, "an expired kiosk is deleted when it is changed")
        _ = try Self.unlockKiosk(on: s.a, now: now)
        try s.b.deleteKiosk(hash)
        #expect(try s.a.changeKiosk(hash, at: now) { _ in true } == nil)
    }

    @Test(arguments: TestBackend.available)
    func aKioskUnlockedForOnePeilingIsLockedForTheOther(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        let hash = try Self.unlockKiosk(on: s.a, now: now)
        #expect(try s.otherPeiling.kiosk(hash, at: now) == nil, "the same cookie on the other school's server opens nothing")
        #expect(try s.otherPeiling.changeKiosk(hash, at: now) { $0.method = "oral"; return true } == nil)
        #expect(try s.b.kiosk(hash, at: now)?.method == "digital_at_school")
    }

    @Test(arguments: TestBackend.available)
    func twoInstancesStartingAtOnceGetTheSameSecret(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let secrets = Collected<String>()
        try onThreads(8) { index in
            let instance = index.isMultiple(of: 2) ? s.a : s.b
            secrets.add(try instance.serverSecret(named: "csrf") { "secret-\(index)" })
        }
        #expect(Set(secrets.values).count == 1, "every instance signs with the same secret")
        #expect(try s.b.serverSecret(named: "csrf") { "later" } == secrets.values.first)
        #expect(try s.a.serverSecret(named: "cookies") { "other" } == "other", "secrets are apart by name")
    }

    @Test(arguments: TestBackend.available)
    func failedAttemptsFromSeveralThreadsAddUpAcrossInstances(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        // 8 threads, 10 failed attempts each, half through each instance, all on one bucket that does not
        // exist yet: none may be lost, also not while the first ones race to create it.
        try onThreads(8) { index in
            for _ in 0..<10 {
                try (index.isMultiple(of: 2) ? s.a : s.b).changeAttemptBucket(budget: "codes", key: "10.0.0.1") { bucket in
                    AttemptBucket(tokens: (bucket?.tokens ?? 100) - 1, updated: now, fullAt: now.addingTimeInterval(60))
                }
            }
        }
        #expect(try s.a.attemptBucket(budget: "codes", key: "10.0.0.1")?.tokens == 20)
        #expect(try s.b.attemptBucket(budget: "logins", key: "10.0.0.1") == nil, "budgets are apart")
        try s.b.deleteAttemptBuckets(budget: "codes", key: nil)
        #expect(try s.a.attemptBucket(budget: "codes", key: "10.0.0.1") == nil)
    }

    @Test(arguments: TestBackend.available)
    func kioskChangesFromSeveralThreadsAreNoneLost(_ backend: TestBackend) throws {
        let s = try backend.instances()
        let now = Date()
        let hash = try Self.unlockKiosk(on: s.a, now: now, lifetime: 3600)
        // Each change moves the last activity on by a second: 40 changes at once from two instances.
        try onThreads(8) { index in
            for _ in 0..<5 {
                _ = try (index.isMultiple(of: 2) ? s.a : s.b).changeKiosk(hash, at: now) { kiosk in
                    kiosk.lastActivity.addTimeInterval(1)
                }
            }
        }
        let moved = try #require(try s.b.kiosk(hash, at: now)).lastActivity.timeIntervalSince(now)
        #expect(abs(moved - 40) < 0.001, "moved on by \(moved) s")
    }
}
