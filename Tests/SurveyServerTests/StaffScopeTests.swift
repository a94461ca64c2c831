import Foundation
import Hummingbird
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// One server for a school board's file: every staff route checks the account's scope, the list shows the
/// peilingen in scope, and a page open on one peiling only ever posts to that peiling.
@Suite struct StaffScopeTests {
    @Test(arguments: ServerTestBackend.available) func aTeacherCannotOpenOrChangeAnotherSchoolsPeiling(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        let klimop = schools.base(TwoSchools.klimop)
        let klimopCode = schools.codes[TwoSchools.klimop]!["L01"]!
        try await schools.peiling.withServer { browser in
            // Limited to her own peiling: /staff is its dashboard, as on a one-teacher laptop.
            let dashboard = try await browser.logIn(as: TwoSchools.teacher)
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("<h1>\(TwoSchools.groep5)</h1>"))
            let csrf = try #require(dashboard.inputValue("csrf"))
            for path in ["", "/report.xlsx", "/report.md", "/interview/\(klimopCode)", "/roster", "/sample", "/letters", "/letters.html",
                         "/entry", "/settings", "/close"] {
                let refused = try await browser.get(klimop + path)
                #expect(refused.status == .forbidden, "GET \(klimop + path): \(refused.status)")
                #expect(refused.body.contains("Deze peiling hoort niet bij uw account. Er is niets gelezen of veranderd."), "GET \(klimop + path)")
                #expect(refused.body.contains("href=\"/staff\""), "a way back to her peilingen")
            }
            // Posts with a valid token are refused too, and change nothing.
            let close = try await browser.post(klimop + "/close", [("csrf", csrf)])
            #expect(close.status == .forbidden)
            let settings = try await browser.post(klimop + "/settings", [("csrf", csrf), ("school", "De Regenboog")])
            #expect(settings.status == .forbidden)
            let entry = try await browser.post(klimop + "/entry", [("csrf", csrf), ("start", "1"), ("mode", "enter"),
                                                                     ("method", "paper_home"), ("code", klimopCode)])
            #expect(entry.status == .forbidden)
            let kiosk = try await browser.post(schools.base(TwoSchools.groep7) + "/close", [("csrf", csrf)])
            #expect(kiosk.status == .forbidden, "the other peiling of her own school is not hers either")
            // Without a peiling in the address her own peiling is meant: a Klimop code is unknown there.
            #expect(try await browser.get("/staff/interview/\(klimopCode)").status == .notFound)
            let list = try await browser.get("/staff/peilingen")
            #expect(list.body.contains(TwoSchools.groep5))
            #expect(!list.body.contains(TwoSchools.klimop) && !list.body.contains(TwoSchools.groep7))
        }
        let klimopHandle = schools.handles[TwoSchools.klimop]!
        #expect(try klimopHandle.peiling().isClosed == false)
        #expect(try klimopHandle.settings().school == "De Klimop")
        #expect(try klimopHandle.response(of: "L01") == nil)
        #expect(try schools.handles[TwoSchools.groep7]!.peiling().isClosed == false)
    }

    @Test(arguments: ServerTestBackend.available) func theCoordinatorSeesEveryPeilingOfTheSchoolAndNoneOfAnother(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer { browser in
            // Two peilingen in scope: /staff is the list to choose from, with each one's school and survey.
            let list = try await browser.logIn(as: TwoSchools.coordinator)
            #expect(list.status == .ok)
            #expect(list.body.contains("Alle peilingen van De Regenboog"))
            #expect(list.body.contains("href=\"\(schools.base(TwoSchools.groep5))\""))
            #expect(list.body.contains("href=\"\(schools.base(TwoSchools.groep7))\""))
            #expect(list.body.contains("behoeften-ouders"))
            #expect(!list.body.contains(TwoSchools.klimop))
            let groep7 = try await browser.get(schools.base(TwoSchools.groep7))
            #expect(groep7.status == .ok)
            #expect(groep7.body.contains("<h1>\(TwoSchools.groep7)</h1>"))
            #expect(groep7.body.contains("href=\"\(schools.base(TwoSchools.groep7))/roster\""), "the menu stays on this peiling")
            #expect(try await browser.get(schools.base(TwoSchools.klimop)).status == .forbidden)
            // An address without a peiling cannot tell which one is meant: back to the list, nothing posted.
            #expect(try await browser.get("/staff/roster").location == "/staff")
            let csrf = try #require(groep7.inputValue("csrf"))
            let ambiguous = try await browser.post("/staff/close", [("csrf", csrf)])
            #expect(ambiguous.status == .conflict)
            #expect(ambiguous.body.contains("Kies eerst een peiling"))
            let english = try await browser.get(schools.base(TwoSchools.klimop) + "?lang=en")
            #expect(english.status == .forbidden)
            #expect(english.body.contains("This peiling is not in your account"))
            let unknown = try await browser.get("/staff/p/9999/roster")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("There is no such peiling on this server."), "English, as chosen a page before")
        }
        #expect(try schools.handles[TwoSchools.groep7]!.peiling().isClosed == false)
        #expect(try schools.peiling.database.peiling().isClosed == false)
    }

    @Test(arguments: ServerTestBackend.available) func theBoardAndAnAccountFromBeforeScopesSeeEveryPeiling(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        for name in [TwoSchools.board, TestPeiling.staffName] {
            try await schools.peiling.withServer { browser in
                let list = try await browser.logIn(as: name)
                #expect(list.body.contains("Alle peilingen van alle scholen"), "\(name)")
                for peiling in [TwoSchools.groep5, TwoSchools.groep7, TwoSchools.klimop] {
                    #expect(list.body.contains("href=\"\(schools.base(peiling))\""), "\(name) sees \(peiling)")
                    #expect(try await browser.get(schools.base(peiling)).status == .ok)
                }
                let report = try await browser.get(schools.base(TwoSchools.klimop) + "/report.md")
                #expect(report.status == .ok)
                #expect(report.body.contains(TwoSchools.klimop), "the report is the Klimop's own")
            }
        }
    }

    @Test(arguments: ServerTestBackend.available) func twoTabsOnTwoPeilingenEachSaveTheirPaperFormInTheirOwnPeiling(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        let survey = schools.peiling.survey
        let (groep5, groep7) = (schools.base(TwoSchools.groep5), schools.base(TwoSchools.groep7))
        let (code5, code7) = (schools.codes[TwoSchools.groep5]!["L01"]!, schools.codes[TwoSchools.groep7]!["L02"]!)
        try await schools.peiling.withServer { browser in
            _ = try await browser.logIn(as: TwoSchools.coordinator)
            let csrf = try #require(try await browser.get(groep5).inputValue("csrf"))
            func start(_ base: String, _ code: String) async throws -> Browser.Page {
                try await browser.post(base + "/entry", [("csrf", csrf), ("start", "1"), ("mode", "enter"), ("method", "paper_home"), ("code", code)])
            }
            // A code of the other tab's peiling is unknown here: it cannot land in the wrong peiling.
            #expect(try await start(groep5, code7).status == .unprocessableContent)
            // Tab 1 starts Groep 5's L01, tab 2 Groep 7's L02; they are typed in turns and saved in reverse.
            let tab1 = try await start(groep5, code5)
            let tab2 = try await start(groep7, code7)
            #expect(tab1.body.contains("action=\"\(groep5)/entry\"") && tab2.body.contains("action=\"\(groep7)/entry\""))
            let summary1 = try await DashboardStepsTests.typeForm(browser, tab1, survey: survey, base: groep5) { _ in nil }
            let summary2 = try await DashboardStepsTests.typeForm(browser, tab2, survey: survey, base: groep7) { _ in nil }
            #expect(try await browser.post(groep7 + "/entry/save", summary2.hiddenFields).status == .seeOther)
            #expect(try await browser.post(groep5 + "/entry/save", summary1.hiddenFields).status == .seeOther)
        }
        let groep5Handle = schools.peiling.database, groep7Handle = schools.handles[TwoSchools.groep7]!
        #expect(try groep5Handle.response(of: "L01")?.enteredBy == TwoSchools.coordinator)
        #expect(try groep7Handle.response(of: "L02")?.enteredBy == TwoSchools.coordinator)
        #expect(try groep5Handle.response(of: "L02") == nil, "Groep 5's L02 got nothing")
        #expect(try groep7Handle.response(of: "L01") == nil, "Groep 7's L01 got nothing")
        #expect(try schools.handles[TwoSchools.klimop]!.status().responses == 0)
    }

    @Test(arguments: ServerTestBackend.available) func eachParentsCodeOpensItsOwnPeilingsFormOnTheOneServer(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        let survey = schools.peiling.survey
        let klimopCode = schools.codes[TwoSchools.klimop]!["L01"]!
        let groep5Code = schools.codes[TwoSchools.groep5]!["L01"]!
        try await schools.peiling.withServer { browser in
            #expect(try await browser.get("/s/\(groep5Code)").status == .ok)
            // Typed on the code page at /, the code leads to its own link.
            let typed = try await browser.post("/", [("code", klimopCode)])
            #expect(typed.location == "/s/\(klimopCode)")
            let first = try await browser.get("/s/\(klimopCode)")
            #expect(first.status == .ok)
            _ = try await FormFiller(survey: survey).fillIn(browser, start: first)
        }
        #expect(try schools.handles[TwoSchools.klimop]!.response(of: "L01")?.complete == true)
        #expect(try schools.peiling.database.response(of: "L01") == nil, "Groep 5's L01 is another family")
    }

    /// The school decides the scope: a teacher cannot move her peiling to another school (out of her own reach).
    @Test(arguments: ServerTestBackend.available) func aTeacherCannotMoveHerPeilingToAnotherSchool(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        let groep5 = schools.base(TwoSchools.groep5)
        try await schools.peiling.withServer { browser in
            let dashboard = try await browser.logIn(as: TwoSchools.teacher)
            let csrf = try #require(dashboard.inputValue("csrf"))
            let moved = try await browser.post(groep5 + "/settings", [("csrf", csrf), ("school", "De Klimop"), ("contact", "Juf Els")])
            #expect(moved.status == .unprocessableContent)
            #expect(moved.body.contains("De school kan niet &#39;De Klimop&#39; worden") || moved.body.contains("De school kan niet 'De Klimop' worden"),
                    "\(moved.body)")
            #expect(moved.body.contains("value=\"Juf Els\""), "what she typed is kept")
            let kept = try await browser.post(groep5 + "/settings", [("csrf", csrf), ("school", "De Regenboog"), ("contact", "Juf Els")])
            #expect(kept.status == .seeOther, "her own school stays hers to save")
        }
        let settings = try schools.peiling.database.settings()
        #expect(settings.school == "De Regenboog")
        #expect(settings.contact == "Juf Els")
    }

    @Test(arguments: ServerTestBackend.available) func aKioskUnlocksOnlyForAPeilingInTheStaffMembersScope(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        let klimopID = schools.ids[TwoSchools.klimop]!
        try await schools.peiling.withServer { browser in
            let unlock = try await browser.get("/kiosk/unlock?peiling=\(klimopID)")
            let refused = try await browser.post("/kiosk/unlock", [("csrf", unlock.inputValue("csrf") ?? ""), ("peiling", String(klimopID)),
                                                                    ("name", TwoSchools.teacher), ("password", TestPeiling.staffPassword)])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Deze kiosk kan niet worden ontgrendeld voor deze peiling"))
            #expect(browser.cookies["ouderstem_kiosk"] == nil, "the kiosk stays locked")
            let again = try await browser.get("/kiosk/unlock")
            let unlocked = try await browser.post("/kiosk/unlock", [("csrf", again.inputValue("csrf") ?? ""),
                                                                     ("name", TwoSchools.teacher), ("password", TestPeiling.staffPassword)])
            #expect(unlocked.status == .seeOther, "without a peiling: her only one")
            #expect(browser.cookies["ouderstem_kiosk_peiling"] == String(schools.ids[TwoSchools.groep5]!))
            // The Klimop's code is unknown at her kiosk.
            let start = try await browser.get("/kiosk")
            let wrong = try await browser.post("/kiosk/start", [("csrf", start.inputValue("csrf") ?? ""),
                                                                 ("code", schools.codes[TwoSchools.klimop]!["L01"]!)])
            #expect(wrong.status == .notFound)
            // The coordinator has two peilingen: the kiosk asks which one, through its dashboard's link.
            let coordinator = try await browser.get("/kiosk/unlock")
            let unsure = try await browser.post("/kiosk/unlock", [("csrf", coordinator.inputValue("csrf") ?? ""),
                                                                   ("name", TwoSchools.coordinator), ("password", TestPeiling.staffPassword)])
            #expect(unsure.status == .conflict)
            #expect(unsure.body.contains("Kies eerst een peiling"))
            let groep7 = schools.ids[TwoSchools.groep7]!
            let linked = try await browser.get("/kiosk/unlock?peiling=\(groep7)")
            #expect(linked.inputValue("peiling") == String(groep7), "the dashboard's link names the peiling")
            let chosen = try await browser.post("/kiosk/unlock", [("csrf", linked.inputValue("csrf") ?? ""), ("peiling", String(groep7)),
                                                                   ("name", TwoSchools.coordinator), ("password", TestPeiling.staffPassword)])
            #expect(chosen.status == .seeOther)
            #expect(browser.cookies["ouderstem_kiosk_peiling"] == String(groep7))
        }
    }
}
