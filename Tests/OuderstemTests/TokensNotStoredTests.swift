import Foundation
import SurveyStore
import Testing

/// Someone who copies the SQLite file (a backup, a stolen laptop) finds no cookie or token they could use:
/// the database keeps only their SHA-256.
@Suite struct TokensNotStoredTests {
    @Test func noSessionCookieOrPageTokenIsInTheFile() throws {
        let cli = try StaffClient.peiling()
        try cli.run(["invite", "--base-url", "http://127.0.0.1", "--out", cli.path("brieven")])
        let code = try #require(try SurveyDatabase(path: cli.path("ouderstem.sqlite")).invitationCodes()["L03"]).value
        let server = try RunningServer(cli)
        var staff = StaffClient()
        try staff.logIn(server)
        let staffCookie = try #require(staff.cookies["ouderstem_staff"])
        let csrf = try staff.dashboardToken(server)

        var kiosk = StaffClient()
        let unlockPage = try kiosk.request(server, "GET", "/kiosk/unlock")
        try kiosk.request(server, "POST", "/kiosk/unlock", form: [
            ("csrf", try #require(StaffClient.hidden("csrf", in: unlockPage.body))), ("name", StaffClient.name),
            ("password", StaffClient.password), ("mode", "digital_at_school"),
        ])
        let kioskCookie = try #require(kiosk.cookies["ouderstem_kiosk"])
        let start = try kiosk.request(server, "GET", "/kiosk")
        try kiosk.request(server, "POST", "/kiosk/start", form: [("csrf", try #require(StaffClient.hidden("csrf", in: start.body))),
                                                                 ("code", code)])
        let pageToken = try #require(StaffClient.hidden("csrf", in: try kiosk.request(server, "GET", "/kiosk/form").body))

        // The file and its write-ahead log, as bytes: the rows may not be checkpointed yet.
        let bytes = try ["ouderstem.sqlite", "ouderstem.sqlite-wal"].reduce(into: Data()) { all, name in
            if let data = FileManager.default.contents(atPath: cli.path(name)) { all.append(data) }
        }
        func stored(_ text: String) -> Bool { bytes.range(of: Data(text.utf8)) != nil }
        // The hashes are there (so this reads the right file and the rows are written)...
        #expect(stored(TokenHash(of: staffCookie).hex), "the staff session is stored by its hash")
        #expect(stored(TokenHash(of: kioskCookie).hex), "the kiosk is stored by its hash")
        #expect(stored(TokenHash(of: pageToken).hex), "the page on the kiosk's screen is stored by its hash")
        // ...the tokens themselves are not.
        for (what, token) in [("staff cookie", staffCookie), ("staff CSRF token", csrf), ("kiosk cookie", kioskCookie),
                              ("kiosk page token", pageToken)] {
            #expect(!stored(token), "the \(what) is not in the file in plain text")
        }
    }
}
