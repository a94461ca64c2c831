import Foundation
import HTTPTypes
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// Limits on failed attempts stop guessing without locking people out: typos are free, guesses have a
/// budget per client, staff logins and kiosks have budgets of their own, and a client that must wait is
/// told how long.
@Suite struct RateLimitTests {
    /// A code with a wrong check character: the kind of typo a parent makes.
    static func typo(of code: String, _ n: Int = 0) -> String {
        let alphabet = InvitationCode.alphabet
        let position = code.index(code.startIndex, offsetBy: n % (code.count - 1))
        let wrong = alphabet.first { $0 != code[position] }!
        var typed = code
        typed.replaceSubrange(position...position, with: String(wrong))
        return typed
    }

    /// A well-formed code (valid check character) that belongs to nobody: what someone guessing sends.
    static func unknownCode(_ peiling: TestPeiling) -> String {
        var candidate = InvitationCode.generate().value
        while peiling.codes.values.contains(candidate) { candidate = InvitationCode.generate().value }
        return candidate
    }

    static func configuration(_ change: (inout RateLimitSettings) -> Void = { _ in },
                              trusted: [String] = []) throws -> ServerConfiguration {
        var limits = RateLimitSettings()
        change(&limits)
        return ServerConfiguration(host: "127.0.0.1", port: 0, limits: limits, trustedProxies: try TrustedProxies(trusted))
    }

    /// A staff login from `address`, as a trusted proxy forwards it.
    static func logIn(_ browser: Browser, from address: String, _ name: String, _ password: String) async throws -> Browser.Page {
        browser.extraHeaders[HTTPField.Name("X-Forwarded-For")!] = address
        let login = try await browser.get("/staff/login")
        return try await browser.post("/staff/login", [("csrf", login.inputValue("csrf") ?? ""), ("name", name), ("password", password)])
    }

    @Test(arguments: ServerTestBackend.available) func typosAtTheKioskNeverBlockTheNextParentsCode(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let mine = try #require(peiling.codes["L01"]), next = try #require(peiling.codes["L02"])
        try await peiling.withServer { browser in
            try await browser.unlockKiosk()
            let start = try await browser.get("/kiosk")
            // Every start screen carries a new one-time token: each attempt uses the one on the page it came from.
            var csrf = try #require(start.inputValue("csrf"))
            for attempt in 0..<25 {
                let wrong = try await browser.post("/kiosk/start", [("csrf", csrf), ("code", Self.typo(of: mine, attempt))])
                #expect(wrong.status == .notFound)
                #expect(wrong.body.contains("Deze code kennen we niet."))
                csrf = try #require(wrong.inputValue("csrf"))
            }
            let right = try await browser.post("/kiosk/start", [("csrf", csrf), ("code", next)])
            #expect(right.status == .seeOther, "25 typos of one parent do not keep the next parent out")
            #expect(right.location == "/kiosk/form")
        }
    }

    @Test(arguments: ServerTestBackend.available) func aClientGuessingCodesWaitsAndIsToldHowLong(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let real = try #require(peiling.codes["L02"])
        let configuration = try Self.configuration { $0.codeGuesses = .init(attempts: 3, refillSeconds: 300) }
        try await peiling.withServer(configuration) { browser in
            // A typo and an unknown code look the same to the person typing.
            let typo = Self.typo(of: real), unknown = Self.unknownCode(peiling)
            let a = try await browser.post("/", [("code", typo), ("lang", "nl")])
            let b = try await browser.post("/", [("code", unknown), ("lang", "nl")])
            #expect(a.status == .notFound && b.status == .notFound)
            #expect(a.body.replacingOccurrences(of: typo, with: "") == b.body.replacingOccurrences(of: unknown, with: ""))
            // Guesses through the personal link count too.
            #expect(try await browser.get("/s/\(Self.unknownCode(peiling))").status == .notFound)
            #expect(try await browser.post("/", [("code", Self.unknownCode(peiling))]).status == .notFound)
            // Three guesses: this client is clearly guessing, and now even the right code waits.
            let limited = try await browser.post("/", [("code", real), ("lang", "nl")])
            #expect(limited.status == .tooManyRequests)
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((250...300).contains(retryAfter), "one guess comes back after 300 s, less the time the test took")
            #expect(limited.body.contains("Te veel pogingen met een onbekende code. Probeer het over 5 min. opnieuw."))
            #expect(limited.body.contains("value=\"\(real)\""), "what was typed stays in the field")
            let english = try await browser.post("/", [("code", real), ("lang", "en")])
            #expect(english.body.contains("Please try again in 5 min."))
            #expect(try await browser.get("/s/\(real)").status == .tooManyRequests)
        }
    }

