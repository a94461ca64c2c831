import Foundation
import Hummingbird
import SurveyStore

/// The peiling settings in the dashboard (school, groups, contact, deadline, why): the same
/// `applySettings` as `ouderstem settings`, so a letter that still misses something can be completed here.
struct SettingsRoutes: Sendable {
    let staff: StaffRoutes

    static let fields = ["school", "groups", "contact", "contactInfo", "deadline", "why"]

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/settings") { request, desk in
            guard (try? desk.database.peiling()) != nil else { return Pages.redirect("/staff/start") }
            let settings = try desk.database.settings()
            let values = ["school": settings.school, "groups": settings.groups, "contact": settings.contact,
                          "contactInfo": settings.contactInfo, "deadline": settings.deadline?.description, "why": settings.why]
            return page(request, desk, values: values.mapValues { $0 ?? "" }, error: nil)
        }
        staff.staffPost(router, "/staff/settings") { request, desk, form in
            let change = SettingsChange(school: form["school"], groups: form["groups"], contact: form["contact"],
                                        contactInfo: form["contactInfo"], deadline: form["deadline"], why: form["why"])
            let typed = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, form[$0] ?? "") })
            // The school decides who sees the peiling: a teacher or coordinator cannot move it out of their own scope.
            if let school = form["school"]?.trimmingCharacters(in: .whitespacesAndNewlines),
               let scope = try staff.desks.root.staffScope(name: desk.session.name),
               !scope.includes(peilingID: desk.peiling.id, school: school.isEmpty ? nil : school) {
                let text = DashboardText.table(staff.language(request))["settings.schoolOutOfScope"]!
                return page(request, desk, values: typed, error: DashboardText.fill(text, ["school": school]))
            }
            do { try desk.database.applySettings(change) } catch let problem as Deadline.Problem {
                return page(request, desk, values: typed, error: problem.description)
            }
            desk.log("changed the settings")
            return Pages.redirect(desk.base)
        }
    }

    private func page(_ request: Request, _ desk: StaffDesk, values: [String: String], error: String?) -> Response {
        var model: [String: Any] = ["error": error ?? ""]
        for (key, value) in values { model["v_" + key] = value }
        return staff.render(request, desk, "staff-settings", model, status: error == nil ? .ok : .unprocessableContent)
    }
}
