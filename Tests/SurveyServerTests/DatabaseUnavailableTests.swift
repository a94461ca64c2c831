import Foundation
import SurveyServer
import SurveyStore
import Testing

/// PostgreSQL cannot be reached for a while (restarting, or refusing this server): parents get a clear
/// 503 page that says nothing was sent, nothing is half saved, and the server serves again on its own.
@Suite struct DatabaseUnavailableTests {
    @Test(.enabled(if: ServerTestBackend.available.contains(.postgres), "PostgreSQL tests skipped: OUDERSTEM_TEST_POSTGRES is not set."))
    func whilePostgreSQLRefusesTheServerAParentIsToldNothingWasSentAndItComesBack() async throws {
        let url = try #require(ServerTestBackend.url)
        let admin = try PostgresPool(url: url, maxConnections: 1)
        // A login role of its own, so that refusing it touches no other test on the shared cluster.
        let role = "server_role_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try admin.execute("CREATE ROLE \(unescaped: role) LOGIN")
        defer {
            _ = try? admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(role)")
            _ = try? admin.execute("DROP ROLE IF EXISTS \(unescaped: role)")
        }
        let peiling = try TestPeiling(store: { _ in
            let schema = "server_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try admin.execute("CREATE SCHEMA \(unescaped: schema) AUTHORIZATION \(unescaped: role)")
            let asRole = url.replacingOccurrences(of: #"//[^@]*@"#, with: "//\(role)@", options: .regularExpression)
            let pool = try PostgresPool(url: asRole, schema: schema, maxConnections: 4)
            return (try SurveyDatabase(postgres: pool, address: "test schema \(schema)", create: true), schema)
        })
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            let form = try await browser.get("/s/\(code)/all")
            #expect(form.status == .ok)
            let fields = try FormFiller(survey: peiling.survey).onePageFields(on: form)

            // The role may no longer log in and its connections are ended: what a restart does to them.
            try admin.execute("ALTER ROLE \(unescaped: role) NOLOGIN")
            try admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(role)")
            try await Task.sleep(for: .milliseconds(300))  // the ends reach the server's event loop
            let refused = try await browser.post("/s/\(code)/all", fields)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "5")
            #expect(refused.body.contains("Er is niets verstuurd of opgeslagen"))
            #expect(refused.body.contains("Nothing was sent or saved"))

            try admin.execute("ALTER ROLE \(unescaped: role) LOGIN")
            #expect(try peiling.database.response(of: "L02") == nil, "the refused post saved nothing")
            let sent = try await browser.post("/s/\(code)/all", fields)
            #expect(sent.status == .seeOther, "the same post goes through once PostgreSQL takes the server again")
            #expect(try peiling.database.response(of: "L02")?.complete == true)
        }
    }
}
