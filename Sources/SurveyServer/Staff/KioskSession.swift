import Foundation

/// A parent answering at the kiosk: a form session of their own, started by their code and ended by
/// "Versturen", "Stoppen", the idle time, or a post that carries a stale token.
struct KioskVisit: Sendable {
    var respondentID: String
    var language: String
    /// The one-time token of the page on the screen: the CSRF token of its post and of the idle script's
    /// "still here". Every page shown gets a new one, so a post from an earlier page, from a page the
    /// browser restored from its cache, or from a previous parent's page is refused.
    var pageToken: String
}

/// A kiosk unlocked by a staff member: for which method, and which parent (if any) is answering now.
struct KioskSession: Sendable {
    var unlockedBy: String
    var method: String
    /// The token of the start screen on display. Every start screen gets a new one, so a start page restored
    /// from the browser's cache (with a previous parent's code typed in) cannot be sent.
    var startToken: String
    /// The parent answering now; nil on the start screen.
    var visit: KioskVisit?
    var lastActivity: Date
    var expires: Date
}

/// Compares two tokens in constant time (a timing difference must not reveal how much of a guess was right).
func sameToken(_ given: String?, _ expected: String) -> Bool {
    guard let given, !expected.isEmpty, given.utf8.count == expected.utf8.count else { return false }
    return zip(given.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

extension SessionStore {
    /// Unlocks a kiosk; returns the token for its cookie.
    func startKiosk(unlockedBy: String, method: String) -> String {
        let token = randomToken()
        let now = Date()
        kiosks.withLock {
            $0[token] = KioskSession(unlockedBy: unlockedBy, method: method, startToken: randomToken(), visit: nil,
                                     lastActivity: now, expires: now.addingTimeInterval(Self.kioskLifetime))
        }
        return token
    }

    /// Locks a kiosk: its session, and any parent's visit in it, is gone.
    func lockKiosk(_ token: String?) {
        guard let token else { return }
        kiosks.withLock { $0[token] = nil }
    }

    /// The kiosk behind `token`. A parent whose kiosk sent no request for `forgetAfter` seconds is forgotten
    /// first, so nothing of them is reachable any more; every request counts as activity.
    func kiosk(_ token: String?, forgetAfter: TimeInterval) -> KioskSession? {
        guard let token else { return nil }
        return kiosks.withLock { map in
            guard var session = map[token] else { return nil }
            let now = Date()
            guard session.expires > now else { map[token] = nil; return nil }
            if session.visit != nil, now.timeIntervalSince(session.lastActivity) > forgetAfter {
                session.visit = nil
            }
            session.lastActivity = now
            map[token] = session
            return session
        }
    }

    /// A new token for the start screen about to be shown.
    func newStartToken(_ token: String) -> String {
        let fresh = randomToken()
        update(token) { $0.startToken = fresh }
        return fresh
    }

    /// Starts a parent's visit when `given` is the token of the start screen on display; false for a start
    /// page that was already sent or replaced.
    func startVisit(_ token: String, given: String?, respondentID: String, language: String) -> Bool {
        update(token) { session in
            guard sameToken(given, session.startToken) else { return false }
            session.startToken = randomToken()
            session.visit = KioskVisit(respondentID: respondentID, language: language, pageToken: randomToken())
            return true
        } ?? false
    }

    /// A new one-time token for the current parent's page about to be shown, in `language`; nil when no
    /// parent is answering.
    func newPage(_ token: String, language: String) -> KioskVisit? {
        update(token) { session in
            session.visit?.language = language
            session.visit?.pageToken = randomToken()
            return session.visit
        } ?? nil
    }

    /// Checks the token of a posted page. When it is the current page's, it is used up and the visit comes
    /// back with a new one for the page that answers the post. Any other token ends the visit: the post is
    /// refused and the start screen follows.
    func takePage(_ token: String, given: String?) -> KioskVisit? {
        update(token) { session in
            guard let visit = session.visit, sameToken(given, visit.pageToken) else {
                session.visit = nil
                return nil
            }
            session.visit?.pageToken = randomToken()
            return session.visit
        } ?? nil
    }

    /// Whether `given` is the token of the current parent's page (the idle script's "still here"), without
    /// using it up.
    func isCurrentPage(_ token: String, given: String?) -> Bool {
        kiosks.withLock { map in
            guard let visit = map[token]?.visit else { return false }
            return sameToken(given, visit.pageToken)
        }
    }

    /// Ends the current parent's visit: the next request sees the start screen.
    func endVisit(_ token: String) {
        update(token) { $0.visit = nil }
    }

    @discardableResult
    private func update<T>(_ token: String, _ change: (inout KioskSession) -> T) -> T? {
        kiosks.withLock { map in
            guard var session = map[token] else { return nil }
            let result = change(&session)
            map[token] = session
            return result
        }
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
