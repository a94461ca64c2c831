/// Rewrites the `?` parameter markers of store SQL to PostgreSQL's numbered `$1, $2, ...`, leaving a `?` inside
/// quoted text ('...'), a quoted name ("...") or a comment alone.
enum SQLParameters {
    /// Runs for every statement sent to PostgreSQL, so it walks UTF-8 bytes, not `Character`s: every byte it
    /// looks for is ASCII, and a multi-byte character never contains an ASCII byte. Walking characters cost
    /// about 5 % of a form server's time under load.
    /// `types`: a type for each marker in turn, written as a cast after it (`$1::int8`); nil writes none.
    static func numbered(_ sql: String, types: [String?] = []) -> String {
        let quote = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""), dash = UInt8(ascii: "-")
        let newline = UInt8(ascii: "\n"), marker = UInt8(ascii: "?")
        var result: [UInt8] = []
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var open: UInt8?
        var inLineComment = false
        var previous: UInt8 = 0
        for byte in sql.utf8 {
            if inLineComment {
                if byte == newline { inLineComment = false }
            } else if let closing = open {
                if byte == closing { open = nil }  // a doubled quote closes and opens again: still right
            } else if byte == quote || byte == doubleQuote {
                open = byte
            } else if byte == dash, previous == dash {
                inLineComment = true
            } else if byte == marker {
                number += 1
                result.append(UInt8(ascii: "$"))
                result.append(contentsOf: String(number).utf8)
                if number <= types.count, let type = types[number - 1] {
                    result.append(contentsOf: "::\(type)".utf8)
                }
                previous = byte
                continue
            }
            result.append(byte)
            previous = byte
        }
        return String(decoding: result, as: UTF8.self)
    }
}
