import Foundation
import Hummingbird
import NIOPosix
import SurveyReports
import SurveyStore

/// `/staff/overview` (and `/staff/overview.md` as text): the response per school and every peiling's main
/// findings side by side (`BoardOverview`), over the peilingen in the staff member's scope: across schools
/// for a board account, one school for a coordinator. Every figure is one the peiling's own report shows.
struct BoardOverviewPage: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        router.get("/staff/overview") { request, _ in try await answer(request, asText: false) }
        router.get("/staff/overview.md") { request, _ in try await answer(request, asText: true) }
    }

    private func answer(_ request: Request, asText: Bool) async throws -> Response {
        guard let session = try staff.auth.session(request) else { return Pages.redirect("/staff/login") }
        guard let scope = try staff.desks.root.staffScope(name: session.name) else { throw StaffRefusal.outOfScope }
        let database = staff.desks.root
        // Each peiling is counted and protected on its own, a fraction of a second each: off the event loop.
        let overview = try await NIOThreadPool.singleton.runIfActive {
            try BoardOverview.make(database: database) { scope.includes(peilingID: $0.id, school: $0.school) }
        }
        let lang = staff.language(request)
        let words = BoardOverviewText(overview, language: lang)
        if asText {
            var headers = HTTPFields()
            headers[.contentType] = "text/markdown; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(lang == "en" ? "overview-schools" : "overzicht-scholen").md\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: words.render())))
        }
        let text = DashboardText.table(lang)
        return staff.render(request, session, "staff-overview", [
            "title": text["overview.title"]!,
            "scope": PeilingListPage.describe(scope, text),
            "schools": overview.schools.map { school -> [String: Any] in
                ["name": words.schoolName(school.name), "peilingen": school.peilingen, "anonymous": school.anonymous,
                 "response": words.response(school.responses, of: school.rosterSize, rate: school.responseRate)]
            },
            "tables": overview.tables.map { table -> [String: Any] in
                let findings = table.findings.enumerated().map { i, finding -> [String: Any] in
                    ["number": i + 1, "text": finding.text.text(lang), "topLabel": finding.topLabel.text(lang)]
                }
                let rows = table.columns.enumerated().map { c, column -> [String: Any] in
                    ["school": words.schoolName(column.school), "peiling": column.peiling, "href": "/staff/p/\(column.peilingID)",
                     "closed": column.closed, "response": words.response(column.responses, of: column.rosterSize, rate: column.responseRate),
                     "cells": table.findings.map { finding -> [String: Any] in
                         ["text": words.text(finding.cells[c]),
                          "own": column.ownFindings.contains(finding.questionID) && finding.cells[c] != .none]
                     }]
                }
                return ["title": table.title.text(lang), "surveyID": table.surveyID,
                        "findings": findings, "hasFindings": !findings.isEmpty, "rows": rows]
            },
            "note": words.note,
        ])
    }
}
