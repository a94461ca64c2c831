import GRDB

/// Constraint failures as the store sees them, whichever backend raised them.
enum StoreConstraint {
    /// Whether `error` is a unique constraint stopping a second row with the same key: on PostgreSQL a
    /// concurrent transaction inserted it first (SQLITE_CONSTRAINT_UNIQUE and SQLSTATE 23505).
    static func isUniqueViolation(_ error: any Error) -> Bool {
        switch error {
        case PostgresStoreError.statementFailed(let sqlState, _): sqlState == "23505"
        case let error as DatabaseError: error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
        default: false
        }
    }
}
