import Yams

/// The text of a YAML file as Unicode scalars, the unit libyaml counts columns in, so that a node's mark
/// (line and column) points at an exact place and edits leave every other byte as it was.
struct YAMLSource {
    let scalars: [Unicode.Scalar]
    /// The index of the first scalar of each line (line 1 at index 0).
    let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The scalar index a mark points at.
    func offset(_ mark: Mark) -> Int {
        let line = min(max(mark.line, 1), lineStarts.count)
        return min(lineStarts[line - 1] + mark.column - 1, scalars.count)
    }

    /// The index of the line break ending the line that holds `offset` (or the end of the text).
    func lineEnd(from offset: Int) -> Int {
        var index = offset
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        if index > 0, index <= scalars.count, index - 1 >= offset, scalars[index - 1] == "\r" { return index - 1 }
        return index
    }

    /// The spaces before the first character of the line that holds `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        var index = offset
        while index > 0, scalars[index - 1] != "\n" { index -= 1 }
        var indent = ""
        while index < scalars.count, scalars[index] == " " { indent.append(" "); index += 1 }
        return indent
    }

    /// The column (0-based, in scalars) of `offset` on its line.
    func column(_ offset: Int) -> Int {
        var index = offset
        while index > 0, scalars[index - 1] != "\n" { index -= 1 }
        return offset - index
    }

    /// Where a node's text ends (one past its last scalar), or nil for a form this cannot follow
    /// (anchors, aliases, a plain scalar running over several lines).
    func end(of node: Node) -> Int? {
        guard let mark = node.mark else { return nil }
        let start = offset(mark)
        switch node {
        case let .scalar(scalar):
            return scalarEnd(from: start, style: scalar.style)
        case let .mapping(mapping):
            if isFlow(node) { return bracketEnd(from: start) }
            guard let last = Array(mapping).last else { return nil }
            return end(of: last.value)
        case let .sequence(sequence):
            if isFlow(node) { return bracketEnd(from: start) }
            guard let last = sequence.last else { return nil }
            return end(of: last)
        case .alias:
            return nil
        }
    }

    /// Whether a mapping or list is written in flow style (`{ ... }`, `[ ... ]`): read from the text, since
    /// the composed node does not keep its style.
    func isFlow(_ node: Node) -> Bool {
        guard let mark = node.mark else { return false }
        let start = offset(mark)
        return start < scalars.count && (scalars[start] == "{" || scalars[start] == "[")
    }

    private func scalarEnd(from start: Int, style: Node.Scalar.Style) -> Int? {
        switch style {
        case .doubleQuoted:
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        case .singleQuoted:
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "'" {
                    if index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        case .literal, .folded:
            // The block runs while lines are blank or indented deeper than the line of the indicator.
            let keyIndent = indentation(ofLineAt: start).count
            var end = lineEnd(from: start)
            var next = end + 1
            while next < scalars.count {
                let stop = lineEnd(from: next)
                let line = scalars[next..<stop]
                let indent = line.prefix { $0 == " " }.count
                if indent == line.count { next = stop + 1; continue }
                if indent <= keyIndent { break }
                end = stop
                next = stop + 1
            }
            return end
        default:
            // Plain: up to a flow indicator, a comment or the end of the line, without trailing spaces.
            var index = start
            let lineStop = lineEnd(from: start)
            while index < lineStop {
                let scalar = scalars[index]
                if scalar == "," || scalar == "}" || scalar == "]" { break }
                if scalar == "#", index > start, scalars[index - 1] == " " { break }
                index += 1
            }
            while index > start, scalars[index - 1] == " " { index -= 1 }
            return index
        }
    }

    /// One past the bracket closing the `{` or `[` at `start`, skipping quoted text.
    private func bracketEnd(from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" || scalar == "'" {
                guard let end = scalarEnd(from: index, style: scalar == "\"" ? .doubleQuoted : .singleQuoted) else { return nil }
                index = end
                continue
            }
            if scalar == "{" || scalar == "[" { depth += 1 }
            if scalar == "}" || scalar == "]" {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// `text` as a YAML double-quoted scalar on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
