import Foundation
import SurveyCore
import SurveyReports
import SurveyStore
import Testing

/// The board overview over three peilingen of two schools in one file, with known answers: the response per
/// school, every cell against the counts and against the peiling's own team report, and no figure that a
/// school's own report hides.
@Suite struct BoardOverviewTests {
    /// De Regenboog: "Groep 5" (6 on the roster, all answer) and "Groep 7" (7 on the roster, 5 answer with a
    /// code and 1 at the kiosk without one). De Klimop: "Groep 3" (4 on the roster, 3 answer: below 5).
    struct Board {
        let folder: URL
        let database: SurveyDatabase
        let survey: Survey

        func handle(_ name: String) throws -> SurveyDatabase {
            try SurveyDatabase(path: database.path, peiling: name)
        }

        func overview() throws -> BoardOverview {
            try BoardOverview.make(database: database, minGroup: 5)
        }
    }

    static func board(yaml: String? = nil) throws -> Board {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try yaml ?? String(contentsOf: TestPeiling.fixture, encoding: .utf8)
        let survey = try SurveyLoader.load(yaml: text, file: "kleine-peiling.yaml").survey
        let path = folder.appendingPathComponent("bestuur.sqlite").path
        let database = try SurveyDatabase(path: path, create: true, peiling: "Groep 5")
        let board = Board(folder: folder, database: database, survey: survey)
        // meer: top = behoefte or grote-behoefte; duidelijk: top = eens or helemaal-eens.
        try start(board, "Groep 5", school: "De Regenboog", roster: 6, answers: [
            ("grote-behoefte", "eens"), ("grote-behoefte", "eens"), ("grote-behoefte", "eens"), ("grote-behoefte", "eens"),
            ("geen-behoefte", "eens"), ("geen-behoefte", "oneens"),
        ])
        try start(board, "Groep 7", school: "De Regenboog", roster: 7, answers: [
            ("behoefte", "helemaal-eens"), ("geen-behoefte", "helemaal-eens"), ("geen-behoefte", "helemaal-eens"),
            ("geen-behoefte", "helemaal-eens"), ("geen-behoefte", "helemaal-eens"),
        ])
        try board.handle("Groep 7").save(NewResponse(respondentID: nil, submissionKey: "kiosk-1", method: .digitalAtSchool, language: "nl",
                                                     answers: try answers(survey, meer: "geen-behoefte", duidelijk: "helemaal-eens")))
        try start(board, "Groep 3", school: "De Klimop", roster: 4, answers: [
            ("grote-behoefte", "oneens"), ("grote-behoefte", "oneens"), ("behoefte", "eens"),
        ])
        return board
    }

    static func answers(_ survey: Survey, meer: String, duidelijk: String) throws -> Answers {
        var answers: Answers = [:]
        for (id, value) in [("meer", meer), ("duidelijk", duidelijk)] {
            answers[id] = try AnswerParser.parse(survey.question(id)!, values: [value], otherText: nil)
        }
        return answers
    }

    /// Starts a peiling with a roster whose child names must never reach the overview, and saves the answers.
    static func start(_ board: Board, _ name: String, school: String, roster: Int, answers: [(meer: String, duidelijk: String)]) throws {
        let handle = try board.handle(name)
        try handle.initialize(name: name, survey: board.survey, yaml: try String(contentsOf: TestPeiling.fixture, encoding: .utf8))
        _ = try handle.updateSettings { $0.school = school }
        let prefix = name.filter(\.isNumber)
        _ = try handle.importRoster((1...roster).map {
            Respondent(id: "g\(prefix)-\($0)", group: name, childName: "Kind \(name) \($0)", parentNames: TestPeiling.names[$0 % TestPeiling.names.count])
        })
        for (i, answer) in answers.enumerated() {
            try handle.save(NewResponse(respondentID: "g\(prefix)-\(i + 1)", method: .digital, language: "nl",
                                        answers: try Self.answers(board.survey, meer: answer.meer, duidelijk: answer.duidelijk)))
        }
    }

    @Test func responsePerSchoolAddsUpItsPeilingen() throws {
        let overview = try Self.board().overview()
        #expect(overview.schools.map(\.name) == ["De Klimop", "De Regenboog"])
        let klimop = overview.schools[0], regenboog = overview.schools[1]
        #expect([klimop.peilingen, klimop.rosterSize, klimop.responses, klimop.anonymous] == [1, 4, 3, 0] as [Int])
        #expect([regenboog.peilingen, regenboog.rosterSize, regenboog.responses, regenboog.anonymous] == [2, 13, 11, 1] as [Int])
        #expect(regenboog.responseRate == 11.0 / 13.0)
    }

