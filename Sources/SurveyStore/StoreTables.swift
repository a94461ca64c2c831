import Foundation

/// The store's tables and the kind of each column, in an order in which every row's references come
/// before it: what a copy between two databases (`copyAll`) walks. The server state is not among them:
/// sessions and budgets are short-lived, and a new database makes its own secrets.
enum StoreTables {
    /// How a column's value is read and bound, so that a boolean or a time read from one backend is
    /// written in the other's type (SQLite keeps them as 0/1 and text, PostgreSQL as boolean and timestamptz).
    enum Kind { case text, integer, real, bool, date }

    struct Table {
        let name: String
        let columns: [(name: String, kind: Kind)]
        /// Whether rows get their id from the database (`AUTOINCREMENT`, `GENERATED ... AS IDENTITY`).
        var generatesIDs = false
    }

    static let all: [Table] = [
        Table(name: "definition", columns: [("hash", .text), ("survey_id", .text), ("version", .integer), ("yaml", .text),
                                            ("loaded_at", .date)]),
        Table(name: "peiling", columns: [("id", .integer), ("name", .text), ("survey_id", .text), ("definition_hash", .text),
                                         ("created_at", .date), ("closed_at", .date)], generatesIDs: true),
        Table(name: "peiling_settings", columns: [("id", .integer), ("json", .text)]),
        Table(name: "respondent", columns: [("peiling_id", .integer), ("id", .text), ("group_name", .text), ("child_name", .text),
                                            ("parent_names", .text), ("language", .text), ("contact", .text), ("tags", .text),
                                            ("forgotten", .bool)]),
        Table(name: "invitation", columns: [("code", .text), ("peiling_id", .integer), ("respondent_id", .text), ("created_at", .date)]),
        Table(name: "sample", columns: [("peiling_id", .integer), ("respondent_id", .text), ("position", .integer), ("reserve", .bool),
                                        ("seed", .text), ("covered", .text), ("declined", .bool), ("replaces", .text),
                                        ("drawn_at", .date)]),
        Table(name: "response", columns: [("id", .integer), ("peiling_id", .integer), ("respondent_id", .text), ("submission_key", .text),
                                          ("definition_hash", .text), ("method", .text), ("language", .text), ("interpreter", .text),
                                          ("entered_by", .text), ("group_name", .text), ("tags", .text), ("complete", .bool),
                                          ("verified_by", .text), ("created_at", .date), ("updated_at", .date), ("version", .integer)],
              generatesIDs: true),
        Table(name: "answer", columns: [("response_id", .integer), ("question_id", .text), ("kind", .text), ("choices", .text),
                                        ("number", .real), ("text", .text), ("other_text", .text)]),
        Table(name: "staff", columns: [("name", .text), ("password_hash", .text), ("created_at", .date), ("role", .text), ("school", .text)]),
        Table(name: "staff_peiling", columns: [("staff_name", .text), ("peiling_id", .integer)]),
        Table(name: "names_report", columns: [("path", .text), ("written_at", .date), ("peiling_id", .integer)]),
    ]
}

extension StoreTables.Table {
    /// The value at `index` of `row` as this table's column there holds it, to bind into another database.
    func value(_ row: SQLRow, _ index: Int) throws -> any SQLBindable {
        switch columns[index].kind {
        case .text: try row[index] as String?
        case .integer: try row[index] as Int64?
        case .real: try row[index] as Double?
        case .bool: try row[index] as Bool?
        case .date: try row[index] as Date?
        }
    }
}
