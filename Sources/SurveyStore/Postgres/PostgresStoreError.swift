/// What can go wrong between the store and a PostgreSQL server, in one plain sentence each. The server's
/// own message is kept: PostgresNIO's errors print a generic text on purpose (they may carry bound values).
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible {
    /// The URL is not of the form `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    case badURL(String)
    case unreachable(address: String, reason: String)
    /// A statement failed; `sqlState` is PostgreSQL's five-character code (40001: serialization failure).
    case statementFailed(sqlState: String?, message: String)
    /// The server would acknowledge commits before they are on disk (`synchronous_commit` is not `on`).
    case commitsNotDurable(setting: String)
    /// The connection closed before the statement was answered (PostgreSQL stopped or restarted).
    case connectionLost
    /// PostgreSQL rolled the transaction back at its commit, because a statement in it had failed.
    case rolledBack
    /// The database was migrated by a newer ouderstem: these migrations are unknown to this one.
    case newerSchema(unknownMigrations: [String])

    public var description: String {
        switch self {
        case .badURL(let url):
            return "'\(url)' is not a PostgreSQL URL; write it as postgres://USER:PASSWORD@HOST:5432/DATABASE."
        case .unreachable(let address, let reason):
            return "Cannot connect to PostgreSQL at \(address): \(reason)"
        case .statementFailed(let sqlState, let message):
            return "PostgreSQL refused a statement (\(sqlState ?? "no SQLSTATE")): \(message)"
        case .commitsNotDurable(let setting):
            return "PostgreSQL reports synchronous_commit = \(setting); the store needs 'on' so that an acknowledged answer is on disk."
        case .connectionLost:
            return "The connection to PostgreSQL closed before it answered (the server stopped or restarted); nothing was acknowledged."
        case .rolledBack:
            return "PostgreSQL rolled the transaction back instead of committing it (a statement in it had failed); nothing of it was saved."
        case .newerSchema(let unknown):
            return "The PostgreSQL database was set up by a newer ouderstem (migrations \(unknown.joined(separator: ", "))); install that version."
        }
    }
}
