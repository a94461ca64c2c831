import Foundation

/// What the form server keeps between requests, kept in the database so that any `ouderstem serve`
/// instance on it can serve any request and a restart logs nobody out: staff sessions, unlocked kiosks,
/// the budgets of failed attempts and the server's secrets.
///
/// A small interface on purpose: a second backend (PostgreSQL) implements these calls and nothing else.
/// Tokens never reach it: sessions are found by a `TokenHash`. Every `change…` call is one transaction,
/// so two instances changing the same kiosk or budget at once never undo each other.
public protocol ServerStateStore: Sendable {
    /// The secret called `name`; made with `make` and stored the first time it is asked for. Two instances
    /// asking at once get the same secret.
    func serverSecret(named name: String, otherwise make: () -> String) throws -> String

    func insertStaffSession(_ session: StaffSessionRecord) throws
    /// The session, unless it has expired at `now` (an expired one is deleted).
    func staffSession(_ hash: TokenHash, at now: Date) throws -> StaffSessionRecord?
    func deleteStaffSession(_ hash: TokenHash) throws

    func insertKiosk(_ kiosk: KioskRecord) throws
    /// The kiosk, unless it has expired at `now`; read only.
    func kiosk(_ hash: TokenHash, at now: Date) throws -> KioskRecord?
    /// Changes the kiosk in one transaction and stores the change; nil when there is no such kiosk or it has
    /// expired at `now` (an expired one is deleted).
    func changeKiosk<T>(_ hash: TokenHash, at now: Date, _ change: (inout KioskRecord) -> T) throws -> T?
    func deleteKiosk(_ hash: TokenHash) throws

    /// The bucket of `key` in the budget called `budget`; nil when it is full (no failed attempt to remember).
    func attemptBucket(budget: String, key: String) throws -> AttemptBucket?
    /// Replaces the bucket by what `change` makes of it, in one transaction.
    func changeAttemptBucket(budget: String, key: String, _ change: (AttemptBucket?) -> AttemptBucket) throws
    /// Forgets the bucket of `key`, or every bucket of the budget when `key` is nil.
    func deleteAttemptBuckets(budget: String, key: String?) throws
    /// Every bucket of the budget that is not known to be full, by key.
    func attemptBuckets(budget: String) throws -> [String: AttemptBucket]

    /// Deletes what has no use after `now`: expired staff and kiosk sessions, buckets that are full again.
    /// Returns how many rows went.
    @discardableResult
    func deleteExpired(at now: Date) throws -> Int
}

/// A logged-in staff member, as stored: the hash of the cookie's token, never the token.
public struct StaffSessionRecord: Sendable, Equatable {
    public var tokenHash: TokenHash
    public var staffName: String
    public var expires: Date

    public init(tokenHash: TokenHash, staffName: String, expires: Date) {
        self.tokenHash = tokenHash
        self.staffName = staffName
        self.expires = expires
    }
}

/// An unlocked kiosk, as stored: the hashes of its cookie and of the one-time token of the page on its
/// screen, never the tokens.
public struct KioskRecord: Sendable, Equatable {
    /// The parent answering now.
    public struct Visit: Sendable, Equatable {
        public var respondentID: String
        public var language: String
        public var pageTokenHash: TokenHash

        public init(respondentID: String, language: String, pageTokenHash: TokenHash) {
            self.respondentID = respondentID
            self.language = language
            self.pageTokenHash = pageTokenHash
        }
    }

    public var tokenHash: TokenHash
    public var unlockedBy: String
    public var method: String
    public var startTokenHash: TokenHash
    /// Nil on the start screen.
    public var visit: Visit?
    public var lastActivity: Date
    public var expires: Date

    public init(tokenHash: TokenHash, unlockedBy: String, method: String, startTokenHash: TokenHash, visit: Visit?,
                lastActivity: Date, expires: Date) {
        self.tokenHash = tokenHash
        self.unlockedBy = unlockedBy
        self.method = method
        self.startTokenHash = startTokenHash
        self.visit = visit
        self.lastActivity = lastActivity
        self.expires = expires
    }
}

/// A token bucket of failed attempts: its level when last changed, and when it will be full again (after
/// which it carries no information and may be deleted).
public struct AttemptBucket: Sendable, Equatable {
    public var tokens: Double
    public var updated: Date
    public var fullAt: Date

    public init(tokens: Double, updated: Date, fullAt: Date) {
        self.tokens = tokens
        self.updated = updated
        self.fullAt = fullAt
    }
}
