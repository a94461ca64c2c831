/// Rewrites the `?` parameter markers of store SQL to PostgreSQL's numbered `$1, $2, ...`, leaving a `?` inside
/// quoted text ('...'), a quoted name ("...") or a comment alone.
enum SQLParameters {
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        var inLineComment = false
        var previous: Character?
        for character in sql {
            if inLineComment {
                if character == "\n" { inLineComment = false }
            } else if let open = quote {
                if character == open { quote = nil }  // a doubled quote closes and opens again: still right
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-", previous == "-" {
                inLineComment = true
            } else if character == "?" {
                number += 1
                result += "$\(number)"
                previous = character
                continue
            }
            result.append(character)
            previous = character
        }
        return result
    }
}
