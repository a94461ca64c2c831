import Foundation
import Hummingbird
import HummingbirdTesting
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// `serve --peiling`: a server on a file with two schools serves one peiling; the other's codes open nothing.
@Suite struct ServePeilingTests {
    @Test(arguments: ServerTestBackend.available) func aServerOpensOnlyTheCodesOfItsOwnPeiling(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let yaml = try String(contentsOf: TestPeiling.repositoryRoot.appendingPathComponent("Surveys/behoeften-ouders.yaml"), encoding: .utf8)
        let klimop = try peiling.open(peiling: "Klimop groep 3")
        try klimop.initialize(name: "Klimop groep 3", survey: peiling.survey, yaml: yaml)
        try klimop.importRoster([Respondent(id: "L01", group: "3", childName: "Kees", language: "nl")])
        let klimopCode = try #require(try klimop.invite(["L01"]).first?.code.value)
        let ownCode = try #require(peiling.codes["L01"])
        let survey = peiling.survey

        // What `ouderstem serve --peiling "Groep 5 test"` runs.
        let served = try peiling.open(peiling: "Groep 5 test")
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.idleTimeoutSeconds = 600
        let app = try await OuderstemServer.application(database: served, configuration: configuration)
        try await app.test(.live) { client in
            let browser = Browser(client: client)
            #expect(try await browser.get("/s/\(klimopCode)").status == .notFound, "another peiling's code is unknown here")
            let first = try await browser.get("/s/\(ownCode)")
            #expect(first.status == .ok)
            _ = try await FormFiller(survey: survey).fillIn(browser, start: first)
        }
        // The answer went to this server's peiling, to its own L01, and not to the Klimop's L01.
        #expect(try served.response(of: "L01")?.complete == true)
        #expect(try klimop.response(of: "L01") == nil)
        #expect(try klimop.status().responses == 0)
    }
}
