import ArgumentParser
import SurveyStore

/// `ouderstem restore`: a backup back in the place of the database, checked first.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in the place of the database (--db), after checking it.",
        discussion: """
            Checks the backup first: PRAGMA integrity_check, and a schema this version
            of Ouderstem knows (a backup made by a newer version is refused; one made
            by an earlier version is migrated when the database is next opened).
            Refuses while `serve` or another command has the database open: stop
            them first. The database is replaced in one transaction, never half; a
            new --db file is made when there is none.

            Examples:
              systemctl stop 'ouderstem@*'
              ouderstem restore --db /var/lib/ouderstem/ouderstem.sqlite \\
                --from /var/backups/ouderstem/ouderstem-20261201T023012Z.sqlite
              systemctl start ouderstem@a ouderstem@b
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The backup file to restore.", valueName: "file"))
    var from: String

    @Flag(help: "Restore even while another process has the database open (its sessions and unsaved pages are lost).")
    var force = false

    func run() async throws {
        let restored = try SurveyDatabase.restore(from: from, to: database.db, force: force)
        print(say(.restored, restored.textValues.merging(["file": from, "db": restored.path]) { _, given in given }))
    }
}
