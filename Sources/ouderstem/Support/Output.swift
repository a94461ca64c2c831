import Foundation

/// Writing to the terminal's standard error (Glibc's `stderr` does not compile in Swift 6 mode).
enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
