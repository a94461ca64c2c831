import Foundation
import Hummingbird
import Mustache

/// The server-rendered HTML pages: swift-mustache templates from the bundle's `Templates` folder.
/// `{{x}}` escapes; templates never use `{{{x}}}` for anything a person typed.
struct Pages: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Pages {
        guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ServerError("The page templates are missing from the installation.")
        }
        return Pages(library: try await MustacheLibrary(directory: url.path))
    }

    /// Renders `template` as an HTML response.
    func html(_ template: String, _ model: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let body = library.render(Self.pruned(model), withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The model without empty texts: in Mustache an empty string still opens a `{{#section}}`, and a
    /// missing key does not.
    static func pruned(_ model: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in model {
            switch value {
            case let text as String where text.isEmpty: continue
            case let nested as [String: Any]: out[key] = pruned(nested)
            case let list as [[String: Any]]: out[key] = list.map(pruned)
            default: out[key] = value
            }
        }
        return out
    }

    /// A 303 redirect, the answer to every successful form post (a reload never posts twice).
    static func redirect(_ location: String, cookies: [Cookie] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        var response = Response(status: .seeOther, headers: headers)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}

/// A failure to start the server, in one plain sentence.
public struct ServerError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
