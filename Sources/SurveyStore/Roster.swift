import Foundation
import SurveyCore

/// A respondent as stored: names and contact can be forgotten, tags and group stay.
struct RespondentRow {
    var peilingID: Int64
    var id: String
    var groupName: String
    var childName: String?
    var parentNames: String?
    var language: String
    var contact: String?
    var tags: String
    var forgotten: Bool

    static let columns = "peiling_id, id, group_name, child_name, parent_names, language, contact, tags, forgotten"

    init(_ row: SQLRow) throws {
        peilingID = try row["peiling_id"]
        id = try row["id"]
        groupName = try row["group_name"]
        childName = try row["child_name"]
        parentNames = try row["parent_names"]
        language = try row["language"]
        contact = try row["contact"]
        tags = try row["tags"]
        forgotten = try row["forgotten"]
    }

    init(_ respondent: Respondent, peilingID: Int64) {
        self.peilingID = peilingID
        id = respondent.id
        groupName = respondent.group
        childName = respondent.childName
        parentNames = respondent.parentNames
        language = respondent.language
        contact = respondent.contact
        tags = respondent.tags.joined(separator: " ")
        forgotten = false
    }

    // Optional views of the required columns, so one merge rule serves every field of a re-import.
    var groupOptional: String? { get { groupName } set { groupName = newValue ?? groupName } }
    var languageOptional: String? { get { language } set { language = newValue ?? language } }
    var tagsOptional: String? { get { tags } set { tags = newValue ?? tags } }

    /// The rows of the peiling's roster that `condition` (SQL after `WHERE peiling_id = ? AND`) selects, by group and id.
    static func fetch(peilingID: Int64, where condition: String = "TRUE", _ arguments: [any SQLBindable] = [],
                      in sql: any StoreSQL) throws -> [RespondentRow] {
        try sql.rows("SELECT \(columns) FROM respondent WHERE peiling_id = ? AND \(condition) ORDER BY group_name, id",
                     [peilingID] + arguments).map(RespondentRow.init)
    }

    /// One respondent of a peiling by id.
    static func find(peilingID: Int64, id: String, _ sql: any StoreSQL) throws -> RespondentRow? {
        try fetch(peilingID: peilingID, where: "id = ?", [id], in: sql).first
    }

    func insert(_ sql: any StoreSQL) throws {
        try sql.execute("INSERT INTO respondent (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        peilingID, id, groupName, childName, parentNames, language, contact, tags, forgotten)
    }

    /// Stores every field but the key.
    func update(_ sql: any StoreSQL) throws {
        try sql.execute("""
            UPDATE respondent SET group_name = ?, child_name = ?, parent_names = ?, language = ?, contact = ?, tags = ?, forgotten = ?
            WHERE peiling_id = ? AND id = ?
            """, groupName, childName, parentNames, language, contact, tags, forgotten, peilingID, id)
    }

    var respondent: Respondent {
        Respondent(id: id, group: groupName, childName: childName, parentNames: parentNames, language: language,
                   contact: contact, tags: tags.split(separator: " ").map(String.init))
    }
}

extension SurveyDatabase {
    /// Adds new families and updates known ones (by id, whatever its capitals), all in one transaction.
    /// Every field is taken as given. Never duplicates.
    @discardableResult
    public func importRoster(_ respondents: [Respondent]) throws -> (added: Int, updated: Int) {
        let summary = try importRoster(respondents.map(RosterRow.init), replaceEmpty: true)
        return (summary.added.count, summary.updated.count + summary.unchanged)
    }

