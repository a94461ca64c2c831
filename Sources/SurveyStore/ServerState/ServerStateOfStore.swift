extension SurveyDatabase {
    /// Where the form server keeps its state for this handle's peiling: the SQLite file itself, or the
    /// PostgreSQL database through `PostgresServerState` on the same connections. A handle on no single
    /// peiling (none started yet, or several open) unlocks kiosks for none, as the SQLite file does.
    public func serverState() throws -> any ServerStateStore {
        switch backend {
        case .sqlite:
            return self
        case .postgres(let pool):
            let peilingID: Int64?
            do { peilingID = try read { try self.peilingID($0) } } catch StoreError.noPeiling, StoreError.choosePeiling { peilingID = nil }
            return try PostgresServerState(pool: pool, peilingID: peilingID)
        }
    }
}
