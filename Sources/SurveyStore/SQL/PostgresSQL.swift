import Foundation
import PostgresNIO

/// `StoreSQL` on a PostgreSQL connection of a `PostgresPool`, inside the transaction the store opened, or
/// for one statement on its own (`prepares`).
struct PostgresSQL: StoreSQL {
    let session: PostgresSession
    /// Reads through statements prepared once per connection (`PostgresSession.preparedRows`): only for a
    /// statement outside a transaction (`SurveyDatabase.readOne`).
    var prepares = false

    func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        if prepares {
            // Each value's type is written into the statement (`$1::int8`), as the unnamed path tells it in
            // the Parse message, so the value's binary form is what PostgreSQL expects.
            let (types, values) = Self.preparedValues(arguments)
            let typed = SQLParameters.numbered(sql, types: types)
            if let rows = try session.preparedRows(typed, values: values) {
                if let read = Self.binaryRows(rows) { return read }
                session.statements.remember(.unnamed, for: typed)  // a type only PostgresNIO's decoding reads
            }
        }
        let rows = try session.query(Self.query(sql, arguments))
        guard let first = rows.first else { return [] }
        let columns = Self.columns(first)
        return try rows.map { try Self.row($0, columns: columns) }
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        try session.execute(Self.query(sql, arguments))
    }

    /// A server-side cursor fetched 5,000 rows at a time: PostgreSQL would otherwise send every row at once
    /// and PostgresNIO would hold them all. A cursor lives only inside a transaction, which the store opened.
    func send(_ sql: String) throws {
        session.send(PostgresQuery(unsafeSQL: sql))
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        try session.execute(Self.query("DECLARE store_cursor NO SCROLL CURSOR FOR \(sql)", arguments))
        defer { _ = try? session.execute("CLOSE store_cursor") }
        var columns: [String]?
        while true {
            let batch = try session.query("FETCH FORWARD 5000 FROM store_cursor")
            for row in batch {
                let names = columns ?? Self.columns(row)
                columns = names
                try body(Self.row(row, columns: names))
            }
            if batch.count < 5000 { return }
        }
    }

    func deferForeignKeys() throws {
        try session.execute("SET CONSTRAINTS ALL DEFERRED")
    }

    /// An identity column's sequence does not see ids given explicitly: set it past the largest.
    func continueIDs(after table: String) throws {
        try execute("SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)", [table])
    }

    static func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .bool(let flag): bindings.append(flag)
            case .date(let date): bindings.append(date)
            }
        }
        return PostgresQuery(unsafeSQL: SQLParameters.numbered(sql), binds: bindings)
    }

    /// Each value's PostgreSQL type (nil for NULL, which fits any) and binary form, for a prepared statement.
    static func preparedValues(_ arguments: [any SQLBindable]) -> (types: [String?], values: [PostgresData]) {
        var types: [String?] = [], values: [PostgresData] = []
        types.reserveCapacity(arguments.count)
        values.reserveCapacity(arguments.count)
        for argument in arguments {
            var bytes = ByteBuffer()
            let type: PostgresDataType
            switch argument.sqlValue {
            case .null:
                types.append(nil)
                values.append(.null)
                continue
            case .integer(let number):
                type = .int8
                bytes.writeInteger(number)
            case .real(let number):
                type = .float8
                bytes.writeInteger(number.bitPattern)
            case .text(let text):
                type = .text
                bytes.writeString(text)
            case .bool(let flag):
                type = .bool
                bytes.writeInteger(UInt8(flag ? 1 : 0))
            case .date(let date):
                type = .timestamptz  // microseconds since 2000-01-01 UTC, truncated, as PostgresNIO writes a `Date`
                bytes.writeInteger(Int64(date.timeIntervalSince(postgresEpoch) * 1_000_000))
            }
            types.append(Self.typeNames[type])
            values.append(PostgresData(type: type, formatCode: .binary, value: bytes))
        }
        return (types, values)
    }

    private static let typeNames: [PostgresDataType: String] = [
        .int8: "int8", .float8: "float8", .text: "text", .bool: "bool", .timestamptz: "timestamptz",
    ]

    /// The column names, read once per result: every row of it shares them (reading them for each row was
    /// a third of the time of a 100,000-response report).
    static func columns(_ row: PostgresRow) -> [String] {
        row.map(\.columnName)
    }

    static func row(_ row: PostgresRow, columns: [String]) throws -> SQLRow {
        var values: [SQLValue] = []
        values.reserveCapacity(columns.count)
        for cell in row { values.append(try value(cell)) }
        return SQLRow(columns: columns, values: values)
    }

    /// Rows of a prepared statement, every cell read as PostgreSQL's binary format (`preparedRows`); nil when
    /// a column has a type `binaryValue` does not read.
    static func binaryRows(_ rows: [PostgresRow]) -> [SQLRow]? {
        guard let first = rows.first else { return [] }
        let columns = columns(first)
        var read: [SQLRow] = []
        read.reserveCapacity(rows.count)
        for row in rows {
            var values: [SQLValue] = []
            values.reserveCapacity(columns.count)
            for cell in row {
                guard let bytes = cell.bytes else { values.append(.null); continue }
                guard let value = binaryValue(bytes, cell.dataType) else { return nil }
                values.append(value)
            }
            read.append(SQLRow(columns: columns, values: values))
        }
        return read
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard let bytes = cell.bytes else { return .null }
        if cell.format == .binary, let value = binaryValue(bytes, cell.dataType) { return value }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
        default: return .text(try cell.decode(String.self))
        }
    }

    /// PostgreSQL's binary wire format of the common types, read straight from the bytes: PostgresNIO's
    /// general decoding was most of the time of reading 3.2 million answer rows for a report. nil for any
    /// other type or length, which the general decoding then reads.
    private static func binaryValue(_ bytes: ByteBuffer, _ type: PostgresDataType) -> SQLValue? {
        let at = bytes.readerIndex
        switch (type, bytes.readableBytes) {
        case (.text, _), (.varchar, _): return .text(bytes.getString(at: at, length: bytes.readableBytes) ?? "")
        case (.int8, 8): return bytes.getInteger(at: at, as: Int64.self).map { .integer($0) }
        case (.int4, 4): return bytes.getInteger(at: at, as: Int32.self).map { .integer(Int64($0)) }
        case (.int2, 2): return bytes.getInteger(at: at, as: Int16.self).map { .integer(Int64($0)) }
        case (.bool, 1): return bytes.getInteger(at: at, as: UInt8.self).map { .bool($0 != 0) }
        case (.float8, 8): return bytes.getInteger(at: at, as: UInt64.self).map { .real(Double(bitPattern: $0)) }
        case (.timestamptz, 8), (.timestamp, 8):
            // Microseconds since 2000-01-01 00:00 UTC, computed as PostgresNIO does, to the same bit.
            return bytes.getInteger(at: at, as: Int64.self).map { .date(Date(timeInterval: Double($0) / 1_000_000, since: postgresEpoch)) }
        default: return nil
        }
    }

    private static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)
}