    @Test(arguments: ServerTestBackend.available) func wrongCodesNeverMakeARightStaffPasswordWrong(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let configuration = try Self.configuration { $0.codeGuesses = .init(attempts: 3, refillSeconds: 600) }
        try await peiling.withServer(configuration) { browser in
            for _ in 0..<12 { _ = try await browser.post("/", [("code", Self.unknownCode(peiling))]) }
            #expect(try await browser.post("/", [("code", Self.unknownCode(peiling))]).status == .tooManyRequests)
            let dashboard = try await StaffTests.logIn(browser)
            #expect(dashboard.status == .ok, "the code budget is not the login budget")
            #expect(dashboard.body.contains("Dashboard"))
        }
    }

    @Test(arguments: ServerTestBackend.available) func tooManyWrongPasswordsSaysWaitAndNeverWrong(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try peiling.database.setStaff(name: "meester-tom", passwordHash: TestPeiling.staffHash("ander-wachtwoord"))
        let configuration = try Self.configuration({ $0.loginsPerClient = .init(attempts: 3, refillSeconds: 120) },
                                                   trusted: ["127.0.0.1", "::1"])
        try await peiling.withServer(configuration) { browser in
            for _ in 0..<3 {
                #expect(try await Self.logIn(browser, from: "203.0.113.5", TestPeiling.staffName, "fout-wachtwoord").status == .unauthorized)
            }
            // The right password now: not checked, and not called wrong.
            let limited = try await Self.logIn(browser, from: "203.0.113.5", TestPeiling.staffName, TestPeiling.staffPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { (1...120).contains($0) } == true)
            #expect(limited.body.contains("Te veel pogingen. Wacht 2 min. en probeer het dan opnieuw."))
            #expect(!limited.body.contains("klopt niet"))
            // The same at the kiosk's unlock screen (the same budget: it is a staff password).
            let unlock = try await browser.get("/kiosk/unlock")
            let kiosk = try await browser.post("/kiosk/unlock", [("csrf", unlock.inputValue("csrf") ?? ""), ("name", TestPeiling.staffName),
                                                                 ("password", TestPeiling.staffPassword), ("mode", "digital_at_school")])
            #expect(kiosk.status == .tooManyRequests)
            #expect(!kiosk.body.contains("klopt niet"))
            // Another address behind the same proxy logs in as usual.
            #expect(try await Self.logIn(browser, from: "198.51.100.7", "meester-tom", "ander-wachtwoord").status == .seeOther)
        }
    }

