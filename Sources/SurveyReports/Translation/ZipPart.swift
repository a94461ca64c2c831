import Foundation

/// One part of a zip file (an .xlsx is a zip of XML parts), taken out with Debian's `unzip`, which the
/// project installs: no zip library is among the machine's Swift packages, and nothing is downloaded.
public enum ZipPart {
    /// The text of `name` inside the zip at `path`; throws when the file is not a zip or has no such part.
    public static func text(_ path: String, _ name: String) throws -> String {
        let (status, data) = try ProgramOutput.run("/usr/bin/unzip", ["-p", path, name])
        guard status == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs a program to its end and returns its exit status and standard output (standard error is dropped).
public enum ProgramOutput {
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
