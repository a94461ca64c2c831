import Crypto
import Foundation
import SurveyStore

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

/// Staff and kiosk sessions, kept in the database (`ServerStateStore`): every `serve` instance on the
/// database knows every session, and a restart logs nobody out. The database keeps only the SHA-256 of a
/// token; the token itself is in the browser's cookie and in this process only while a request is served.
final class SessionStore: Sendable {
    let state: any ServerStateStore
    let cleanup: ExpiryCleanup
    /// The key of the staff sessions' CSRF tokens, shared through the database (see `csrf(for:)`).
    private let csrfKey: SymmetricKey
    static let staffLifetime: TimeInterval = 8 * 3600
    /// A school day: the kiosk is unlocked again the next morning.
    static let kioskLifetime: TimeInterval = 12 * 3600

    init(state: any ServerStateStore, cleanup: ExpiryCleanup) throws {
        self.state = state
        self.cleanup = cleanup
        csrfKey = SymmetricKey(data: Data(try state.serverSecret(named: "csrf-key") { randomToken() }.utf8))
    }

    func startStaff(name: String) throws -> (token: String, session: StaffSession) {
        let token = randomToken()
        let hash = TokenHash(of: token)
        let now = Date()
        let expires = now.addingTimeInterval(Self.staffLifetime)
        try state.insertStaffSession(StaffSessionRecord(tokenHash: hash, staffName: name, expires: expires))
        cleanup.runIfDue(now: now)
        return (token, StaffSession(name: name, csrf: csrf(for: hash), expires: expires))
    }

    func staffSession(_ token: String?) throws -> StaffSession? {
        guard let token else { return nil }
        let hash = TokenHash(of: token)
        return try state.staffSession(hash, at: Date()).map {
            StaffSession(name: $0.staffName, csrf: csrf(for: hash), expires: $0.expires)
        }
    }

    func endStaff(_ token: String?) throws {
        guard let token else { return }
        try state.deleteStaffSession(TokenHash(of: token))
    }

    /// A session's CSRF token: the HMAC-SHA256 of the hash of its cookie under the key in the database. Any
    /// instance computes the same token, nothing more is stored per session, and neither the page (which
    /// shows the token) nor the database (which holds the key and the hash) gives away the cookie.
    private func csrf(for hash: TokenHash) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(hash.hex.utf8), using: csrfKey).map { String(format: "%02x", $0) }.joined()
    }
}
