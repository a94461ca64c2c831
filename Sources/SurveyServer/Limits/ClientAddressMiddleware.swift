import HTTPTypes
import Hummingbird

/// Sets the request's client address before any route sees it: the peer's address, or the address a
/// trusted proxy forwarded (`X-Forwarded-For`), so the limits count parents and not the proxy.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let proxies: TrustedProxies
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = proxies.client(peer: context.remoteAddress?.ipAddress,
                                               forwardedFor: request.headers[values: Self.forwardedFor])
        return try await next(request, context)
    }
}