    @Test(arguments: ServerTestBackend.available) func guessingOnePasswordFromManyAddressesIsStoppedPerName(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try peiling.database.setStaff(name: "meester-tom", passwordHash: TestPeiling.staffHash("ander-wachtwoord"))
        let configuration = try Self.configuration({ $0.loginsPerName = .init(attempts: 3, refillSeconds: 600) },
                                                   trusted: ["127.0.0.1", "::1"])
        try await peiling.withServer(configuration) { browser in
            for n in 1...3 {
                #expect(try await Self.logIn(browser, from: "203.0.113.\(n)", TestPeiling.staffName, "raden-\(n)").status == .unauthorized)
            }
            let limited = try await Self.logIn(browser, from: "203.0.113.9", TestPeiling.staffName, "raden-9")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains("Wacht 10 min."))
            // Another account is not affected.
            #expect(try await Self.logIn(browser, from: "203.0.113.9", "meester-tom", "ander-wachtwoord").status == .seeOther)
        }
    }

    @Test(arguments: ServerTestBackend.available) func aKioskHasItsOwnBudgetAndStaffCanResetIt(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L03"])
        let configuration = try Self.configuration { $0.kioskGuesses = .init(attempts: 2, refillSeconds: 600) }
        try await peiling.withServer(configuration) { browser in
            try await browser.unlockKiosk()
            var csrf = try #require(try await browser.get("/kiosk").inputValue("csrf"))
            for _ in 0..<2 {
                let wrong = try await browser.post("/kiosk/start", [("csrf", csrf), ("code", Self.unknownCode(peiling))])
                csrf = try #require(wrong.inputValue("csrf"))
            }
            let limited = try await browser.post("/kiosk/start", [("csrf", csrf), ("code", code)])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.body.contains("Probeer het over 10 min. opnieuw."))
            #expect(limited.body.contains("/kiosk/unlock"), "the kiosk says how staff reset it")
            // A parent at home on the same network is not held up by the kiosk.
            #expect(try await browser.post("/", [("code", code)]).status == .seeOther)

            // A staff member resets the kiosk from the dashboard; the reset needs the dashboard's token.
            let dashboard = try await StaffTests.logIn(browser)
            #expect(dashboard.body.contains("Kiosk wacht"))
            #expect(try await browser.post("/staff/kiosks/reset", [("csrf", "vals")]).status == .forbidden)
            let reset = try await browser.post("/staff/kiosks/reset", [("csrf", dashboard.inputValue("csrf") ?? "")])
            #expect(reset.status == .seeOther)
            #expect(!(try await browser.get("/staff")).body.contains("Kiosk wacht"))
            let again = try #require(try await browser.get("/kiosk").inputValue("csrf"))
            let opened = try await browser.post("/kiosk/start", [("csrf", again), ("code", code)])
            #expect(opened.status == .seeOther)
            #expect(opened.location == "/kiosk/form")
        }
    }

    @Test(arguments: ServerTestBackend.available) func unlockingTheKioskAgainResetsItsBudget(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L04"])
        let configuration = try Self.configuration { $0.kioskGuesses = .init(attempts: 1, refillSeconds: 600) }
        try await peiling.withServer(configuration) { browser in
            try await browser.unlockKiosk()
            let csrf = try #require(try await browser.get("/kiosk").inputValue("csrf"))
            let wrong = try await browser.post("/kiosk/start", [("csrf", csrf), ("code", Self.unknownCode(peiling))])
            #expect(try await browser.post("/kiosk/start", [("csrf", wrong.inputValue("csrf") ?? ""), ("code", code)]).status == .tooManyRequests)
            let old = browser.cookies["ouderstem_kiosk"]
            let unlock = try await browser.get("/kiosk/unlock")
            #expect(unlock.body.contains("Kiosk ontgrendelen"))
            let unlocked = try await browser.post("/kiosk/unlock", [("csrf", unlock.inputValue("csrf") ?? ""), ("name", TestPeiling.staffName),
                                                                    ("password", TestPeiling.staffPassword), ("mode", "digital_at_school")])
            #expect(unlocked.status == .seeOther)
            #expect(browser.cookies["ouderstem_kiosk"] != old, "a new kiosk session")
            let fresh = try #require(try await browser.get("/kiosk").inputValue("csrf"))
            #expect(try await browser.post("/kiosk/start", [("csrf", fresh), ("code", code)]).status == .seeOther)
        }
    }

    @Test(arguments: ServerTestBackend.available) func behindATrustedProxyEachParentHasTheirOwnBudget(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let code = try #require(peiling.codes["L05"])
        let forwarded = HTTPField.Name("X-Forwarded-For")!
        let limits: (inout RateLimitSettings) -> Void = { $0.codeGuesses = .init(attempts: 2, refillSeconds: 600) }
        try await peiling.withServer(try Self.configuration(limits, trusted: ["127.0.0.1", "::1"])) { browser in
            // Parent A guesses; a header A wrote itself (the left part) does not let A escape.
            browser.extraHeaders[forwarded] = "10.0.0.1"
            for _ in 0..<2 { _ = try await browser.post("/", [("code", Self.unknownCode(peiling))]) }
            browser.extraHeaders[forwarded] = "10.9.9.9, 10.0.0.1"
            #expect(try await browser.post("/", [("code", code)]).status == .tooManyRequests)
            // Parent B, behind the same proxy, is not held up.
            browser.extraHeaders[forwarded] = "10.0.0.2"
            #expect(try await browser.post("/", [("code", code)]).status == .seeOther)
        }
        // Without --trusted-proxy the header is not believed: anyone could claim any address.
        try await peiling.withServer(try Self.configuration(limits)) { browser in
            for n in 0..<2 {
                browser.extraHeaders[forwarded] = "10.0.0.\(n + 1)"
                _ = try await browser.post("/", [("code", Self.unknownCode(peiling))])
            }
            browser.extraHeaders[forwarded] = "10.0.0.3"
            #expect(try await browser.post("/", [("code", code)]).status == .tooManyRequests)
        }
    }

    @Test func theClientAddressIsTheRightMostOneNoTrustedProxyWrote() throws {
        let proxies = try TrustedProxies(["127.0.0.1", "10.0.0.5", "::1"])
        #expect(proxies.client(peer: "192.0.2.7", forwardedFor: ["10.0.0.1"]) == "192.0.2.7", "an untrusted peer is the client")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.4"]) == "198.51.100.4")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 198.51.100.4, 10.0.0.5"]) == "198.51.100.4",
                "two proxies in a row: the address before them")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4", "198.51.100.4"]) == "198.51.100.4", "several headers")
        #expect(proxies.client(peer: "0:0:0:0:0:0:0:1", forwardedFor: ["[2001:db8::1]"]) == "2001:db8::1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1", "no header: the proxy itself")
        #expect(throws: ServerError.self) { _ = try TrustedProxies(["proxy.school.nl"]) }
    }
}
