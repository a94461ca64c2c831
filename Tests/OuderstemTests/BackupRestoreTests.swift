import Foundation
import GRDB
import SurveyStore
import Testing

/// `ouderstem backup` and `restore` with the real binary (issue 13, point 6): backups taken while a
/// running `serve` takes parents' forms hold every form acknowledged before they started and pass
/// `integrity_check`; a restored copy gives the same report as the database it was taken from.
@Suite struct BackupRestoreTests {
    /// Form posts acknowledged by the server, with the moment the acknowledgement arrived.
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [String: Date] = [:]
        private(set) var finished = false

        func add(_ respondent: String) { lock.withLock { times[respondent] = Date() } }
        func finish() { lock.withLock { finished = true } }
        var isFinished: Bool { lock.withLock { finished } }
        /// The respondents whose form was acknowledged before `moment`.
        func before(_ moment: Date) -> Set<String> { lock.withLock { Set(times.filter { $0.value < moment }.keys) } }
        var all: Set<String> { lock.withLock { Set(times.keys) } }
    }

    /// Parents posting their complete forms to the server. A request opens its own connection and reads
    /// only the server's port, so a second thread may send them.
    struct Parents: @unchecked Sendable {
        let server: RunningServer
        let codes: [(respondent: String, code: String)]
        let acknowledged = Acknowledged()

        /// Each parent writes their own open answer, so a lost or extra response changes the report's text.
        func send(_ index: Int) {
            let (respondent, code) = codes[index]
            if (try? ParentForm.send(server, code: code, text: "Antwoord van gezin \(respondent)")) == true { acknowledged.add(respondent) }
        }
    }

    /// What an independent reader finds in a copy: `PRAGMA integrity_check` and the complete responses,
    /// read with SQL (not through Ouderstem, and without migrating the copy).
    static func inspect(_ path: String) throws -> (integrity: [String], respondents: Set<String>) {
        let copy = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? copy.close() }
        return try copy.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try String.fetchSet(db, sql: "SELECT respondent_id FROM response WHERE complete AND respondent_id IS NOT NULL"))
        }
    }

    /// The report's text summary and the workbook's sheets and strings, without the line with the date
    /// it was made (the workbook keeps that date as a day, which is the same for both).
    static func report(_ cli: CLI, db: String, into folder: String) throws -> (summary: String, workbook: Data) {
        let made = try cli.run(["report", "--db", db, "--out", cli.path(folder)])
        #expect(made.status == 0, "report on \(db): \(made.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path(folder))
        let summary = try String(contentsOfFile: cli.path(folder + "/" + (try #require(files.first { $0.hasSuffix(".md") }))), encoding: .utf8)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-p", cli.path(folder + "/" + (try #require(files.first { $0.hasSuffix(".xlsx") }))),
                           "xl/worksheets/*.xml", "xl/sharedStrings.xml"]
        let out = Pipe()
        unzip.standardOutput = out
        try unzip.run()
        let workbook = out.fileHandleForReading.readDataToEndOfFile()
        unzip.waitUntilExit()
        #expect(workbook.count > 10_000, "the workbook's sheets were read")
        return (summary.split(separator: "\n").filter { !$0.hasPrefix("**Gemaakt op") }.joined(separator: "\n"), workbook)
    }

    @Test func backupsWhileParentsPostHoldEveryAcknowledgedFormAndRestoreToTheSameReport() throws {
        let cli = try CLIFlowTests.startedPeiling()
        try cli.run(["invite", "--base-url", "http://127.0.0.1", "--out", cli.path("brieven")])
        let codes = try SurveyDatabase(path: cli.path("ouderstem.sqlite")).invitationCodes().sorted { $0.key < $1.key }
        #expect(codes.count == 30)
        let server = try RunningServer(cli)
        let parents = Parents(server: server, codes: codes.map { ($0.key, $0.value.value) })
        let acknowledged = parents.acknowledged
        for index in 0..<10 { parents.send(index) }
        #expect(acknowledged.all.count == 10)

        // The other 20 parents post one after another while backups run, one after the other, beside them.
        Thread { for index in 10..<30 { parents.send(index) }; acknowledged.finish() }.start()
        var backups: [(path: String, started: Date)] = []
        repeat {
            let path = cli.path("during-\(backups.count).sqlite")
            let started = Date()
            let backup = try cli.run(["backup", "--to", path])
            #expect(backup.status == 0, "\(backup.error)")
            #expect(backup.output.contains("integrity checked (ok)"), "\(backup.output)")
            backups.append((path, started))
        } while !acknowledged.isFinished && backups.count < 8
        while !acknowledged.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        #expect(acknowledged.all.count == 30, "every parent's form was acknowledged")

        var sizes: [Int] = []
        for backup in backups {
            let (integrity, respondents) = try Self.inspect(backup.path)
            #expect(integrity == ["ok"])
            let before = acknowledged.before(backup.started)
            #expect(before.isSubset(of: respondents), "\(backup.path) lacks \(before.subtracting(respondents).sorted())")
            #expect(respondents.isSubset(of: acknowledged.all))
            sizes.append(respondents.count)
        }
        #expect(sizes.first! >= 10 && sizes.first! < 30, "the first backup ran while parents were posting: \(sizes)")

        // Taken online after the last form; the server still runs, so restoring over its database waits.
        let final = try cli.run(["backup", "--to", cli.path("final.sqlite")])
        #expect(final.output.contains("30 complete responses"), "\(final.output)")
        let refused = try cli.run(["restore", "--from", backups[0].path])
        #expect(refused.status != 0)
        #expect(refused.error.contains("is in use by a running `ouderstem serve`"), "\(refused.error)")
        #expect(try Self.inspect(cli.path("ouderstem.sqlite")).respondents.count == 30, "the refused restore changed nothing")
        server.stop()

        let restored = try cli.run(["restore", "--from", cli.path("final.sqlite"), "--db", cli.path("restored.sqlite")])
        #expect(restored.status == 0, "\(restored.error)")
        #expect(restored.output.contains("30 complete responses"))
        let original = try Self.report(cli, db: cli.path("ouderstem.sqlite"), into: "report-original")
        let fromBackup = try Self.report(cli, db: cli.path("restored.sqlite"), into: "report-restored")
        #expect(original.summary.contains("Antwoord van gezin"))
        #expect(fromBackup.summary == original.summary)
        #expect(fromBackup.workbook == original.workbook)

        // Restoring the first backup over the stopped server's database brings back exactly its responses,
        // and its report differs from the full one: the comparison above can fail.
        let back = try cli.run(["restore", "--from", backups[0].path])
        #expect(back.status == 0, "\(back.error)")
        #expect(try Self.inspect(cli.path("ouderstem.sqlite")).respondents == Self.inspect(backups[0].path).respondents)
        #expect(try Self.report(cli, db: cli.path("ouderstem.sqlite"), into: "report-earlier").summary != original.summary)
    }

    @Test func aBackupNeverOverwritesAFileUnlessForced() throws {
        let cli = try CLIFlowTests.startedPeiling()
        try Data("mijn eigen bestand".utf8).write(to: URL(fileURLWithPath: cli.path("copy.sqlite")))
        let refused = try cli.run(["backup", "--to", cli.path("copy.sqlite")])
        #expect(refused.status != 0)
        #expect(refused.error == "Error: \(cli.path("copy.sqlite")) exists already; choose another file or add --force to replace it.\n")
        #expect(try String(contentsOfFile: cli.path("copy.sqlite"), encoding: .utf8) == "mijn eigen bestand")
        let forced = try cli.run(["backup", "--to", cli.path("copy.sqlite"), "--force"])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(try Self.inspect(cli.path("copy.sqlite")).integrity == ["ok"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains("unfinished") })
        let nowhere = try cli.run(["backup", "--to", "/nonexistent-folder/copy.sqlite"])
        #expect(nowhere.status != 0)
        #expect(nowhere.error.hasPrefix("Error: Could not write /nonexistent-folder/copy.sqlite") && nowhere.error.split(separator: "\n").count == 1)
    }

    @Test func restoreRefusesADamagedCopyAndOneFromANewerVersion() throws {
        let cli = try CLIFlowTests.startedPeiling()
        try cli.run(["backup", "--to", cli.path("good.sqlite")])
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("ouderstem.sqlite")))

        // Damage: zeros over the middle of the file (table pages, not the header).
        var damaged = try Data(contentsOf: URL(fileURLWithPath: cli.path("good.sqlite")))
        damaged.replaceSubrange(8192..<(damaged.count - 8192), with: Data(count: damaged.count - 16384))
        try damaged.write(to: URL(fileURLWithPath: cli.path("damaged.sqlite")))
        let refusedDamaged = try cli.run(["restore", "--from", cli.path("damaged.sqlite")])
        #expect(refusedDamaged.status != 0)
        #expect(refusedDamaged.error.contains("is damaged (integrity_check:") || refusedDamaged.error.contains("is not an Ouderstem database"),
                "\(refusedDamaged.error)")

        // A copy made by a later release: a schema step this build has never heard of.
        try FileManager.default.copyItem(atPath: cli.path("good.sqlite"), toPath: cli.path("newer.sqlite"))
        try DatabaseQueue(path: cli.path("newer.sqlite")).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        let refusedNewer = try cli.run(["restore", "--from", cli.path("newer.sqlite")])
        #expect(refusedNewer.status != 0)
        #expect(refusedNewer.error.contains("was made by a newer Ouderstem (schema steps v9-from-the-future)"), "\(refusedNewer.error)")

        let notOurs = try cli.run(["restore", "--from", CLIFlowTests.rosterPath])
        #expect(notOurs.error.contains("is not an Ouderstem database"), "\(notOurs.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("ouderstem.sqlite"))) == before, "nothing refused touched the database")
    }
}
