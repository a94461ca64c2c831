import Hummingbird
import NIOCore

/// The request context of every route: it knows the client's address (for the limits on failed
/// attempts) and limits request bodies to what a form can honestly need.
public struct AppContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The client's IP address: the peer, or what a trusted proxy says (set by `ClientAddressMiddleware`).
    var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        clientAddress = remoteAddress?.ipAddress ?? "unknown"
    }

    /// A whole survey with long open answers stays far below this; anything larger is not a parent's form.
    public var maxUploadSize: Int { 256 * 1024 }
}
