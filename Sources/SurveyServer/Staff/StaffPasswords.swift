import Foundation
import HummingbirdBcrypt

/// Staff passwords are stored as bcrypt hashes (hummingbird-auth), never as text.
public enum StaffPasswords {
    /// The shortest password accepted for a staff account.
    public static let minimumLength = 8

    /// A bcrypt hash of `password`, for `SurveyDatabase.setStaff`. Cost 12 (about a quarter second per
    /// check); tests pass a low cost so that many logins at once stay quick, the check itself is the same.
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Whether `name` can be a staff login: 1 to 64 letters, digits, '-', '_' or '.'.
    public static func isValidName(_ name: String) -> Bool {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        return !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy(allowed.contains)
    }
}
