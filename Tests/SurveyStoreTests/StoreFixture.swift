import Foundation
import SurveyCore
import SurveyStore
import Testing

/// A small survey with every answer kind, a condition and a tag-setting background question.
let storeSurveyYAML = """
    id: opvang-test
    version: 1
    title: { nl: "Testpeiling", en: "Test survey" }
    languages: [nl, en]
    scales:
      eens3:
        top: 1
        points:
          - { id: oneens, nl: "Oneens", en: "Disagree" }
          - { id: neutraal, nl: "Neutraal", en: "Neutral" }
          - { id: eens, nl: "Eens", en: "Agree" }
    themes:
      - id: contact
        title: { nl: "Contact", en: "Contact" }
        questions:
          - id: kanaal
            type: multiple
            text: { nl: "Hoe wilt u op de hoogte blijven?", en: "How would you like to be kept informed?" }
            options:
              - { id: app, nl: "Via de app", en: "Through the app" }
              - { id: mail, nl: "Per e-mail", en: "By e-mail" }
            other: true
          - id: tevreden
            type: scale
            scale: eens3
            text: { nl: "Ik ben tevreden.", en: "I am happy." }
          - id: uren
            type: number
            min: 0
            max: 40
            text: { nl: "Hoeveel uur werkt u?", en: "How many hours do you work?" }
          - id: wens
            type: text
            text: { nl: "Wat wenst u?", en: "What do you wish for?" }
          - id: gesprek
            type: single
            text: { nl: "Had u een gesprek?", en: "Did you have a conversation?" }
            options:
              - { id: ja, nl: "Ja", en: "Yes" }
              - { id: nee, nl: "Nee", en: "No" }
          - id: gesprek-hoe
            type: text
            show_if: { question: gesprek, answered: [ja] }
            text: { nl: "Hoe ging het?", en: "How did it go?" }
      - id: achtergrond
        background: true
        title: { nl: "Over u", en: "About you" }
        questions:
          - id: ouders
            type: single
            text: { nl: "Voedt u alleen op?", en: "Do you raise your child alone?" }
            options:
              - { id: een-ouder, nl: "Ja", en: "Yes" }
              - { id: twee-ouders, nl: "Nee", en: "No" }
            tags: { alleenstaand: [een-ouder] }
    """

/// A peiling database for one test on `backend`: an SQLite file in a fresh temporary folder, or a fresh
/// PostgreSQL schema; removed when the test ends.
final class TempStore {
    let backend: TestBackend
    let folder: URL
    /// The SQLite file (on PostgreSQL unused: `open` finds the schema).
    let path: String
    let survey: Survey
    let db: SurveyDatabase
    private let schema: TestSchema?

    /// Creates the database and starts a peiling of the test survey.
    init(on backend: TestBackend = .sqlite, initialize: Bool = true) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("peiling.sqlite").path
        survey = try SurveyLoader.load(yaml: storeSurveyYAML, file: "opvang-test.yaml").survey
        schema = backend == .postgres ? try TestSchema() : nil
        db = try Self.open(backend, path: path, schema: schema, create: true, peiling: nil)
        if initialize { try db.initialize(name: "Groep 5 najaar", survey: survey, yaml: storeSurveyYAML) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Another handle on the same database with connections of its own, as another process (the CLI
    /// beside `serve`, a second `serve` instance) has.
    func open(peiling: String? = nil) throws -> SurveyDatabase {
        try Self.open(backend, path: path, schema: schema, create: false, peiling: peiling)
    }

    private static func open(_ backend: TestBackend, path: String, schema: TestSchema?, create: Bool, peiling: String?) throws -> SurveyDatabase {
        guard let schema else { return try SurveyDatabase(path: path, create: create, peiling: peiling) }
        return try SurveyDatabase(postgres: schema.pool(maxConnections: 2), address: "test schema \(schema.name)", create: create, peiling: peiling)
    }

    /// The roster most tests use: two groups, names that must never leak, tags and home languages.
    static let roster: [Respondent] = [
        Respondent(id: "Sara El Amrani", group: "5A", childName: "Sara El Amrani", parentNames: "Fatima Bouzid",
                   language: "ar", contact: "fatima.bouzid@example.nl", tags: ["nt2", "alleenstaand"]),
        Respondent(id: "Tim de Vries", group: "5A", childName: "Tim de Vries", parentNames: "Anneke de Vries",
                   language: "nl", contact: "06-12345678", tags: ["tweeverdieners"]),
        Respondent(id: "Ola Kowalska", group: "5B", childName: "Ola Kowalska", parentNames: "Piotr Kowalski",
                   language: "pl", contact: "piotr.k@example.nl", tags: ["nt2"]),
        Respondent(id: "Daan Jansen", group: "5B", childName: "Daan Jansen", parentNames: "Joost Jansen en Eva Smit",
                   language: "nl", contact: "joost@example.nl", tags: ["gescheiden"]),
    ]

    /// What the database holds: on SQLite every byte of the file, its write-ahead log and shared memory
    /// file (deleted text may linger in free pages); on PostgreSQL every row of every table of the store,
    /// as text (its pages are the server's to vacuum).
    func rawBytes() throws -> Data {
        var data = Data()
        guard backend == .postgres else {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                data.append(try Data(contentsOf: folder.appendingPathComponent(name)))
            }
            return data
        }
        let tables = ["definition", "peiling", "peiling_settings", "respondent", "invitation", "sample", "response", "answer",
                      "staff", "staff_peiling", "names_report"]
        for table in tables {
            let rows: [String] = try db.read { try $0.column("SELECT t::text FROM \(table) t") }
            data.append(Data(rows.joined(separator: "\n").utf8))
        }
        return data
    }
}

/// Builds answers from question ids and values.
func answers(_ pairs: (String, AnswerValue, String?)...) -> Answers {
    Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Answer(questionID: $0.0, value: $0.1, otherText: $0.2)) })
}

/// Expects `body` to throw exactly `expected`.
func expectStoreError<T>(_ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
    do {
        _ = try body()
        Issue.record("expected \(expected), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}
