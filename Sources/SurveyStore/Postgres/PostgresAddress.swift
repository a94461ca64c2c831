import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, read from a URL such as `postgres://ouderstem:secret@db.school.nl:5432/ouderstem`
/// (also `postgresql://`). TLS is not used yet: the server is reached on the machine or a private network.
struct PostgresAddress: Sendable {
    var configuration: PostgresConnection.Configuration
    /// The address without the password, for messages.
    let display: String

    init(url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty,
              case let database = String(parts.path.dropFirst()), !database.isEmpty
        else { throw PostgresStoreError.badURL(url) }
        let port = parts.port ?? 5432
        configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: parts.password,
                                                         database: database, tls: .disable)
        display = "\(user)@\(host):\(port)/\(database)"
    }
}

extension PostgresAddress {
    /// Whether `location` is meant as a PostgreSQL URL rather than the path of an SQLite file.
    static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }
}
