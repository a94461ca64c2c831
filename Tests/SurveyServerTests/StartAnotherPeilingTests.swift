import Foundation
import Hummingbird
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// Starting another peiling from the dashboard of a file that already has some: a name of its own, a school
/// within the account's scope, and the new peiling in the staff member's list at once.
@Suite struct StartAnotherPeilingTests {
    static func configuration() -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.surveysDirectory = TestPeiling.repositoryRoot.appendingPathComponent("Surveys").path
        return configuration
    }

    static func start(_ browser: Browser, csrf: String, name: String, school: String) async throws -> Browser.Page {
        try await browser.upload("/staff/start", [("csrf", csrf), ("survey", "behoeften-ouders.yaml"), ("name", name), ("school", school),
                                                  ("contact", "Meester Kees")], files: [])
    }

    @Test(arguments: ServerTestBackend.available) func aCoordinatorStartsAnotherPeilingOfTheirSchoolOnly(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer(Self.configuration()) { browser in
            let list = try await browser.logIn(as: TwoSchools.coordinator)
            #expect(list.body.contains("href=\"/staff/start\""))
            let form = try await browser.get("/staff/start")
            #expect(form.body.contains("Start nog een peiling in dit bestand"))
            #expect(form.body.contains("value=\"De Regenboog\" readonly"), "the coordinator's school is given")
            let csrf = try #require(form.inputValue("csrf"))

            let otherSchool = try await Self.start(browser, csrf: csrf, name: "Klimop groep 8", school: "De Klimop")
            #expect(otherSchool.status == .unprocessableContent)
            #expect(otherSchool.body.contains("Uw account hoort bij De Regenboog: een peiling van &#39;De Klimop&#39; kunt u niet starten")
                    || otherSchool.body.contains("Uw account hoort bij De Regenboog: een peiling van 'De Klimop' kunt u niet starten"), "\(otherSchool.body)")
            #expect(otherSchool.body.contains("value=\"Klimop groep 8\""), "what was typed is kept")
            let taken = try await Self.start(browser, csrf: csrf, name: TwoSchools.groep7, school: "De Regenboog")
            #expect(taken.status == .unprocessableContent)
            #expect(taken.body.contains("Er is al een peiling"))
            let unnamed = try await Self.start(browser, csrf: csrf, name: " ", school: "De Regenboog")
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.body.contains("Geef de nieuwe peiling een naam"))

            let started = try await Self.start(browser, csrf: csrf, name: "Regenboog groep 8", school: "De Regenboog")
            #expect(started.status == .seeOther)
            let location = try #require(started.location)
            #expect(location.hasPrefix("/staff/p/") && location.hasSuffix("/roster"), "\(location)")
            #expect(try await browser.get(location).status == .ok, "its roster page opens at once")
            #expect(try await browser.get("/staff/peilingen").body.contains("Regenboog groep 8"))
        }
        let peilingen = try schools.peiling.database.peilingen()
        #expect(peilingen.map(\.name).sorted() == [TwoSchools.groep5, TwoSchools.klimop, "Regenboog groep 8", TwoSchools.groep7].sorted())
        let new = try #require(peilingen.first { $0.name == "Regenboog groep 8" })
        #expect(new.school == "De Regenboog")
        #expect(try schools.peiling.database.view(ofPeiling: new.id).settings().contact == "Meester Kees")
        #expect(try schools.handles[TwoSchools.groep7]!.peiling().definitionHash == schools.peiling.survey.contentHash,
                "the peiling whose name was taken is unchanged")
    }

    @Test(arguments: ServerTestBackend.available) func aTeacherLimitedToHerOwnPeilingenGetsTheNewOneAsHerOwn(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer(Self.configuration()) { browser in
            _ = try await browser.logIn(as: TwoSchools.teacher)
            let csrf = try #require(try await browser.get("/staff/start").inputValue("csrf"))
            let started = try await Self.start(browser, csrf: csrf, name: "Groep 5 voorjaar 2027", school: "De Regenboog")
            #expect(started.status == .seeOther)
            #expect(try await browser.get(try #require(started.location)).status == .ok)
            let list = try await browser.get("/staff/peilingen")
            #expect(list.body.contains("Groep 5 voorjaar 2027") && list.body.contains(TwoSchools.groep5))
            #expect(!list.body.contains(TwoSchools.groep7), "the rest of her school stays outside her own peilingen")
        }
        let scope = try #require(try schools.peiling.database.staffScope(name: TwoSchools.teacher))
        #expect(scope.peilingIDs.count == 2)
    }
}
