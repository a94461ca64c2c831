/// The store's access to its database inside one transaction, the same for SQLite and PostgreSQL: what the
/// store files use instead of GRDB's `Database`, so that each query is written once.
///
/// SQL is written with `?` parameter markers and in the dialect both backends share: `INSERT ... ON CONFLICT`,
/// `RETURNING`, booleans bound as `Bool` (never the literals 0 and 1), no scalar `MAX(a, b)` and no `IS ?`.
public protocol StoreSQL {
    /// The rows of `sql`, all of them: for results of a known, small size.
    func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow]

    /// Runs `sql`; returns how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int

    /// Runs `sql` (no parameters, no result) without waiting for its answer where the backend can: on
    /// PostgreSQL a connection runs its statements in order, so a failure of `sql` is thrown by the next
    /// statement that waits. SQLite, in the same process, runs it at once.
    func send(_ sql: String) throws

    /// Calls `body` with each row of `sql` in turn, without holding all of them in memory: for the
    /// responses, whose number has no bound.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws

    /// Checks foreign keys only at the commit, for changing a key and the rows that refer to it one after
    /// the other (`roster forget`). On PostgreSQL the constraints must be declared DEFERRABLE.
    func deferForeignKeys() throws

    /// After rows were inserted into `table` with ids of their own (a copy), makes the next generated id
    /// follow the largest one, so that a new row never takes a copied row's id.
    func continueIDs(after table: String) throws
}

extension StoreSQL {
    public func rows(_ sql: String, _ arguments: any SQLBindable...) throws -> [SQLRow] {
        try rows(sql, arguments)
    }

    @discardableResult
    public func execute(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try execute(sql, arguments)
    }

    /// The first row of `sql`, if any.
    public func row(_ sql: String, _ arguments: any SQLBindable...) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row of `sql`; nil when there is no row (or its value is NULL).
    public func value<T: SQLReadable>(_ sql: String, _ arguments: any SQLBindable...) throws -> T? {
        guard let row = try rows(sql, arguments).first else { return nil }
        return try row[0] as T?
    }

    /// The first column of every row of `sql`.
    public func column<T: SQLReadable>(_ sql: String, _ arguments: any SQLBindable...) throws -> [T] {
        try rows(sql, arguments).map { try $0[0] }
    }
}

extension StoreSQL {
    /// Runs `body` in a savepoint: when it throws, what it changed is undone and the transaction goes on
    /// (on PostgreSQL a failed statement otherwise spoils the whole transaction).
    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        // Sent without waiting: a save in a batch waits for its own statements only, not for these two.
        try send("SAVEPOINT store_step")
        do {
            let result = try body()
            try send("RELEASE SAVEPOINT store_step")
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT store_step")
            try execute("RELEASE SAVEPOINT store_step")
            throw error
        }
    }
}
