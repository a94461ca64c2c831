import Hummingbird
import NIOCore

/// The request context of every route: it knows the client's address (for the rate limit on codes)
/// and limits request bodies to what a form can honestly need.
public struct AppContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A whole survey with long open answers stays far below this; anything larger is not a parent's form.
    public var maxUploadSize: Int { 256 * 1024 }

    /// The client's IP address, or "unknown".
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
