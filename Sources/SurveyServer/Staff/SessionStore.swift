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

/// Staff and kiosk sessions, kept in memory: a server restart logs staff out and locks kiosks
/// (answers are never in a session, they are saved in the database on every page).
final class SessionStore: Sendable {
    private let staff = Mutex<[String: StaffSession]>([:])
    /// Unlocked kiosks by cookie token (see `KioskSession.swift`).
    let kiosks = Mutex<[String: KioskSession]>([:])
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
}
