import Foundation
import Testing

/// A staff member's browser against one or more running `ouderstem serve` processes: it keeps the cookies
/// itself, so the same cookies can be shown to another instance on the same database.
struct StaffClient {
    static let name = "juf-anna"
    static let password = "geheim-wachtwoord"

    var cookies: [String: String] = [:]

    /// A peiling with a roster and one staff account, made with the real CLI.
    static func peiling(on backend: CLIBackend = .sqlite) throws -> CLI {
        let cli = try CLIFlowTests.startedPeiling(on: backend)
        let added = try cli.run(["staff", "add", name], input: "\(password)\n\(password)\n")
        guard added.status == 0 else { throw CLIHarnessError("staff add failed: \(added.error)") }
        return cli
    }

    /// The value of the hidden field `name` in a page.
    static func hidden(_ name: String, in body: String) -> String? {
        body.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first.map { String($0.prefix { $0 != "\"" }) }
    }

    /// Sends a request with this client's cookies and keeps the cookies the reply sets (an empty one is removed).
    mutating func request(_ server: RunningServer, _ method: String, _ path: String,
                          form: [(String, String)]? = nil) throws -> RunningServer.Reply {
        let reply = try server.request(method, path, form: form, cookies: cookies)
        for (name, value) in reply.cookies { cookies[name] = value.isEmpty ? nil : value }
        return reply
    }

    /// Logs in on `server` with `password`; the reply of the login post.
    @discardableResult
    mutating func logIn(_ server: RunningServer, password: String = StaffClient.password) throws -> RunningServer.Reply {
        let page = try request(server, "GET", "/staff/login")
        let csrf = try #require(Self.hidden("csrf", in: page.body), "the login page has a CSRF token")
        return try request(server, "POST", "/staff/login", form: [("csrf", csrf), ("name", Self.name), ("password", password)])
    }

    /// Whether `server` shows this client the dashboard (and not the login page).
    mutating func seesDashboard(_ server: RunningServer) throws -> Bool {
        let reply = try request(server, "GET", "/staff")
        #expect(reply.status == 200 || reply.location == "/staff/login", "GET /staff: \(reply.status) \(reply.location ?? "")")
        return reply.status == 200
    }

    /// The CSRF token of the dashboard that `server` shows this client.
    mutating func dashboardToken(_ server: RunningServer) throws -> String {
        let page = try request(server, "GET", "/staff")
        return try #require(Self.hidden("csrf", in: page.body), "the dashboard carries a CSRF token")
    }
}
