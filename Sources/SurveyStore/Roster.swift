import Foundation
import GRDB
import SurveyCore

/// A respondent as stored: names and contact can be forgotten, tags and group stay.
struct RespondentRow: Codable, FetchableRecord, PersistableRecord {
    var id: String
    var groupName: String
    var childName: String?
    var parentNames: String?
    var language: String
    var contact: String?
    var tags: String
    var forgotten: Bool

    static let databaseTableName = "respondent"
    enum CodingKeys: String, CodingKey {
        case id, groupName = "group_name", childName = "child_name", parentNames = "parent_names", language, contact, tags, forgotten
    }

    init(_ respondent: Respondent) {
        id = respondent.id
        groupName = respondent.group
        childName = respondent.childName
        parentNames = respondent.parentNames
        language = respondent.language
        contact = respondent.contact
        tags = respondent.tags.joined(separator: " ")
        forgotten = false
    }

    var respondent: Respondent {
        Respondent(id: id, group: groupName, childName: childName, parentNames: parentNames, language: language,
                   contact: contact, tags: tags.split(separator: " ").map(String.init))
    }
}

extension SurveyDatabase {
    /// Adds new families and updates known ones (by id), all in one transaction. Never duplicates.
    @discardableResult
    public func importRoster(_ respondents: [Respondent]) throws -> (added: Int, updated: Int) {
        try write { db in
            var added = 0, updated = 0
            for respondent in respondents {
                if try RespondentRow.exists(db, key: respondent.id) { updated += 1 } else { added += 1 }
                try RespondentRow(respondent).upsert(db)
            }
            return (added, updated)
        }
    }

    public func respondents() throws -> [Respondent] {
        try read { try RespondentRow.order(Column("group_name"), Column("id")).fetchAll($0).map(\.respondent) }
    }

    public func respondent(_ id: String) throws -> Respondent? {
        try read { try RespondentRow.fetchOne($0, key: id)?.respondent }
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
            guard let peiling = try Peiling.fetchOne(db) else { throw StoreError.noPeiling }
            guard peiling.isClosed else { throw StoreError.rosterForgottenOnlyWhenClosed }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let rows = try RespondentRow.filter(Column("forgotten") == false).order(Column("group_name"), Column("id")).fetchAll(db)
            let taken = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent WHERE forgotten") ?? 0
            for (index, row) in rows.enumerated() {
                let neutral = String(format: "R%04d", taken + index + 1)
                for table in ["invitation", "sample", "response"] {
                    try db.execute(sql: "UPDATE \(table) SET respondent_id = ? WHERE respondent_id = ?", arguments: [neutral, row.id])
                }
                // Who a reserve replaced is an id too, and may be a child's name.
                try db.execute(sql: "UPDATE sample SET replaces = ? WHERE replaces = ?", arguments: [neutral, row.id])
                try db.execute(sql: """
                    UPDATE respondent SET id = ?, child_name = NULL, parent_names = NULL, contact = NULL, forgotten = 1 WHERE id = ?
                    """, arguments: [neutral, row.id])
            }
            return rows.count
        }
    }
}
