import Foundation

/// Runs the real `ouderstem` binary in a temporary folder, as a teacher would in a terminal.
struct CLI {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// A fresh, empty working folder; the database is `ouderstem.sqlite` in it.
    let folder: URL

    /// The locale the binary runs in (`LANG`). English by default, so the tests read the English texts
    /// whatever the machine's locale; `speaking(_:)` runs the same folder in another locale.
    var locale = "en_US.UTF-8"
    /// Further variables for the run, such as `OUDERSTEM_LANG`.
    var variables: [String: String] = [:]
    /// The PostgreSQL database of `init(on: .postgres)`, kept as long as the CLI.
    var postgres: CLITestDatabase?

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The same folder, run with `LANG=locale` (nil: no locale at all, as on a bare machine).
    func speaking(_ locale: String?) -> CLI {
        var other = self
        other.locale = locale ?? ""
        return other
    }

    /// The environment of a run: this machine's, with only `LANG` deciding the language.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["OUDERSTEM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        if !locale.isEmpty { environment["LANG"] = locale }
        return environment.merging(variables) { _, given in given }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built beside this test bundle (SwiftPM builds it because the test target depends on it).
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ouderstem")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/ouderstem")
    }()

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    func run(_ arguments: [String], input: String = "") throws -> Result {
        let process = try start(arguments, input: input)
        return finish(process)
    }

    /// Starts the command with `input` on standard input (which stays open when `closeInput` is false).
    func start(_ arguments: [String], input: String, closeInput: Bool = true) throws -> RunningCommand {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        if closeInput { try stdin.fileHandleForWriting.close() }
        return RunningCommand(process: process, stdin: stdin, stdout: stdout, stderr: stderr)
    }

    func finish(_ command: RunningCommand) -> Result {
        let output = command.stdout.fileHandleForReading.readDataToEndOfFile()
        let error = command.stderr.fileHandleForReading.readDataToEndOfFile()
        command.process.waitUntilExit()
        return Result(status: command.process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      error: String(decoding: error, as: UTF8.self))
    }

    struct RunningCommand {
        var process: Process
        var stdin: Pipe
        var stdout: Pipe
        var stderr: Pipe
    }
}
