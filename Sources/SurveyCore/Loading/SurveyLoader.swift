import Foundation
import Yams

/// Loads a survey definition from YAML and checks it, reporting every problem with file, line and column.
public enum SurveyLoader {
    /// The survey and its warnings; throws `SurveyDefinitionError` with all problems when it has errors.
    public static func load(path: String) throws -> (survey: Survey, warnings: [Diagnostic]) {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SurveyDefinitionError(diagnostics: [
                Diagnostic(.error, file: path, line: 1, column: 1, "cannot read the file: check the path, and that it is saved as UTF-8 text.")
            ])
        }
        return try load(yaml: yaml, file: path)
    }

    /// Loads from YAML text; `file` names it in messages.
    public static func load(yaml: String, file: String) throws -> (survey: Survey, warnings: [Diagnostic]) {
        let reader = DefinitionReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw SurveyDefinitionError(diagnostics: [syntaxDiagnostic(error, file: file, yaml: yaml)])
        }
        guard let root else {
            throw SurveyDefinitionError(diagnostics: [Diagnostic(.error, file: file, line: 1, column: 1, "the file is empty: start with `id:`, `title:`, `languages:` and `themes:`.")])
        }
        let survey = SurveyParser(reader: reader).survey(root)
        // In the order of the file, whatever order the checks ran in.
        let diagnostics = reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if let survey, !diagnostics.contains(where: { $0.severity == .error }) {
            return (survey, diagnostics)
        }
        throw SurveyDefinitionError(diagnostics: diagnostics)
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String, yaml: String = "") -> Diagnostic {
        func plain(_ problem: String) -> String {
            "YAML syntax: \(problem). Check the indentation and quotes on this line and the one before; put text with ':' or '#' in double quotes."
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let context = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, plain(problem + context))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the first occurrence; the second is the one the author added by mistake.
            if duplicates.count == 1, let again = secondOccurrence(of: duplicates[0], after: context.mark, in: yaml) {
                return Diagnostic(.error, file: file, line: again.line, column: again.column,
                                  "the key \(keys) appears twice in the same block (first on line \(context.mark.line)). Keep one of them.")
            }
            return Diagnostic(.error, file: file, line: context.mark.line, column: context.mark.column,
                              "the key \(keys) appears twice in the same block. Keep one of them.")
        case let .reader(problem, offset, _, _):
            return Diagnostic(.error, file: file, line: 1, column: 1, "cannot read the text (\(problem) at byte \(offset ?? 0)). Save the file as UTF-8.")
        default:
            return Diagnostic(.error, file: file, line: 1, column: 1, plain("\(error)"))
        }
    }

    /// Where `key` appears again after `mark`: later on the same line in a flow mapping (`{ nl: .., nl: .. }`),
    /// or at the same indentation further down the same block.
    static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return nil }
        let keyLength = key.count
        func isKey(_ line: [Character], at column: Int) -> Bool {
            guard column + keyLength <= line.count, String(line[column..<(column + keyLength)]) == key else { return false }
            let rest = line[(column + keyLength)...].drop { $0 == " " }
            return rest.first == ":"
        }
        let first = lines[mark.line - 1]
        var column = mark.column - 1 + keyLength
        while column < first.count {
            if first[column] == "," {
                let next = first[(column + 1)...].prefix { $0 == " " }.count + column + 1
                if isKey(first, at: next) { return (mark.line, next + 1) }
            }
            column += 1
        }
        let indent = mark.column - 1
        for index in mark.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            if leading == line.count || line[leading] == "#" || line[leading] == "\r" { continue }
            if leading < indent { return nil }
            if leading == indent, isKey(line, at: indent) { return (index + 1, indent + 1) }
        }
        return nil
    }
}
