/// How `ouderstem serve` runs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Marks cookies `Secure`; set when the server is reached over HTTPS (e.g. behind a TLS proxy).
    public var secureCookies: Bool
    /// After this many seconds without a click the kiosk clears its screen (answers stay saved under the code).
    public var kioskIdleSeconds: Int
    /// Budgets for failed code attempts and staff logins.
    public var limits: RateLimitSettings
    /// Proxies whose `X-Forwarded-For` gives the client's address.
    public var trustedProxies: TrustedProxies
    /// A connection that delivers no complete part of a request for this long is closed: an idle
    /// keep-alive connection, a client that sends its headers too slowly (headers count only when
    /// complete), and a body that stops arriving.
    public var idleTimeoutSeconds: Double
    /// The folder of shipped survey definitions the dashboard offers when a peiling starts (nil: upload only).
    public var surveysDirectory: String?
    /// This instance's name in the log lines (`instance=NAME`), to tell several instances on one database apart.
    public var instance: String

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, kioskIdleSeconds: Int = 180,
                limits: RateLimitSettings = RateLimitSettings(), trustedProxies: TrustedProxies = try! TrustedProxies([]),
                idleTimeoutSeconds: Double = 30, surveysDirectory: String? = nil, instance: String = "1") {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.kioskIdleSeconds = kioskIdleSeconds
        self.limits = limits
        self.trustedProxies = trustedProxies
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.surveysDirectory = surveysDirectory
        self.instance = instance
    }
}
