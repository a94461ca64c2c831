import Foundation
import Synchronization

/// A random token for cookies and CSRF fields: 32 bytes from the system's secure source, hex.
func randomToken() -> String {
    var rng = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(format: "%016llx", rng.next() as UInt64) }.joined()
}

/// A logged-in staff member.
struct StaffSession: Sendable {
    var name: String
    /// Must come back in every staff form post.
    var csrf: String
    var expires: Date
}

/// What a kiosk is doing: who unlocked it, for which method, and which parent (if any) is answering now.
struct KioskSession: Sendable {
    var unlockedBy: String
    var method: String
    var csrf: String
    /// The respondent answering now; nil on the start screen.
    var respondentID: String?
    var language: String?
    var lastActivity: Date
    var expires: Date
}

/// Staff and kiosk sessions, kept in memory: a server restart logs staff out and locks kiosks
/// (answers are never in a session, they are saved in the database on every page).
final class SessionStore: Sendable {
    private let staff = Mutex<[String: StaffSession]>([:])
    private let kiosks = Mutex<[String: KioskSession]>([:])
    static let staffLifetime: TimeInterval = 8 * 3600
    /// A school day: the kiosk is unlocked again the next morning.
    static let kioskLifetime: TimeInterval = 12 * 3600

    func startStaff(name: String) -> (token: String, session: StaffSession) {
        let token = randomToken()
        let session = StaffSession(name: name, csrf: randomToken(), expires: Date().addingTimeInterval(Self.staffLifetime))
        staff.withLock { $0[token] = session }
        return (token, session)
    }

    func staffSession(_ token: String?) -> StaffSession? {
        guard let token else { return nil }
        return staff.withLock { map in
            guard let session = map[token] else { return nil }
            guard session.expires > Date() else { map[token] = nil; return nil }
            return session
        }
    }

    func endStaff(_ token: String?) {
        guard let token else { return }
        staff.withLock { $0[token] = nil }
    }

    func startKiosk(unlockedBy: String, method: String) -> String {
        let token = randomToken()
        let now = Date()
        kiosks.withLock {
            $0[token] = KioskSession(unlockedBy: unlockedBy, method: method, csrf: randomToken(), respondentID: nil, language: nil,
                                     lastActivity: now, expires: now.addingTimeInterval(Self.kioskLifetime))
        }
        return token
    }

    /// The kiosk behind `token`; a parent who left it idle for `idle` seconds is cleared from it first.
    func kiosk(_ token: String?, idle: TimeInterval) -> KioskSession? {
        guard let token else { return nil }
        return kiosks.withLock { map in
            guard var session = map[token] else { return nil }
            let now = Date()
            guard session.expires > now else { map[token] = nil; return nil }
            if session.respondentID != nil, now.timeIntervalSince(session.lastActivity) > idle {
                session.respondentID = nil
                session.language = nil
            }
            session.lastActivity = now
            map[token] = session
            return session
        }
    }

    func updateKiosk(_ token: String, _ change: (inout KioskSession) -> Void) {
        kiosks.withLock { map in
            guard var session = map[token] else { return }
            change(&session)
            map[token] = session
        }
    }

    func lockKiosk(_ token: String?) {
        guard let token else { return }
        kiosks.withLock { $0[token] = nil }
    }
}