    @Test func everyCellIsTheTopShareOfItsOwnPeilingOrHidden() throws {
        let overview = try Self.board().overview()
        #expect(overview.tables.count == 1)
        let table = try #require(overview.tables.first)
        #expect(table.columns.map(\.peiling) == ["Groep 3", "Groep 5", "Groep 7"])
        #expect(table.findings.map(\.questionID) == ["meer", "duidelijk"], "the need first, then the statement")
        let meer = table.findings[0].cells, duidelijk = table.findings[1].cells
        #expect(meer == [.tooFew, .share(Proportion(count: 4, total: 6)), .share(Proportion(count: 1, total: 6))])
        #expect(duidelijk == [.tooFew, .share(Proportion(count: 5, total: 6)), .share(Proportion(count: 6, total: 6))])
        #expect(table.columns[1].ownFindings == ["meer", "duidelijk"])
        #expect(table.columns[0].ownFindings.isEmpty, "a peiling with too few answers has no findings of its own")
    }

    /// The overview publishes a peiling's figure only where that peiling's own team report publishes it.
    @Test func aCellIsShownOnlyWhereThePeilingsOwnReportShowsIt() throws {
        let board = try Self.board()
        let overview = try board.overview()
        let text = BoardOverviewText(overview)
        let table = try #require(overview.tables.first)
        for (c, column) in table.columns.enumerated() {
            let files = try ReportWriter.write(database: try board.handle(column.peiling), options: ReportOptions(),
                                               to: board.folder.appendingPathComponent(column.peiling))
            let own = try String(contentsOf: files.summary, encoding: .utf8)
            for finding in table.findings {
                let sentence = "\(text.text(finding.cells[c])) \(finding.topLabel.dutch): \u{201C}\(finding.text.dutch)\u{201D}"
                if case .share = finding.cells[c] {
                    #expect(own.contains(sentence), "\(column.peiling): \(sentence)")
                } else {
                    #expect(!own.contains(finding.text.dutch), "\(column.peiling) shows \(finding.questionID) in its own report")
                }
            }
        }
    }

    @Test func theTextHasARowPerPeilingNoTotalOfAnswersAndNoNames() throws {
        let markdown = BoardOverviewText(try Self.board().overview()).render()
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| De ") }
        // Two school rows in the response table, then one row per peiling with its cells.
        #expect(rows.count == 5, "\(markdown)")
        #expect(rows.contains { $0.hasPrefix("| De Klimop | Groep 3 | 3 van 4 (75%) | <5 | <5 |") }, "\(markdown)")
        #expect(rows.contains { $0.hasPrefix("| De Regenboog | Groep 5 | 6 van 6 (100%) | 67% * | 83% * |") }, "\(markdown)")
        #expect(rows.contains { $0.hasPrefix("| De Regenboog | Groep 7 | 5 van 7 (71%) | 17% * | 100% * |") }, "\(markdown)")
        #expect(rows.contains { $0.hasPrefix("| De Regenboog | 2 | 11 van 13 (85%) | 1 |") }, "\(markdown)")
        for name in TestPeiling.names + ["Kind Groep"] { #expect(!markdown.contains(name)) }
        let english = BoardOverviewText(try Self.board().overview(), language: "en").render()
        #expect(english.contains("| De Regenboog | Groep 5 | 6 of 6 (100%) | 67% * | 83% * |"), "\(english)")
    }

    @Test func peilingenOfAnotherQuestionnaireGetATableOfTheirOwn() throws {
        let board = try Self.board()
        let yaml = try String(contentsOf: TestPeiling.fixture, encoding: .utf8).replacingOccurrences(of: "id: kleine-peiling", with: "id: andere-peiling")
        let other = try SurveyLoader.load(yaml: yaml, file: "andere-peiling.yaml").survey
        let handle = try board.handle("Opvang Zonnebloem")
        try handle.initialize(name: "Opvang Zonnebloem", survey: other, yaml: yaml)
        _ = try handle.updateSettings { $0.school = "KDV Zonnebloem" }
        let overview = try board.overview()
        #expect(overview.tables.map(\.surveyID) == ["kleine-peiling", "andere-peiling"])
        #expect(overview.tables[1].columns.map(\.peiling) == ["Opvang Zonnebloem"])
        #expect(overview.tables[1].findings.isEmpty)
        #expect(BoardOverviewText(overview).render().contains("Nog geen uitkomsten"))
    }
}
