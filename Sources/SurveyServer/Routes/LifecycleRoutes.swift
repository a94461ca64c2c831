import Foundation
import Hummingbird
import NIOPosix
import SurveyReports
import SurveyStore

/// Closing, reopening and forgetting the roster, each after a page that says what will happen, and the
/// de-identified export: the same store and report calls as `ouderstem close`, `reopen`, `roster forget`
/// and `export`.
struct LifecycleRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        for action in ["close", "reopen", "forget"] {
            staff.staffGet(router, "/staff/\(action)") { request, desk in
                try confirmPage(request, desk, action: action, error: nil)
            }
        }
        staff.staffPost(router, "/staff/forget") { request, desk, _ in
            let count: Int
            do { count = try desk.database.forgetRoster() } catch let error as StoreError {
                return try confirmPage(request, desk, action: "forget", error: DashboardText.storeError(error, DashboardText.table(staff.language(request))))
            }
            desk.log("deleted the names and contacts of \(count) families")
            let text = DashboardText.table(staff.language(request))
            return staff.message(request, desk, heading: text["forget.doneTitle"]!,
                                 text: DashboardText.fill(text["forget.done"]!, ["n": "\(count)"]), link: desk.base, label: text["nav.status"]!)
        }
        staff.staffGet(router, "/staff/report") { request, desk in
            guard (try? desk.database.peiling()) != nil else { return Pages.redirect("/staff/start") }
            return staff.render(request, desk, "staff-report", ["responses": try desk.database.status().responses])
        }
        staff.staffGet(router, "/staff/export.xlsx") { request, desk in
            let k = Int(request.uri.queryParameters["k"] ?? "5") ?? 5
            guard k >= 2 else { throw HTTPError(.badRequest, message: "k must be 2 or more.") }
            let options = ExportOptions(format: .xlsx, minGroup: k, withOpenAnswers: request.uri.queryParameters["open"] == "1")
            let database = desk.database
            let (name, bytes) = try await NIOThreadPool.singleton.runIfActive { () throws -> (String, Data) in
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-export-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: directory) }
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let report = try ExportWriter.write(database: database, options: options, to: directory)
                guard let file = report.files.first(where: { $0.pathExtension == "xlsx" }) else { throw HTTPError(.internalServerError) }
                return (file.lastPathComponent, try Data(contentsOf: file))
            }
            desk.log("downloaded the de-identified export (k = \(k)\(options.withOpenAnswers ? ", with open answers" : ""))")
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    private func confirmPage(_ request: Request, _ desk: StaffDesk, action: String, error: String?) throws -> Response {
        let database = desk.database
        guard let peiling = try? database.peiling() else { return Pages.redirect("/staff/start") }
        // The menu leads to "close"; once closed, the same step offers reopening (and forgetting the names).
        if action == "close", peiling.isClosed { return Pages.redirect(desk.path("/reopen")) }
        if action == "reopen", !peiling.isClosed { return Pages.redirect(desk.path("/close")) }
        let text = DashboardText.table(staff.language(request))
        let status = try database.status()
        let values = ["name": peiling.name, "responses": "\(status.responses)", "families": "\(status.rosterSize)"]
        let withNames = try database.namesReports().filter { FileManager.default.fileExists(atPath: $0.path) }.map { ["path": $0.path] }
        return staff.render(request, desk, "staff-confirm", [
            "action": desk.path("/\(action)"), "heading": text["\(action).title"]!, "what": DashboardText.fill(text["\(action).what"]!, values),
            "button": text["\(action).button"]!, "error": error ?? "", "danger": action == "forget",
            "blocked": action == "forget" && !peiling.isClosed ? text["forget.closeFirst"]! : "",
            "withNames": action == "forget" ? withNames : [], "showForget": action == "reopen", "hasNamesReports": action == "forget" && !withNames.isEmpty,
        ], status: error == nil ? .ok : .conflict)
    }
}
