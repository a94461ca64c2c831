import PostgresNIO
import Synchronization

/// The statements prepared on one connection, by SQL text.
///
/// PostgreSQL parses and plans an unnamed statement on every run, and a prepared one once. For the reads a
/// parent's form makes (respondent by code, stored response) the planning was most of PostgreSQL's work:
/// with pgbench (`Benchmarks/load/floor.sh`) the join of a code to its respondent ran 2,400 times a second
/// unprepared and 8,800 prepared, on the same two cores.
final class PreparedStatements: Sendable {
    enum Entry: Sendable {
        case prepared(PreparedQuery)
        /// PostgreSQL could not prepare or run it alone (a parameter whose type only its value tells): it runs unnamed.
        case unnamed
    }

    private let byText = Mutex<[String: Entry]>([:])
    /// A connection keeps at most this many; statements beyond them run unnamed. The store's reads are a few
    /// dozen texts, so the bound only matters for SQL built with a varying number of parameters.
    static let limit = 200

    subscript(sql: String) -> Entry? {
        byText.withLock { $0[sql] }
    }

    func remember(_ entry: Entry, for sql: String) {
        byText.withLock { if $0.count < Self.limit || $0[sql] != nil { $0[sql] = entry } }
    }

    func forget(_ sql: String) {
        _ = byText.withLock { $0.removeValue(forKey: sql) }
    }
}

extension PostgresSession {
    /// The rows of `sql` (with `$n` parameters) through a statement prepared once on this connection; nil
    /// when the statement must run unnamed instead, with its values' own types.
    ///
    /// Only for a statement run on its own, outside a transaction (`SurveyDatabase.readOne`): preparing can
    /// fail where the unnamed path would not, and outside a transaction the caller then simply runs it the
    /// unnamed way. `values` are in binary form, of the types `sql` casts its parameters to. The rows come
    /// in PostgreSQL's binary format whatever their cells say: PostgresNIO 1.33 asks for binary rows but
    /// keeps the formats of the statement's description, which are text.
    func preparedRows(_ sql: String, values data: [PostgresData]) throws -> [PostgresRow]? {
        let prepared: PreparedQuery
        switch statements[sql] {
        case .prepared(let known):
            prepared = known
        case .unnamed:
            return nil
        case nil:
            do {
                prepared = try watch.watch(connection.prepare(query: sql)).wait()
                statements.remember(.prepared(prepared), for: sql)
            } catch {
                // "could not determine data type of parameter": only the value's own type tells.
                guard Self.sqlState(error) != nil else { throw Self.storeError(error) }
                statements.remember(.unnamed, for: sql)
                return nil
            }
        }
        do {
            return try watch.watch(prepared.execute(data)).wait()
        } catch let error where Self.sqlState(error) == "0A000" {
            // "cached plan must not change result type": a newer instance changed a table this statement
            // reads. Prepared again on its next use; this time it runs unnamed.
            statements.forget(sql)
            return nil
        } catch let error where Self.sqlState(error) != nil {
            // The statement fails this way for these values only, or always: the unnamed statement gives the
            // true error, or its result.
            statements.remember(.unnamed, for: sql)
            return nil
        } catch {
            throw Self.storeError(error)
        }
    }

    /// PostgreSQL's SQLSTATE of a failed legacy call (`PreparedQuery` reports `PostgresError`), if it has one.
    private static func sqlState(_ error: any Error) -> String? {
        guard case PostgresError.server(let message) = error else { return nil }
        return message.fields[.sqlState]
    }

    /// The legacy error as a `PostgresStoreError`, as `query` reports its own.
    private static func storeError(_ error: any Error) -> any Error {
        switch error {
        case PostgresError.server(let message):
            PostgresStoreError.statementFailed(sqlState: message.fields[.sqlState], message: message.fields[.message] ?? "\(message)")
        case PostgresError.connectionClosed:
            PostgresStoreError.connectionLost
        default:
            error
        }
    }
}
