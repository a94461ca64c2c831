import Foundation
import Hummingbird
import NIOPosix
import SurveyReports
import SurveyStore

/// Report downloads for staff: the Excel workbook and the text summary, made by the report library
/// (the same files as `ouderstem report`), without names and with small groups hidden.
struct ReportRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/report.xlsx") { request, desk in
            try await download(request, desk, workbook: true)
        }
        staff.staffGet(router, "/staff/report.md") { request, desk in
            try await download(request, desk, workbook: false)
        }
    }

    private func download(_ request: Request, _ desk: StaffDesk, workbook: Bool) async throws -> Response {
        let language = request.uri.queryParameters["lang"] == "en" ? "en" : "nl"
        let database = desk.database
        // libxlsxwriter writes a file: make it in a private temporary folder, off the event loop, and remove it after.
        let (name, bytes) = try await NIOThreadPool.singleton.runIfActive { () throws -> (String, Data) in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-report-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = try ReportWriter.write(database: database, options: ReportOptions(language: language), to: directory)
            let file = workbook ? files.workbook : files.summary
            return (file.lastPathComponent, try Data(contentsOf: file))
        }
        var headers = HTTPFields()
        headers[.contentType] = workbook ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/markdown; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
