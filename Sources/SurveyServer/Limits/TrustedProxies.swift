import Foundation
import NIOCore

/// The reverse proxies (nginx, Caddy) whose `X-Forwarded-For` header the server believes, from
/// `ouderstem serve --trusted-proxy ADDR`. Behind a proxy every parent arrives from the proxy's address;
/// the rate limits need the parent's own address, and only a proxy we trust may tell us what it is.
public struct TrustedProxies: Sendable {
    private let addresses: Set<String>

    /// `addresses` are IP addresses (IPv4 or IPv6), as the proxy connects from them.
    /// Throws a plain sentence naming the first one that is not an IP address.
    public init(_ addresses: [String]) throws(ServerError) {
        var normalized = Set<String>()
        for address in addresses {
            guard let ip = Self.normalized(address) else {
                throw ServerError("'\(address)' is not an IP address: give --trusted-proxy the address the proxy connects from, such as 127.0.0.1.")
            }
            normalized.insert(ip)
        }
        self.addresses = normalized
    }

    /// The client's address: the direct peer, unless the peer is a trusted proxy; then the right-most
    /// address in `X-Forwarded-For` that is not itself a trusted proxy. Entries to the left of that one
    /// were written by the client and prove nothing.
    public func client(peer: String?, forwardedFor: [String]) -> String {
        guard let peer = peer.flatMap(Self.normalized) else { return peer ?? "unknown" }
        guard addresses.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var client = peer
        for hop in hops.reversed() {
            guard let ip = Self.normalized(hop) else { return hop }  // not an address: whoever wrote it is the client
            client = ip
            if !addresses.contains(ip) { return ip }
        }
        return client
    }

    /// The canonical text of an IP address ("::1" for "0:0:0:0:0:0:0:1"), or nil; IPv6 may be in brackets.
    static func normalized(_ text: String) -> String? {
        var text = text
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        return (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress
    }
}
