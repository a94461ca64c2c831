import Foundation
import Hummingbird
import SurveyCore
import SurveyStore

/// The sample in the dashboard: draw it (size, seed, reserve, tags to cover), the coverage table, and a parent
/// who declines with the reserve who takes the place; the same store calls as `ouderstem sample`.
struct SampleRoutes: Sendable {
    let staff: StaffRoutes

    func register(on router: Router<AppContext>) {
        staff.staffGet(router, "/staff/sample") { request, desk in
            try page(request, desk, error: nil, note: request.uri.queryParameters["note"].map(String.init))
        }
        staff.staffPost(router, "/staff/sample") { request, desk, form in
            let text = DashboardText.table(staff.language(request))
            guard let size = Int((form["size"] ?? "").trimmingCharacters(in: .whitespaces)) else {
                return try page(request, desk, error: text["sample.sizeNumber"]!)
            }
            let seedText = (form["seed"] ?? "").trimmingCharacters(in: .whitespaces)
            let seed = UInt64(seedText)
            guard seedText.isEmpty || seed != nil else { return try page(request, desk, error: text["sample.seedNumber"]!) }
            let reserve = Int((form["reserve"] ?? "").trimmingCharacters(in: .whitespaces)) ?? 0
            let cover = form["cover"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let drawn: DrawnSample
            do {
                drawn = try desk.database.drawSample(size: size, seed: seed, cover: cover, reserve: reserve)
            } catch let problem as SampleRequestProblem {
                let key = switch problem {
                case .sizeBelowOne: "sample.sizeNumber"
                case .negativeReserve: "sample.reserveNegative"
                case .emptyRoster: "sample.emptyRoster"
                }
                return try page(request, desk, error: text[key]!)
            }
            desk.log("drew a sample of \(drawn.sample.members.count) of \(drawn.rosterSize) with seed \(drawn.seed), \(drawn.sample.reserve.count) reserves")
            var notes = [DashboardText.fill(text["sample.drawn"]!, ["n": "\(drawn.sample.members.count)", "of": "\(drawn.rosterSize)", "seed": "\(drawn.seed)"])]
            for tag in drawn.absentTags { notes.append(DashboardText.fill(text["sample.absentTag"]!, ["tag": tag])) }
            return Pages.redirect(desk.path("/sample?note=") + Self.encode(notes.joined(separator: " ")))
        }
        staff.staffPost(router, "/staff/sample/decline") { request, desk, form in
            let text = DashboardText.table(staff.language(request))
            let id = form["id"] ?? ""
            let replacement: String?
            do { replacement = try desk.database.decline(id) } catch let error as StoreError {
                return try page(request, desk, error: error.description)
            }
            desk.log("recorded that \(id) declined; reserve \(replacement ?? "none") takes the place")
            let note = replacement.map { DashboardText.fill(text["sample.replaced"]!, ["id": id, "reserve": $0]) }
                ?? DashboardText.fill(text["sample.noReserve"]!, ["id": id])
            return Pages.redirect(desk.path("/sample?note=") + Self.encode(note))
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    private func page(_ request: Request, _ desk: StaffDesk, error: String?, note: String?) throws -> Response {
        try page(request, desk, error: error, note: note, status: error == nil ? .ok : .unprocessableContent)
    }

    private func page(_ request: Request, _ desk: StaffDesk, error: String) throws -> Response {
        try page(request, desk, error: error, note: nil, status: .unprocessableContent)
    }

    private func page(_ request: Request, _ desk: StaffDesk, error: String?, note: String?, status: HTTPResponse.Status) throws -> Response {
        let database = desk.database
        guard (try? database.peiling()) != nil else { return Pages.redirect("/staff/start") }
        let text = DashboardText.table(staff.language(request))
        let roster = try database.respondents()
        let byID = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var model: [String: Any] = ["error": error ?? "", "note": note ?? "", "rosterSize": roster.count, "hasRoster": !roster.isEmpty,
                                    "tags": Array(Set(roster.flatMap(\.tags))).sorted().joined(separator: ", ")]
        if let stored = try database.sample() {
            let active = Set(stored.active)
            model["listTitle"] = DashboardText.fill(text["sample.list"]!, ["seed": "\(stored.sample.seed)"])
            model["coverage"] = SampleBalance.lines(roster: roster, members: Array(active), size: stored.sample.members.count,
                                                    tags: stored.sample.covered).map { line -> [String: Any] in
                ["name": line.name, "roster": line.roster, "share": "\(Int((line.share * 100).rounded()))%",
                 "expected": String(format: "%.1f", line.expected), "drawn": line.drawn]
            }
            model["members"] = (stored.sample.members + stored.sample.reserve).enumerated().map { index, id -> [String: Any] in
                let isReserve = index >= stored.sample.members.count
                var status = isReserve ? text["sample.reserve"]! : ""
                if stored.declined.contains(id) { status = text["sample.declined"]! } else if let replaced = stored.replacements[id] {
                    status = DashboardText.fill(text["sample.insteadOf"]!, ["id": replaced])
                }
                let respondent = byID[id]
                return ["number": isReserve ? "R\(index - stored.sample.members.count + 1)" : "\(index + 1)", "id": id,
                        "child": respondent?.childName ?? "", "group": respondent?.group ?? "", "language": respondent?.language ?? "",
                        "tags": respondent?.tags.joined(separator: ", ") ?? "", "status": status, "canDecline": active.contains(id)]
            }
            model["hasSample"] = true
        }
        return staff.render(request, desk, "staff-sample", model, status: status)
    }
}
