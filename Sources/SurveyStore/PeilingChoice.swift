/// Which peiling a handle works on: the one named with `--peiling`, or else the only open one (the only one
/// at all when every peiling is closed). Several candidates are never guessed between: the error names them.
enum PeilingChoice {
    /// The selected peiling's id, looked up in `sql`.
    static func resolve(name: String?, _ sql: any StoreSQL) throws -> Int64 {
        struct Candidate { var id: Int64; var name: String; var closed: Bool }
        let all = try sql.rows("SELECT id, name, closed_at IS NOT NULL AS closed FROM peiling ORDER BY name").map {
            Candidate(id: try $0["id"], name: try $0["name"], closed: try $0["closed"])
        }
        if let name {
            guard let found = all.first(where: { $0.name == name }) else {
                throw StoreError.unknownPeiling(name: name, choices: all.map(\.name))
            }
            return found.id
        }
        guard all.count > 1 else {
            guard let only = all.first else { throw StoreError.noPeiling }
            return only.id
        }
        let open = all.filter { !$0.closed }
        if open.count == 1 { return open[0].id }
        throw StoreError.choosePeiling(choices: (open.isEmpty ? all : open).map(\.name))
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
    func peilingID(_ sql: any StoreSQL) throws -> Int64 {
        if let id = selectedID.withLock({ $0 }) { return id }
        let id = try PeilingChoice.resolve(name: peilingName, sql)
        selectedID.withLock { $0 = id }
        return id
    }
}
