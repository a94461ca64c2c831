import Foundation

/// Reading answers line by line from standard input, so a person or a script can drive the entry.
enum Terminal {
    /// Thrown when input ends (Ctrl-D, or the end of a script) before the entry is done.
    struct EndOfInput: Error, CustomStringConvertible {
        var description: String { say(.endOfInput) }
    }

    /// Prints a prompt and reads one line; throws at the end of input. A line with a control character
    /// (Esc from an arrow key, NUL) is refused and asked again: the web form refuses them too, and a NUL
    /// would cut the stored text short.
    static func ask(_ prompt: String) throws -> String {
        while true {
            print(prompt, terminator: "")
            fflush(nil)  // all streams: Swift 6 forbids naming the global `stdout`
            guard let line = readLine(strippingNewline: true) else { throw EndOfInput() }
            // A script's answers appear in the transcript as if typed (control characters as '^').
            if isatty(0) == 0 { print(line.unicodeScalars.map { isControl($0) ? "^" : String($0) }.joined()) }
            if line.unicodeScalars.contains(where: isControl) {
                print(say(.entryControlCharacter))
                continue
            }
            return line.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Control characters other than the tab, which no answer may hold.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    /// Ctrl-C during an entry: nothing has been written (the response is saved in one transaction at the
    /// very end), so say so and stop.
    static func stopWithNothingSavedOnInterrupt() {
        interruptMessage = strdup("\n" + say(.interrupted) + "\n")
        signal(SIGINT) { _ in
            // Only async-signal-safe calls here: the sentence was made before the handler was installed.
            if let message = Terminal.interruptMessage { _ = write(2, message, strlen(message)) }
            _exit(130)
        }
    }

    /// What Ctrl-C prints, in the CLI's language.
    nonisolated(unsafe) private static var interruptMessage: UnsafeMutablePointer<CChar>?
}
