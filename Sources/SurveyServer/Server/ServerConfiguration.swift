/// How `ouderstem serve` runs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Marks cookies `Secure`; set when the server is reached over HTTPS (e.g. behind a TLS proxy).
    public var secureCookies: Bool
    /// After this many seconds without a click the kiosk clears its screen (answers stay saved under the code).
    public var kioskIdleSeconds: Int
    /// Failed code attempts allowed per client in `rateWindowSeconds`.
    public var codeAttemptsAllowed: Int
    public var rateWindowSeconds: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, kioskIdleSeconds: Int = 180,
                codeAttemptsAllowed: Int = 10, rateWindowSeconds: Int = 600) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.kioskIdleSeconds = kioskIdleSeconds
        self.codeAttemptsAllowed = codeAttemptsAllowed
        self.rateWindowSeconds = rateWindowSeconds
    }
}
