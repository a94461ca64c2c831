import GRDB

/// Which peiling a handle works on: the one named with `--peiling`, or else the only open one (the only one
/// at all when every peiling is closed). Several candidates are never guessed between: the error names them.
enum PeilingChoice {
    /// The selected peiling's id, looked up in `db`.
    static func resolve(name: String?, _ db: Database) throws -> Int64 {
        let all = try Row.fetchAll(db, sql: "SELECT id, name, closed_at IS NOT NULL AS closed FROM peiling ORDER BY name")
        if let name {
            guard let row = all.first(where: { $0["name"] == name }) else {
                throw StoreError.unknownPeiling(name: name, choices: all.map { $0["name"] })
            }
            return row["id"]
        }
        guard all.count > 1 else {
            guard let only = all.first else { throw StoreError.noPeiling }
            return only["id"]
        }
        let open = all.filter { !($0["closed"] as Bool) }
        if open.count == 1 { return open[0]["id"] }
        throw StoreError.choosePeiling(choices: (open.isEmpty ? all : open).map { $0["name"] })
    }
}

/// Peiling names as a reader sees them in one sentence: 'A', 'B'.
public enum PeilingNames {
    public static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}

extension SurveyDatabase {
    /// The id of the peiling this handle works on, found once and then kept.
    func peilingID(_ db: Database) throws -> Int64 {
        if let id = selectedID.withLock({ $0 }) { return id }
        let id = try PeilingChoice.resolve(name: peilingName, db)
        selectedID.withLock { $0 = id }
        return id
    }
}
