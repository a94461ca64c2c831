import HummingbirdBcrypt

/// Staff passwords are stored as bcrypt hashes (hummingbird-auth), never as text.
public enum StaffPasswords {
    /// The shortest password accepted for a staff account.
    public static let minimumLength = 8

    /// A bcrypt hash of `password` (cost 12), for `SurveyDatabase.setStaff`.
    public static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: 12)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
