import Foundation

extension PostgresPool {
    /// Thrown by a transaction's body that lost a race it can see: a row it meant to insert was inserted by
    /// another transaction meanwhile. The transaction is rolled back and runs again, and then sees that row.
    public struct TransactionLostRace: Error {
        public init() {}
    }

    /// What a transaction may do.
    public enum Access: Sendable {
        /// Reads and writes, each statement seeing what was committed before it (READ COMMITTED).
        case write
        /// Reads only, all of them in one snapshot (REPEATABLE READ READ ONLY): a report or a count never
        /// mixes rows from before and after another transaction's commit.
        case readSnapshot
    }

    /// Runs `body` in one transaction on one connection: all of its changes are committed, or none.
    ///
    /// `body` runs again, up to `attempts` times in all, when PostgreSQL ends the transaction for a
    /// serialization failure (40001) or a deadlock (40P01), or when `body` throws `TransactionLostRace`:
    /// each of those means another transaction won, and running again on the new state is correct.
    public func transaction<T>(_ access: Access = .write, attempts: Int = 20, _ body: (PostgresSession) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try withSession { session in
                    session.send(access == .write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    do {
                        let result = try body(session)
                        if access == .write {
                            try session.commit()  // durable once this answers
                        } else {
                            // Nothing to make durable: the next statement on this connection runs after it anyway.
                            session.send("COMMIT")
                        }
                        return result
                    } catch {
                        session.rollBack()
                        throw error
                    }
                }
            } catch where attempt < attempts && Self.anotherTransactionWon(error) {
                // A little random wait, so that the same two transactions do not collide again at once.
                Thread.sleep(forTimeInterval: Double.random(in: 0.001...0.005) * Double(attempt))
                attempt += 1
            }
        }
    }

    private static func anotherTransactionWon(_ error: any Error) -> Bool {
        switch error {
        case is TransactionLostRace: return true
        case PostgresStoreError.statementFailed(let sqlState, _): return sqlState == "40001" || sqlState == "40P01"
        default: return false
        }
    }
}
