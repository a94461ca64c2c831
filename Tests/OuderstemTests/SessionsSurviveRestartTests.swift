import Foundation
import Testing

/// Staff sessions live in the database, not in the memory of one `ouderstem serve`: stopping the server
/// and starting it again on the same database (a file, or PostgreSQL) logs nobody out.
@Suite struct SessionsSurviveRestartTests {
    @Test(arguments: CLIBackend.available) func aStaffMemberStaysLoggedInAcrossARestart(_ backend: CLIBackend) throws {
        let cli = try StaffClient.peiling(on: backend)
        var staff = StaffClient()
        let first = try RunningServer(cli)
        let login = try staff.logIn(first)
        #expect(login.status == 303 && login.location == "/staff", "logged in: \(login.status) \(login.location ?? "")")
        #expect(try staff.seesDashboard(first))
        first.stop()

        let second = try RunningServer(cli)
        #expect(try staff.seesDashboard(second), "the session cookie from before the restart still opens the dashboard")
    }
}
