import Foundation
import SurveyCore

/// Where a parent's personal form lives: `BASE/s/CODE`, the code without dashes so the link stays short
/// and the QR code small.
public struct PersonalLink: Sendable, Equatable {
    /// The server's address without a trailing slash, e.g. `https://ouders.school.nl`.
    public let base: String

    /// What is wrong with a base URL.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not an http(s) URL with a host, or it has a query or fragment.
        case notHTTP(String)

        public var description: String {
            switch self {
            case .notHTTP(let url): "The base URL '\(url)' must start with http:// or https:// and name a host, e.g. https://ouders.school.nl."
            }
        }
    }

    /// Checks that `base` is an http(s) URL with a host; a trailing slash is dropped.
    public init(base: String) throws(Problem) {
        var trimmed = base.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
            throw .notHTTP(base)
        }
        self.base = trimmed
    }

    /// The personal link for `code`.
    public func url(for code: InvitationCode) -> String {
        "\(base)/s/\(code.value)"
    }

    /// Whether only this computer can open the link (localhost, 127.x, ::1): a phone at home cannot.
    public var isLocalOnly: Bool {
        guard let host = URL(string: base)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
            || host == "[::1]" || host == "0.0.0.0"
    }
}
