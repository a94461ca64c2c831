import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Two `ouderstem serve` processes (`--instance a` and `--instance b`) on one database (an SQLite file, or
/// PostgreSQL), as a school board runs them behind one proxy: each serves any request, because sessions, the limits on failed
/// attempts and the CSRF key are in the database and not in either process.
@Suite struct TwoInstancesTests {
    @Test(arguments: CLIBackend.available) func aLoginOnOneInstanceWorksOnTheOtherWithTheSameCSRFToken(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        let a = try RunningServer(cli, instance: "a")
        let b = try RunningServer(cli, instance: "b")
        var staff = StaffClient()
        let login = try staff.logIn(a)
        #expect(login.status == 303 && login.location == "/staff")
        #expect(try staff.seesDashboard(b), "the session made on a opens the dashboard on b")

        // A form shown by a, sent to b: b accepts a's token and the peiling closes.
        let tokenFromA = try staff.dashboardToken(a)
        #expect(try staff.dashboardToken(b) == tokenFromA, "both instances give the session the same CSRF token")
        let closed = try staff.request(b, "POST", "/staff/close", form: [("csrf", tokenFromA)])
        #expect(closed.status == 303 && closed.location == "/staff", "close on b with a's token: \(closed.status)")
        #expect(try cli.database().peiling().isClosed)
        // A wrong token is still refused on either.
        let forged = try staff.request(a, "POST", "/staff/reopen", form: [("csrf", String(tokenFromA.reversed()))])
        #expect(forged.status == 403)

        // Each instance names itself in its log lines.
        a.stop()
        b.stop()
        let logA = try String(contentsOf: try #require(a.logFile), encoding: .utf8)
        let logB = try String(contentsOf: try #require(b.logFile), encoding: .utf8)
        #expect(logA.contains("instance=a") && !logA.contains("instance=b"), "a's log: \(logA)")
        let closeLine = logB.split(separator: "\n").first { $0.contains("closed the peiling") }
        #expect(closeLine?.contains("instance=b") == true, "b's log line of the close names b: \(logB)")
    }

    @Test(arguments: CLIBackend.available) func aLogoutOnOneInstanceEndsTheSessionOnTheOther(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        let a = try RunningServer(cli, instance: "a")
        let b = try RunningServer(cli, instance: "b")
        var staff = StaffClient()
        try staff.logIn(a)
        let cookie = try #require(staff.cookies["ouderstem_staff"])
        #expect(try staff.seesDashboard(b))
        let out = try staff.request(a, "POST", "/staff/logout", form: [("csrf", try staff.dashboardToken(a))])
        #expect(out.status == 303 && out.location == "/staff/login")
        // Even a browser that kept the old cookie is not let in on b.
        let again = try b.request("GET", "/staff", cookies: ["ouderstem_staff": cookie])
        #expect(again.status == 303 && again.location == "/staff/login", "after logout on a, b refuses the cookie: \(again.status)")
    }

    @Test(arguments: CLIBackend.available) func wrongPasswordsCountedOnBothInstancesTogether(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        let a = try RunningServer(cli, instance: "a")
        let b = try RunningServer(cli, instance: "b")
        var staff = StaffClient()
        // The budget is 10 wrong passwords per client: 6 on a and 4 on b use it up.
        for (server, count) in [(a, 6), (b, 4)] {
            for _ in 0..<count {
                #expect(try staff.logIn(server, password: "verkeerd-wachtwoord").status == 401)
            }
        }
        for server in [b, a] {
            let refused = try staff.logIn(server)
            #expect(refused.status == 429, "the right password waits on every instance: \(refused.status)")
            #expect(refused.cookies["ouderstem_staff"] == nil)
        }
    }

    @Test(arguments: CLIBackend.available) func unknownCodesCountedOnOneInstanceHoldOnTheOtherWithinASecond(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        try cli.run(["invite", "--base-url", "http://127.0.0.1", "--out", cli.path("brieven")])
        let codes = Set(try cli.database().invitationCodes().values.map(\.value))
        let real = try #require(codes.first)
        let a = try RunningServer(cli, instance: "a")
        let b = try RunningServer(cli, instance: "b")
        #expect(try b.request("GET", "/s/\(real)").status == 200, "b reads the (empty) budget before a counts")
        // 50 well-formed codes that belong to nobody use up this client's budget on a.
        var guesses = 0
        while guesses < 50 {
            let guess = InvitationCode.generate().value
            guard !codes.contains(guess) else { continue }
            #expect(try a.request("GET", "/s/\(guess)").status == 404)
            guesses += 1
        }
        #expect(try a.request("GET", "/s/\(real)").status == 429, "a makes even a right code wait")
        // b checks against a snapshot of the budget at most a second old.
        Thread.sleep(forTimeInterval: 1.2)
        let onB = try b.request("GET", "/s/\(real)")
        #expect(onB.status == 429, "the limit counted on a holds on b: \(onB.status)")
    }

    @Test(arguments: CLIBackend.available) func aKioskUnlockedOnOneInstanceContinuesOnTheOther(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        try cli.run(["invite", "--base-url", "http://127.0.0.1", "--out", cli.path("brieven")])
        let database = try cli.database()
        let code = try #require(try database.invitationCodes()["L07"]).value
        let a = try RunningServer(cli, instance: "a")
        let b = try RunningServer(cli, instance: "b")
        var kiosk = StaffClient()

        let unlockPage = try kiosk.request(a, "GET", "/kiosk/unlock")
        let unlocked = try kiosk.request(a, "POST", "/kiosk/unlock", form: [
            ("csrf", try #require(StaffClient.hidden("csrf", in: unlockPage.body))), ("name", StaffClient.name),
            ("password", StaffClient.password), ("mode", "digital_at_school"),
        ])
        #expect(unlocked.status == 303 && kiosk.cookies["ouderstem_kiosk"] != nil, "unlocked on a")

        // The start screen on b, the parent's first page on a, its post on b.
        let start = try kiosk.request(b, "GET", "/kiosk")
        let began = try kiosk.request(b, "POST", "/kiosk/start", form: [
            ("csrf", try #require(StaffClient.hidden("csrf", in: start.body), "b shows the start screen of a's kiosk")), ("code", code),
        ])
        #expect(began.status == 303 && began.location == "/kiosk/form", "b starts the parent: \(began.status) \(began.location ?? "")")
        let page = try kiosk.request(a, "GET", "/kiosk/form")
        #expect(page.status == 200)
        let pageToken = try #require(StaffClient.hidden("csrf", in: page.body))
        #expect(try kiosk.request(b, "POST", "/kiosk/alive", form: [("csrf", pageToken)]).status == 204,
                "b knows the page a just showed")
        let saved = try kiosk.request(b, "POST", "/kiosk/form", form: [
            ("csrf", pageToken), ("page", "informatie"), ("lang", "nl"), ("action", "next"), ("shown", "info-kanaal"),
            ("q-info-kanaal", "papier"),
        ])
        #expect(saved.status == 303 && saved.location?.hasPrefix("/kiosk/form") == true, "b saves a's page: \(saved.location ?? "")")
        #expect(try database.response(of: "L07")?.answers["info-kanaal"]?.value == .choices(["papier"]))

        // The used token is used up on a too: the page cannot be sent twice.
        let again = try kiosk.request(a, "POST", "/kiosk/form", form: [
            ("csrf", pageToken), ("page", "informatie"), ("lang", "nl"), ("action", "next"),
        ])
        #expect(again.location == "/kiosk?expired=1", "a refuses the used token: \(again.status) \(again.location ?? "")")
    }
}
