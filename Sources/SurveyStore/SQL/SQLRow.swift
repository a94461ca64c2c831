import Foundation
import GRDB

/// One row of a result, read by column name (`try row["name"]`) or position (`try row[0]`), typed by the
/// caller. The same reading rules hold on both backends, so store code reads a row once for both.
public struct SQLRow: Sendable {
    let columns: [String]
    let values: [SQLValue]

    init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the first column called `column`.
    public subscript<T: SQLReadable>(_ column: String) -> T {
        get throws {
            guard let index = columns.firstIndex(of: column) else { throw SQLReadError.noColumn(column) }
            return try self[index]
        }
    }

    /// The value of the column at `index` (from 0).
    public subscript<T: SQLReadable>(_ index: Int) -> T {
        get throws {
            guard values.indices.contains(index) else { throw SQLReadError.noColumn("#\(index)") }
            do {
                return try T.read(values[index])
            } catch SQLReadError.unexpected(_, let value, let type) {
                throw SQLReadError.unexpected(column: columns[index], value: value, type: type)
            }
        }
    }
}

/// A row that does not hold what the code reading it expects: a bug or a damaged database, never a user's typo.
public enum SQLReadError: Error, Equatable, CustomStringConvertible {
    case noColumn(String)
    case unexpected(column: String, value: SQLValue, type: String)

    public var description: String {
        switch self {
        case .noColumn(let column): "The result has no column \(column)."
        case .unexpected(let column, let value, let type): "Column \(column) holds \(value), which is not a \(type)."
        }
    }
}

/// A Swift type a column can be read as.
public protocol SQLReadable {
    static func read(_ value: SQLValue) throws -> Self
}

extension SQLReadable {
    static func unexpected(_ value: SQLValue) -> SQLReadError {
        .unexpected(column: "?", value: value, type: "\(Self.self)")
    }
}

extension String: SQLReadable {
    public static func read(_ value: SQLValue) throws -> String {
        guard case .text(let text) = value else { throw unexpected(value) }
        return text
    }
}

extension Int64: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Int64 {
        guard case .integer(let number) = value else { throw unexpected(value) }
        return number
    }
}

extension Int: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Int {
        Int(try Int64.read(value))
    }
}

extension Double: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Double {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)  // SQLite keeps a whole REAL as an integer
        default: throw unexpected(value)
        }
    }
}

extension Bool: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Bool {
        switch value {
        case .bool(let flag): flag
        case .integer(let number): number != 0  // SQLite's booleans, and `x IS NOT NULL` there
        default: throw unexpected(value)
        }
    }
}

extension Date: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Date {
        switch value {
        case .date(let date): return date
        case .text(let text):
            // SQLite: the text GRDB wrote ("2026-12-01 10:42:00.000", UTC).
            guard let date = Date.fromDatabaseValue(text.databaseValue) else { throw unexpected(value) }
            return date
        default: throw unexpected(value)
        }
    }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    public static func read(_ value: SQLValue) throws -> Wrapped? {
        value == .null ? nil : try Wrapped.read(value)
    }
}
