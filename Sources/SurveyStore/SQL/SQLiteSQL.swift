import Foundation
import GRDB

/// `StoreSQL` on an SQLite connection of GRDB, inside the transaction GRDB opened. Values are stored as
/// GRDB stores them (dates as its UTC text, booleans as 0 and 1), so files written before read the same.
struct SQLiteSQL: StoreSQL {
    let db: Database

    func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        try Row.fetchAll(statement(sql, arguments)).map(Self.row)
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        try statement(sql, arguments).execute()
        return db.changesCount
    }

    func send(_ sql: String) throws {
        try db.execute(sql: sql)
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(statement(sql, arguments))
        while let row = try rows.next() { try body(Self.row(row)) }
    }

    func deferForeignKeys() throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    }

    /// Nothing to do: SQLite's AUTOINCREMENT already counts on from the largest id ever inserted.
    func continueIDs(after table: String) throws {}

    /// Cached: a busy form server saves many responses a second, and compiling SQL each time costs more
    /// than running it.
    private func statement(_ sql: String, _ arguments: [any SQLBindable]) throws -> Statement {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments.map { Self.databaseValue($0.sqlValue) }))
        return statement
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .bool(let flag): flag.databaseValue
        case .date(let date): date.databaseValue
        }
    }

    static func row(_ row: Row) -> SQLRow {
        SQLRow(columns: Array(row.columnNames), values: row.databaseValues.map { value in
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .real(number)
            case .string(let text): .text(text)
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))  // the store writes no blobs
            }
        })
    }
}
