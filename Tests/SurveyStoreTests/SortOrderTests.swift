import Foundation
import SurveyCore
import SurveyStore
import Testing

/// A PostgreSQL database whose own collation is Dutch lists the roster, the peilingen and the staff in the
/// order an SQLite file does (byte order: capitals first), so letters, lists and reports come out the same.
@Suite("Sort order on PostgreSQL")
struct SortOrderTests {
    static let roster = [("b-kind", "5a"), ("Z-kind", "5B"), ("a-kind", "5a"), ("C-kind", "5B")].map { id, group in
        Respondent(id: id, group: group, childName: nil, parentNames: nil, language: "nl", contact: nil, tags: [])
    }

    /// What a teacher sees listed, in order.
    static func listed(_ database: SurveyDatabase) throws -> [String] {
        try database.respondents().map { "\($0.group) \($0.id)" } + database.staffMembers().map(\.name)
    }

    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aDutchCollatedDatabaseListsInTheFilesOrder() throws {
        let url = try TestPostgres.requiredURL()
        let name = "dutch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresPool(url: url, maxConnections: 1)
        try admin.execute("CREATE DATABASE \(unescaped: name) LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL' TEMPLATE template0")
        defer { _ = try? admin.execute("DROP DATABASE \(unescaped: name) WITH (FORCE)") }
        let dutchURL = String(url[..<(url.lastIndex(of: "/") ?? url.endIndex)]) + "/" + name

        let file = try TempStore()
        var listedByEach: [[String]] = []
        for database in [file.db, try SurveyDatabase(path: dutchURL, create: true)] {
            if database !== file.db { try database.initialize(name: "Groep 5 najaar", survey: file.survey, yaml: storeSurveyYAML) }
            try database.importRoster(Self.roster)
            for staff in ["juf-anna", "Meester-Bas", "ib-kees"] { try database.setStaff(name: staff, passwordHash: "not-a-real-hash") }
            listedByEach.append(try Self.listed(database))
        }
        #expect(listedByEach[0] == ["5B C-kind", "5B Z-kind", "5a a-kind", "5a b-kind", "Meester-Bas", "ib-kees", "juf-anna"])
        #expect(listedByEach[1] == listedByEach[0])
    }
}