    /// Imports roster rows in one transaction: new families are added, known ones (ids compared without
    /// regard to capitals or surrounding spaces) are updated field by field. An empty cell leaves the
    /// stored value alone unless `replaceEmpty`, so a file with fewer columns never wipes what is known.
    /// With `dryRun` nothing is written: the summary says what the import would do.
    @discardableResult
    public func importRoster(_ rows: [RosterRow], replaceEmpty: Bool, dryRun: Bool = false) throws -> RosterImportSummary {
        try write { db in
            let peilingID = try peilingID(db)
            var known: [String: RespondentRow] = [:]
            for row in try RespondentRow.fetch(peilingID: peilingID, where: "NOT forgotten", in: db) {
                known[row.id.lowercased()] = row
            }
            var summary = RosterImportSummary()
            for row in rows {
                guard let stored = known[row.id.lowercased()] else {
                    summary.added.append(row.id)
                    let new = RespondentRow(row.respondent, peilingID: peilingID)
                    known[row.id.lowercased()] = new
                    if !dryRun { try new.insert(db) }
                    continue
                }
                var updated = stored
                var changes: [RosterChange] = []
                func merge(_ field: RosterChange.Field, _ keyPath: WritableKeyPath<RespondentRow, String?>, _ value: String?) {
                    guard value != nil || replaceEmpty, stored[keyPath: keyPath] != value else { return }
                    updated[keyPath: keyPath] = value
                    changes.append(RosterChange(id: stored.id, field: field, old: stored[keyPath: keyPath], new: value))
                }
                merge(.group, \.groupOptional, row.group)
                merge(.childName, \.childName, row.childName)
                merge(.parentNames, \.parentNames, row.parentNames)
                merge(.language, \.languageOptional, row.language ?? (replaceEmpty ? "nl" : nil))
                merge(.contact, \.contact, row.contact)
                merge(.tags, \.tagsOptional, row.tags.map { $0.joined(separator: " ") } ?? (replaceEmpty ? "" : nil))
                if changes.isEmpty {
                    summary.unchanged += 1
                } else {
                    summary.updated.append(stored.id)
                    summary.changes += changes
                    if !dryRun { try updated.update(db) }
                }
            }
            return summary
        }
    }

    public func respondents() throws -> [Respondent] {
        try read { db in
            try RespondentRow.fetch(peilingID: peilingID(db), in: db).map(\.respondent)
        }
    }

    public func respondent(_ id: String) throws -> Respondent? {
        try read { try RespondentRow.find(peilingID: try peilingID($0), id: id, $0)?.respondent }
    }

    /// Deletes names and contacts for good once the peiling is closed. Ids that could be names are replaced
    /// by neutral ones; responses keep their copied tags and group, so every report still works.
    public func forgetRoster() throws -> Int {
        let count = try forgetNames()
        try vacuum()
        return count
    }

    private func forgetNames() throws -> Int {
        try write { db in
            let peilingID = try peilingID(db)
            guard let peiling = try Peiling.find(peilingID, db) else { throw StoreError.noPeiling }
            guard peiling.isClosed else { throw StoreError.rosterForgottenOnlyWhenClosed }
            // The ids change in the respondent and in the rows that refer to it, one after the other.
            try db.deferForeignKeys()
            let rows = try RespondentRow.fetch(peilingID: peilingID, where: "NOT forgotten", in: db)
            let taken: Int = try db.value("SELECT COUNT(*) FROM respondent WHERE peiling_id = ? AND forgotten", peilingID) ?? 0
            for (index, row) in rows.enumerated() {
                let neutral = String(format: "R%04d", taken + index + 1)
                for table in ["invitation", "sample", "response"] {
                    try db.execute("UPDATE \(table) SET respondent_id = ? WHERE peiling_id = ? AND respondent_id = ?", neutral, peilingID, row.id)
                }
                // Who a reserve replaced is an id too, and may be a child's name.
                try db.execute("UPDATE sample SET replaces = ? WHERE peiling_id = ? AND replaces = ?", neutral, peilingID, row.id)
                try db.execute("""
                    UPDATE respondent SET id = ?, child_name = NULL, parent_names = NULL, contact = NULL, forgotten = ? WHERE peiling_id = ? AND id = ?
                    """, neutral, true, peilingID, row.id)
            }
            return rows.count
        }
    }
}
