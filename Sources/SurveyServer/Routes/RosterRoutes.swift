import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The class roster in the dashboard: upload a CSV, see what it would change (the store's dry run), then
/// confirm; the same reading (`RosterFile`) and import (`importRoster`) as `ouderstem roster import`.
struct RosterRoutes: Sendable {
    let staff: StaffRoutes

    /// A class roster is a few kilobytes; a whole school fits easily. The confirmation carries the file back
    /// in base64 (a third larger), which must stay below the limit of a posted form (`AppContext`).
    static let rosterLimit = 128 * 1024

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/roster") { request, desk in
            try page(request, desk, errors: [])
        }
        staff.staffUpload(router, "/staff/roster/preview", limit: Self.rosterLimit + 16 * 1024) { request, desk, form in
            guard let upload = form.file("roster") else {
                return try page(request, desk, errors: [DashboardText.table(staff.language(request))["roster.noFile"]!])
            }
            guard upload.bytes.count <= Self.rosterLimit else {
                return try page(request, desk, errors: [DashboardText.table(staff.language(request))["roster.tooLarge"]!])
            }
            return try preview(request, desk, bytes: upload.bytes, file: upload.filename ?? "roster.csv",
                               replaceEmpty: form["replaceEmpty"] == "1")
        }
        // The confirmed file comes back with the confirmation (base64 in a hidden field), so nothing is
        // kept on the server between the preview and the import, and what is imported is what was previewed.
        staff.staffPost(router, "/staff/roster/import") { request, desk, form in
            guard let encoded = form["file"], let data = Data(base64Encoded: encoded) else {
                throw HTTPError(.badRequest, message: "The form could not be read.")
            }
            let database = desk.database
            let replaceEmpty = form["replaceEmpty"] == "1"
            let rows: [RosterRow]
            do { rows = try RosterFile.read([UInt8](data), knownTags: try database.currentSurvey().tags).rows } catch let error as RosterError {
                return try page(request, desk, errors: [error.text(dutch: staff.language(request) == "nl")])
            }
            let summary = try database.importRoster(rows, replaceEmpty: replaceEmpty)
            desk.log("imported the roster \(form["name"] ?? ""): \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged) unchanged")
            return Pages.redirect(desk.path("/roster?imported=\(summary.added.count)-\(summary.updated.count)-\(summary.unchanged)"))
        }
    }

    private func page(_ request: Request, _ desk: StaffDesk, errors: [String]) throws -> Response {
        let database = desk.database
        guard (try? database.peiling()) != nil else { return Pages.redirect("/staff/start") }
        let text = DashboardText.table(staff.language(request))
        var done = ""
        if let imported = request.uri.queryParameters["imported"] {
            let counts = imported.split(separator: "-").map(String.init)
            if counts.count == 3 { done = DashboardText.fill(text["roster.done"]!, ["new": counts[0], "updated": counts[1], "unchanged": counts[2]]) }
        }
        let roster = try database.respondents().map { respondent -> [String: Any] in
            ["id": respondent.id, "child": respondent.childName ?? "", "group": respondent.group, "language": respondent.language,
             "tags": respondent.tags.joined(separator: ", ")]
        }
        return staff.render(request, desk, "staff-roster", [
            "errors": errors.map { ["text": $0] }, "hasErrors": !errors.isEmpty, "done": done,
            "roster": roster, "hasRoster": !roster.isEmpty, "count": roster.count,
        ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func preview(_ request: Request, _ desk: StaffDesk, bytes: [UInt8], file: String, replaceEmpty: Bool) throws -> Response {
        let database = desk.database
        let text = DashboardText.table(staff.language(request))
        let read: (rows: [RosterRow], encoding: RosterEncoding)
        do { read = try RosterFile.read(bytes, knownTags: try database.currentSurvey().tags) } catch let error as RosterError {
            return try page(request, desk, errors: [error.text(dutch: staff.language(request) == "nl"), text["roster.nothingImported"]!])
        }
        let summary = try database.importRoster(read.rows, replaceEmpty: replaceEmpty, dryRun: true)
        let changes: [[String: Any]] = summary.changes.map { change in
            let personal = change.field.isPersonal
            return ["id": change.id, "field": change.field.rawValue,
                    "old": personal ? "…" : (change.old.flatMap { $0.isEmpty ? nil : $0 } ?? "–"),
                    "new": personal ? (change.new == nil ? text["roster.cleared"]! : text["roster.changed"]!) : (change.new.flatMap { $0.isEmpty ? nil : $0 } ?? "–")]
        }
        return staff.render(request, desk, "staff-roster-preview", [
            "file": file, "encoded": Data(bytes).base64EncodedString(), "replaceEmpty": replaceEmpty ? "1" : "0",
            "summary": DashboardText.fill(text["roster.summary"]!, ["rows": "\(read.rows.count)", "new": "\(summary.added.count)",
                                                                     "updated": "\(summary.updated.count)", "unchanged": "\(summary.unchanged)"]),
            "added": summary.added.joined(separator: ", "), "changes": changes, "hasChanges": !changes.isEmpty,
            "windows1252": read.encoding == .windows1252,
        ])
    }
}
