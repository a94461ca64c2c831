import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `ouderstem serve` binary on a free loopback port, beside the CLI on the same database: the
/// two front doors as a school runs them.
final class RunningServer {
    let process: Process
    let port: UInt16
    /// Where the server's log lines (standard error) go, when asked for.
    let logFile: URL?

    /// Starts the server in `cli`'s folder and waits until it says it listens. With `instance`, it runs as
    /// `serve --instance NAME` and its log lines are kept in `logFile`.
    init(_ cli: CLI, instance: String? = nil) throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", String(port)] + (instance.map { ["--instance", $0] } ?? [])
        process.currentDirectoryURL = cli.folder
        process.environment = cli.environment
        let stdout = Pipe()
        process.standardOutput = stdout
        if let instance {
            let log = cli.folder.appendingPathComponent("serve-\(instance)-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            logFile = log
        } else {
            process.standardError = FileHandle.nullDevice
            logFile = nil
        }
        try process.run()
        var said = ""
        while !said.contains("http://") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { throw CLIHarnessError("the server stopped before it listened: \(said)") }
            said += String(decoding: data, as: UTF8.self)
        }
    }

    deinit { stop() }

    /// Stops the process (SIGTERM) and waits for it: what it kept in memory is gone.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    struct Reply {
        var status: Int
        var location: String?
        var body: String
        /// The cookies the reply sets, by name.
        var cookies: [String: String] = [:]
    }

    /// One HTTP/1.1 request over a fresh loopback connection (no redirects followed), with `cookies`.
    func request(_ method: String, _ path: String, form: [(String, String)]? = nil, cookies: [String: String] = [:]) throws -> Reply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { $0.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&") } ?? ""
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if form != nil { head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n" }
        if !cookies.isEmpty { head += "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
        let raw = try exchange(Array((head + "\r\n" + body).utf8))
        let text = String(decoding: raw, as: UTF8.self)
        let headerEnd = text.range(of: "\r\n\r\n")
        let headers = headerEnd.map { String(text[..<$0.lowerBound]) } ?? text
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        let location = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            .map { String($0.dropFirst("location:".count)).trimmingCharacters(in: .whitespaces) }
        var cookies: [String: String] = [:]
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("set-cookie:") {
            let pair = line.dropFirst("set-cookie:".count).trimmingCharacters(in: .whitespaces).prefix { $0 != ";" }
            if let equals = pair.firstIndex(of: "=") { cookies[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]) }
        }
        return Reply(status: status, location: location, body: headerEnd.map { String(text[$0.upperBound...]) } ?? "", cookies: cookies)
    }

    private func exchange(_ bytes: [UInt8]) throws -> [UInt8] {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CLIHarnessError("no socket") }
        defer { close(socket) }
        var address = Self.loopback(port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CLIHarnessError("cannot connect to the server") }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw CLIHarnessError("send failed") }
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { break }
            reply += buffer[..<n]
        }
        return reply
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A port the kernel just handed out, free for the server to take.
    private static func freePort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw CLIHarnessError("no free port") }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// The test harness itself failed (not the program under test).
struct CLIHarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension CLI.RunningCommand {
    /// Reads standard output until `marker` has appeared (the command now waits for input); returns it all.
    func read(until marker: String) throws -> String {
        var said = ""
        while !said.contains(marker) {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { throw CLIHarnessError("the command ended before '\(marker)': \(said.suffix(400))") }
            said += String(decoding: data, as: UTF8.self)
        }
        return said
    }

    /// Types `lines` on standard input.
    func type(_ lines: String...) {
        stdin.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
