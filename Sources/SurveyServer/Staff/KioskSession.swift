import Foundation
import SurveyStore

/// A parent answering at the kiosk: a form session of their own, started by their code and ended by
/// "Versturen", "Stoppen", the idle time, or a post that carries a stale token. The kiosk's row
/// (`KioskRecord`) keeps the visit with the hash of the page's token; this is the visit with the token
/// itself, known only when it is made, for the page about to be shown.
struct KioskVisit: Sendable {
    var respondentID: String
    var language: String
    /// The one-time token of the page on the screen: the CSRF token of its post and of the idle script's
    /// "still here". Every page shown gets a new one, so a post from an earlier page, from a page the
    /// browser restored from its cache, or from a previous parent's page is refused.
    var pageToken: String
}

/// A kiosk unlocked by a staff member: for which method, the hash of the start screen's token (every start
/// screen gets a new one, so a start page restored from the browser's cache, with a previous parent's code
/// typed in, cannot be sent), and which parent (if any) is answering now.
typealias KioskSession = KioskRecord

extension SessionStore {
    /// Unlocks a kiosk; returns the token for its cookie.
    func startKiosk(unlockedBy: String, method: String) throws -> String {
        let token = randomToken()
        let now = Date()
        try state.insertKiosk(KioskRecord(tokenHash: TokenHash(of: token), unlockedBy: unlockedBy, method: method,
                                          startTokenHash: TokenHash(of: randomToken()), visit: nil, lastActivity: now,
                                          expires: now.addingTimeInterval(Self.kioskLifetime)))
        cleanup.runIfDue(now: now)
        return token
    }

    /// Locks a kiosk: its session, and any parent's visit in it, is gone.
    func lockKiosk(_ token: String?) throws {
        guard let token else { return }
        try state.deleteKiosk(TokenHash(of: token))
    }

    /// The kiosk behind `token`. A parent whose kiosk sent no request for `forgetAfter` seconds is forgotten
    /// first, so nothing of them is reachable any more; every request counts as activity.
    func kiosk(_ token: String?, forgetAfter: TimeInterval) throws -> KioskSession? {
        guard let token else { return nil }
        let now = Date()
        return try state.changeKiosk(TokenHash(of: token), at: now) { session in
            if session.visit != nil, now.timeIntervalSince(session.lastActivity) > forgetAfter {
                session.visit = nil
            }
            session.lastActivity = now
            return session
        }
    }

    /// A new token for the start screen about to be shown.
    func newStartToken(_ token: String) throws -> String {
        let fresh = randomToken()
        try update(token) { $0.startTokenHash = TokenHash(of: fresh) }
        return fresh
    }

    /// Starts a parent's visit when `given` is the token of the start screen on display; false for a start
    /// page that was already sent or replaced.
    func startVisit(_ token: String, given: String?, respondentID: String, language: String) throws -> Bool {
        try update(token) { session in
            guard session.startTokenHash.matches(given) else { return false }
            session.startTokenHash = TokenHash(of: randomToken())
            session.visit = KioskRecord.Visit(respondentID: respondentID, language: language,
                                              pageTokenHash: TokenHash(of: randomToken()))
            return true
        } ?? false
    }

    /// A new one-time token for the current parent's page about to be shown, in `language`; nil when no
    /// parent is answering.
    func newPage(_ token: String, language: String) throws -> KioskVisit? {
        let page = randomToken()
        return try update(token) { session in
            guard var visit = session.visit else { return nil }
            visit.language = language
            visit.pageTokenHash = TokenHash(of: page)
            session.visit = visit
            return KioskVisit(respondentID: visit.respondentID, language: language, pageToken: page)
        } ?? nil
    }

    /// Checks the token of a posted page. When it is the current page's, it is used up and the visit comes
    /// back with a new one for the page that answers the post. Any other token ends the visit: the post is
    /// refused and the start screen follows.
    func takePage(_ token: String, given: String?) throws -> KioskVisit? {
        let page = randomToken()
        return try update(token) { session in
            guard let visit = session.visit, visit.pageTokenHash.matches(given) else {
                session.visit = nil
                return nil
            }
            session.visit?.pageTokenHash = TokenHash(of: page)
            return KioskVisit(respondentID: visit.respondentID, language: visit.language, pageToken: page)
        } ?? nil
    }

    /// Whether `given` is the token of the current parent's page (the idle script's "still here"), without
    /// using it up.
    func isCurrentPage(_ token: String, given: String?) throws -> Bool {
        try state.kiosk(TokenHash(of: token), at: Date())?.visit?.pageTokenHash.matches(given) ?? false
    }

    /// Ends the current parent's visit: the next request sees the start screen.
    func endVisit(_ token: String) throws {
        try update(token) { $0.visit = nil }
    }

    @discardableResult
    private func update<T>(_ token: String, _ change: (inout KioskSession) -> T) throws -> T? {
        try state.changeKiosk(TokenHash(of: token), at: Date(), change)
    }
}

/// The kiosk's idle time (`serve --kiosk-idle`) and what follows from it. Idle means no input: the script
/// restarts the time on every input and tells the server "still here" now and then; without the script,
/// the page refreshes itself to `/kiosk/leave` after the idle time.
struct KioskIdle: Sendable {
    let seconds: Int

    /// How often, at most, the script tells the server that the parent is still there.
    var stillHereEvery: Double { min(5, Double(seconds) / 4) }

    /// The server forgets a parent this long after the kiosk's last request. The script posts the draft
    /// `seconds` after the last input, which may be up to `stillHereEvery` after the last request; the margin
    /// (at least twice that) lets the draft arrive.
    var forgetAfter: TimeInterval { Double(seconds) + min(15, Double(seconds) / 2) }

    /// What the page head needs: the script's data attributes and the refresh for a browser without script.
    var pageFields: [String: Any] {
        ["idleSeconds": seconds, "idleStillHere": stillHereEvery, "idleRefresh": "\(seconds);url=/kiosk/leave"]
    }
}
