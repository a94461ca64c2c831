import Foundation
import SurveyStore
import Testing

/// The CLI on a PostgreSQL database (`--database postgres://...` or `OUDERSTEM_DATABASE`): the same commands
/// give the same answers as on an SQLite file. Runs when `OUDERSTEM_TEST_POSTGRES` holds a server's URL
/// (`make postgres`, `make test`); each test gets a database of its own, dropped afterwards.
@Suite struct CLIPostgresTests {
    /// One peiling prepared through the CLI with `database`: the demo roster, 20 seeded responses.
    static func preparedPeiling(_ cli: CLI) throws {
        #expect(try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--name", "Groep 5", "--school", "De Regenboog"]).status == 0)
        #expect(try cli.run(["roster", "import", CLIFlowTests.rosterPath]).status == 0)
        #expect(try cli.run(["invite", "--out", cli.path("uitnodigingen")]).status == 0)
        let simulated = try cli.run(["demo", "simulate", "--count", "20", "--seed", "7"])
        #expect(simulated.status == 0, "\(simulated.error)")
    }

    @Test(.enabled(if: CLIBackend.postgresRuns, "PostgreSQL tests skipped: OUDERSTEM_TEST_POSTGRES is not set (`make postgres`)."))
    func theSamePeilingGivesTheSameStatusAndReportOnSQLiteAndOnPostgreSQL() throws {
        let onFile = try CLI()
        let onServer = try CLI(on: .postgres)
        try Self.preparedPeiling(onFile)
        try Self.preparedPeiling(onServer)

        let fileStatus = try onFile.run(["status"])
        let serverStatus = try onServer.run(["status"])
        #expect(serverStatus.status == 0, "\(serverStatus.error)")
        #expect(serverStatus.output == fileStatus.output)
        #expect(serverStatus.output.contains("20 of 30 families"))

        #expect(try onFile.run(["report", "--out", onFile.path("Reports")]).status == 0)
        let reported = try onServer.run(["report", "--out", onServer.path("Reports")])
        #expect(reported.status == 0, "\(reported.error)")
        let summary = try #require(try FileManager.default.contentsOfDirectory(atPath: onFile.path("Reports")).first { $0.hasSuffix(".md") })
        let fromFile = try String(contentsOfFile: onFile.path("Reports/\(summary)"), encoding: .utf8)
        let fromServer = try String(contentsOfFile: onServer.path("Reports/\(summary)"), encoding: .utf8)
        #expect(!fromFile.isEmpty)
        #expect(fromServer == fromFile, "the team report is the same byte for byte")
        #expect(!FileManager.default.fileExists(atPath: onServer.path("ouderstem.sqlite")), "no SQLite file was made beside it")
    }

    @Test(.enabled(if: CLIBackend.postgresRuns, "PostgreSQL tests skipped: OUDERSTEM_TEST_POSTGRES is not set (`make postgres`)."))
    func aFileMigratedToPostgreSQLGivesTheSameReportThere() throws {
        let database = try CLITestDatabase()
        let cli = try CLI()
        try Self.preparedPeiling(cli)
        let migrated = try cli.run(["migrate", "--to", database.url])
        #expect(migrated.status == 0, "\(migrated.error)")
        #expect(migrated.output.contains("1 peiling(en), 30 families, 20 responses"))

        #expect(try cli.run(["report", "--out", cli.path("FromFile")]).status == 0)
        #expect(try cli.run(["report", "--database", database.url, "--out", cli.path("FromServer")]).status == 0)
        let summary = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.path("FromFile")).first { $0.hasSuffix(".md") })
        let fromFile = try String(contentsOfFile: cli.path("FromFile/\(summary)"), encoding: .utf8)
        #expect(try String(contentsOfFile: cli.path("FromServer/\(summary)"), encoding: .utf8) == fromFile,
                "the team report is the same byte for byte")
        let codes = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).invitationCodes()
        #expect(try SurveyDatabase(path: database.url).invitationCodes() == codes, "every letter's code works on the new database")

        let again = try cli.run(["migrate", "--to", database.url])
        #expect(again.status != 0)
        #expect(again.error.contains("already holds peilingen"))
    }

    @Test(.enabled(if: CLIBackend.postgresRuns, "PostgreSQL tests skipped: OUDERSTEM_TEST_POSTGRES is not set (`make postgres`)."))
    func aBackupOfAPostgreSQLDatabaseIsRefusedWithTheDatabasesOwnTools() throws {
        let database = try CLITestDatabase()
        let cli = try CLI()
        #expect(try cli.run(["init", "--survey", CLIFlowTests.surveyPath, "--database", database.url]).status == 0)
        let backup = try cli.run(["backup", "--database", database.url, "--to", cli.path("copy.sqlite")])
        #expect(backup.status != 0)
        #expect(backup.error.contains("A backup works on an SQLite file only"))
        #expect(backup.error.contains("pg_dump"))
    }
}
