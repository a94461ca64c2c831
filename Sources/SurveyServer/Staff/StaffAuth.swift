import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix
import SurveyStore

/// Staff login, session cookies and CSRF checks.
struct StaffAuth: Sendable {
    let database: SurveyDatabase
    let sessions: SessionStore
    let configuration: ServerConfiguration
    let limits: RateLimits

    static let dummyHash = Bcrypt.hash("no such account")
    static let sessionCookie = "ouderstem_staff"
    static let loginCookie = "ouderstem_login"
    static let kioskCookie = "ouderstem_kiosk"

    /// A cookie as every cookie of this server is: HttpOnly, SameSite=Strict, Secure over HTTPS.
    func cookie(_ name: String, _ value: String, path: String = "/", maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: configuration.secureCookies, httpOnly: true,
               sameSite: .strict)
    }

    /// The logged-in staff member of this request.
    func session(_ request: Request) throws -> StaffSession? {
        try sessions.staffSession(request.cookies[Self.sessionCookie]?.value)
    }

    /// The outcome of a login (or kiosk unlock) attempt.
    enum Login {
        case valid
        case invalid
        /// Too many wrong passwords from this client or for this name: the password was not checked.
        case tooManyAttempts(retryAfter: Int)
    }

    /// Checks a password against the stored bcrypt hash, off the event loop (bcrypt is slow on purpose).
    /// Wrong passwords count per client and per staff name, in budgets of their own (never the budget of
    /// codes). Over either budget the password is not checked at all, so a right password is never
    /// called wrong: the answer is "wait N minutes".
    func verify(name: String, password: String, client: String) async throws -> Login {
        if let wait = try [limits.loginsPerClient.wait(client), limits.loginsPerName.wait(name)].compactMap({ $0 }).max() {
            return .tooManyAttempts(retryAfter: wait)
        }
        let hash = try database.staffPasswordHash(name: name)
        let valid = try await NIOThreadPool.singleton.runIfActive {
            // Verify against a dummy hash for unknown names, so timing does not reveal which names exist.
            Bcrypt.verify(password, hash: hash ?? Self.dummyHash) && hash != nil
        }
        if valid { return .valid }
        try limits.loginsPerClient.spend(client)
        // Only real accounts have a budget per name: unknown names would only fill memory.
        if hash != nil { try limits.loginsPerName.spend(name) }
        return .invalid
    }

    /// A form post must carry the token of its session (or of the login cookie), else it is forged: 403.
    static func checkCSRF(_ form: FormBody, expected: String?) throws {
        guard let expected, let given = form["csrf"], !expected.isEmpty,
              given.utf8.count == expected.utf8.count,
              zip(given.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from this site. Go back, reload the page and try again.")
        }
    }
}
