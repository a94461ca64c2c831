import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A tiny browser over real HTTP: keeps cookies, posts forms, and can follow redirects.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// Every Set-Cookie header seen, for checking the cookie attributes.
    var setCookieHeaders: [String] = []
    /// Sent with every request, e.g. the `X-Forwarded-For` a proxy adds.
    var extraHeaders = HTTPFields()

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    /// Posts name/value pairs as `application/x-www-form-urlencoded`.
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await post(uri, raw: Array(body.utf8))
    }

    func post(_ uri: String, raw: [UInt8]) async throws -> Page {
        try await send(uri, method: .post, body: raw)
    }

    /// Follows 303/302 redirects with GET, like a browser.
    func follow(_ page: Page) async throws -> Page {
        var page = page
        var hops = 0
        while [.seeOther, .found].contains(page.status), let location = page.location, hops < 5 {
            page = try await get(location)
            hops += 1
        }
        return page
    }

    /// Posts `multipart/form-data`, as a browser sends a form with a file input.
    func upload(_ uri: String, _ fields: [(String, String)], files: [(name: String, filename: String, bytes: [UInt8])]) async throws -> Page {
        let boundary = "----ouderstem\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await send(uri, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func send(_ uri: String, method: HTTPRequest.Method, body: [UInt8]?,
                      contentType: String = "application/x-www-form-urlencoded") async throws -> Page {
        var headers = extraHeaders
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers,
                                                body: body.map { ByteBuffer(bytes: $0) })
        for header in response.headers[values: .setCookie] {
            setCookieHeaders.append(header)
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Browser.Page {
    /// The value of the hidden or text input named `name`.
    func inputValue(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Every hidden field of the page's forms, in order.
    var hiddenFields: [(String, String)] {
        body.components(separatedBy: "<input type=\"hidden\" name=\"").dropFirst().compactMap { rest in
            let name = rest.prefix { $0 != "\"" }
            guard let range = rest.range(of: "value=\"") else { return nil }
            return (String(name), String(rest[range.upperBound...].prefix { $0 != "\"" }))
        }
    }

    /// The ids of the questions shown on this page (the `shown` fields a browser posts: a follow-up question
    /// still waiting for its answer has its field disabled, and a browser leaves disabled fields out).
    var shownQuestions: [String] {
        body.components(separatedBy: "name=\"shown\" value=\"").dropFirst().compactMap { rest in
            rest.prefix { $0 != ">" }.contains("disabled") ? nil : rest.split(separator: "\"").first.map(String.init)
        }
    }

    /// The option values that are ticked for question `id`.
    func checked(_ id: String) -> [String] {
        body.components(separatedBy: "<input type=\"").dropFirst().compactMap { tag -> String? in
            guard tag.contains("name=\"q-\(id)\""), tag.prefix(while: { $0 != ">" }).contains(" checked") else { return nil }
            return tag.components(separatedBy: "value=\"").dropFirst().first?.split(separator: "\"").first.map(String.init)
        }
    }
}
