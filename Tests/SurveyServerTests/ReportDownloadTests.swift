import Foundation
import SurveyCore
import SurveyStore
import Testing

/// Staff download the report made by the report library; the workbook opens as a workbook.
@Suite struct ReportDownloadTests {
    @Test(arguments: ServerTestBackend.available) func workbookAndSummaryDownloadForStaffOnly(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        let survey = peiling.survey
        // Five complete responses through the web form.
        try await peiling.withServer { browser in
            for id in ["L01", "L02", "L03", "L04", "L05"] {
                let start = try await browser.get("/s/\(peiling.codes[id]!)")
                try await FormFiller(survey: survey).fillIn(browser, start: start)
            }
            #expect(try await browser.get("/staff/report.xlsx").location == "/staff/login", "no report without logging in")
            _ = try await StaffTests.logIn(browser)
            let workbook = try await browser.client.execute(uri: "/staff/report.xlsx", method: .get,
                                                            headers: [.cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentDisposition]?.contains(".xlsx") == true)
            let file = peiling.directory.appendingPathComponent("download.xlsx")
            try Data(buffer: workbook.body).write(to: file)
            let listing = try Self.run("/usr/bin/unzip", ["-l", file.path])
            #expect(listing.contains("xl/workbook.xml"))
            let sheets = try Self.run("/usr/bin/unzip", ["-p", file.path, "xl/workbook.xml"])
            #expect(sheets.contains("<sheet "))
            let summary = try await browser.get("/staff/report.md")
            #expect(summary.status == .ok)
            #expect(summary.body.contains(survey.title.dutch) || summary.body.contains("Groep 5 test"))
            #expect(!summary.body.contains("Amira"), "no names in the report")
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
