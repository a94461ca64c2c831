import Crypto
import Foundation

/// The SHA-256 of a secret token (a session cookie, a kiosk page's one-time token), in hex: what the
/// database keeps instead of the token. Someone who reads the file or a backup learns no cookie they could
/// use; a token that comes in is hashed and looked up by its hash.
public struct TokenHash: Sendable, Hashable, CustomStringConvertible {
    public let hex: String

    public init(of token: String) {
        hex = SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A hash as read back from the database.
    public init(stored hex: String) {
        self.hex = hex
    }

    /// Whether `token` hashes to this hash, compared in constant time (a timing difference must not reveal
    /// how much of a guess was right).
    public func matches(_ token: String?) -> Bool {
        guard let token else { return false }
        let given = TokenHash(of: token).hex.utf8
        return given.count == hex.utf8.count && zip(given, hex.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    public var description: String { hex }
}
