import Foundation
import Testing

/// What a staff member and a parent do on the kiosk, over real HTTP.
extension Browser {
    /// A staff member unlocks the kiosk (for "digitaal op school" unless `mode` says otherwise).
    func unlockKiosk(mode: String = "digital_at_school") async throws {
        let page = try await get("/kiosk")
        #expect(page.body.contains("Kiosk ontgrendelen"))
        let csrf = try #require(page.inputValue("csrf"))
        let unlocked = try await post("/kiosk/unlock", [("csrf", csrf), ("name", TestPeiling.staffName),
                                                        ("password", TestPeiling.staffPassword), ("mode", mode)])
        #expect(unlocked.status == .seeOther)
        #expect(cookies["ouderstem_kiosk"] != nil)
    }

    /// A parent types the code on the kiosk's start screen; returns their first form page.
    func startKioskParent(code: String) async throws -> Page {
        let start = try await get("/kiosk")
        let began = try await post("/kiosk/start", [("csrf", start.inputValue("csrf") ?? ""), ("code", code)])
        #expect(began.status == .seeOther)
        let form = try await follow(began)
        #expect(form.body.contains("name=\"shown\""), "the parent's first form page")
        return form
    }
}
