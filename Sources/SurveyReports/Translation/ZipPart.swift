import Foundation

/// One part of a zip file (an .xlsx is a zip of XML parts), taken out with Debian's `unzip`, which the
/// project installs: no zip library is among the machine's Swift packages, and nothing is downloaded.
public enum ZipPart {
    /// The text of `name` inside the zip at `path`; throws when the file is not a zip or has no such part.
    public static func text(_ path: String, _ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: data, as: UTF8.self)
    }
}
