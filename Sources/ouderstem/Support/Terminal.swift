import Foundation

/// Reading answers line by line from standard input, so a person or a script can drive the entry.
enum Terminal {
    /// Thrown when input ends (Ctrl-D, or the end of a script) before the entry is done.
    struct EndOfInput: Error, CustomStringConvertible {
        var description: String { "The input ended before the entry was finished: nothing was saved." }
    }

    /// Prints a prompt and reads one line; throws at the end of input.
    static func ask(_ prompt: String) throws -> String {
        print(prompt, terminator: "")
        fflush(nil)  // all streams: Swift 6 forbids naming the global `stdout`
        guard let line = readLine(strippingNewline: true) else { throw EndOfInput() }
        if isatty(0) == 0 { print(line) }  // a script's answers appear in the transcript as if typed
        return line.trimmingCharacters(in: .whitespaces)
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
