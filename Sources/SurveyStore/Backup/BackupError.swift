/// Why a backup or a restore did not happen, in one plain sentence each; nothing was changed.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The backup file exists already (`--force` replaces it).
    case exists(String)
    /// There is no file to restore from.
    case noCopy(String)
    /// The file is not an SQLite database, or holds no peiling.
    case notADatabase(String)
    /// `PRAGMA integrity_check` found damage; the first problem it named.
    case damaged(String, problem: String)
    /// The copy was made by a newer Ouderstem: its schema has steps this build does not know.
    case newerSchema(String, steps: [String])
    /// A `serve` or another command has the target open (`--force` restores anyway).
    case inUse(String)
    /// Writing the copy failed (disk full, no permission, no such folder).
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists already; choose another file or add --force to replace it."
        case .noCopy(let path): "There is no file \(path) to restore from."
        case .notADatabase(let path): "\(path) is not an Ouderstem database."
        case .damaged(let path, let problem): "\(path) is damaged (integrity_check: \(problem)); use another backup."
        case .newerSchema(let path, let steps):
            "\(path) was made by a newer Ouderstem (schema steps \(steps.joined(separator: ", "))); restore it with that version."
        case .inUse(let path): "\(path) is in use by a running `ouderstem serve` or another command; stop it first, or add --force."
        case .cannotWrite(let path, let reason): "Could not write \(path): \(reason)."
        }
    }
}
