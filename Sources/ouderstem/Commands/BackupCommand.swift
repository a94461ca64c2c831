import ArgumentParser
import Foundation
import SurveyStore

/// `ouderstem backup`: an online copy of the database, safe while `serve` instances are writing.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a backup file while the server keeps running, and check the copy.",
        discussion: """
            Uses SQLite's online backup API: one consistent snapshot, taken while
            `serve` instances go on writing. The copy is written next to FILE under a
            temporary name, checked with PRAGMA integrity_check and only then renamed
            to FILE: FILE is complete and checked, or not there at all. Prints the
            copy's size and how many responses it holds.

            Examples:
              ouderstem backup --to /var/backups/ouderstem/2026-12-01.sqlite
              ouderstem backup --db /var/lib/ouderstem/ouderstem.sqlite \\
                --to copy.sqlite --force
            Restore with `ouderstem restore --from FILE` (see its --help).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var to: String

    @Flag(help: "Replace FILE when it exists already.")
    var force = false

    func run() async throws {
        let copy = try database.open().backup(to: to, replacing: force)
        print(say(.backupWritten, copy.textValues))
    }
}

extension DatabaseCopySummary {
    /// The values the lines that report a copy fill in: `{file}`, `{size}`, `{responses}`, `{inProgress}`.
    var textValues: [String: Any] {
        ["file": path, "size": fileSize(bytes), "responses": responses, "inProgress": inProgress]
    }
}

/// A file size as people read it: "840 kB", "12,4 MB" (a decimal comma in Dutch).
func fileSize(_ bytes: Int64) -> String {
    guard bytes >= 1_000_000 else { return "\(max(1, (bytes + 500) / 1000)) kB" }
    let megabytes = String(format: "%.1f", Double(bytes) / 1_000_000)
    return (CLILanguage.current == .dutch ? megabytes.replacingOccurrences(of: ".", with: ",") : megabytes) + " MB"
}
