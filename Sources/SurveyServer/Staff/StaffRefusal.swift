import Hummingbird

/// A staff request about a peiling that is refused before anything is read or changed, answered with a
/// page in the staff member's language that leads back to their list of peilingen.
struct StaffRefusal: Error {
    let status: HTTPResponse.Status
    /// The `DashboardText` key of the page's heading; the text is under the same key with `.text`.
    let key: String

    /// A peiling outside the staff member's scope.
    static let outOfScope = StaffRefusal(status: .forbidden, key: "refused.outOfScope")
    /// A peiling that is not in the file, or not served by this server (`serve --peiling`).
    static let noSuchPeiling = StaffRefusal(status: .notFound, key: "refused.noSuchPeiling")
    /// A post to an address without a peiling while the staff member has several: nothing is saved.
    static let choosePeiling = StaffRefusal(status: .conflict, key: "refused.choosePeiling")
}

/// Turns a `StaffRefusal` thrown by any staff or kiosk route into its page.
struct StaffRefusalPages: RouterMiddleware {
    typealias Context = AppContext
    let staff: StaffRoutes

    func handle(_ request: Request, context: AppContext,
                next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as StaffRefusal {
            let text = DashboardText.table(staff.language(request))
            return staff.render(request, nil, "staff-note", [
                "heading": text[refusal.key]!, "text": text[refusal.key + ".text"]!,
                "linkHref": "/staff", "linkLabel": text["refused.toList"]!,
            ], status: refusal.status)
        }
    }
}
