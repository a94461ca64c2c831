import Foundation

/// Reading answers line by line from standard input, so a person or a script can drive the entry.
enum Terminal {
    /// Thrown when input ends (Ctrl-D, or the end of a script) before the entry is done.
    struct EndOfInput: Error, CustomStringConvertible {
        var description: String { "The input ended before the entry was finished: nothing was saved." }
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
                print("  ! That line holds a control character (Esc, an arrow key, NUL); type it again without it. / Die regel bevat een stuurteken; typ hem opnieuw.")
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
        signal(SIGINT) { _ in
            let message = "\nStopped: nothing was saved. / Gestopt: er is niets opgeslagen.\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(130)
        }
    }
}
