import Foundation
@testable import SurveyReports
import SurveyCore
import SurveyStore

/// A class whose every answer the test knows, stored through `SurveyDatabase`, for disclosure tests.
struct DisclosureClass {
    /// One family: its roster entry, how it answered, and what.
    struct Family {
        var id: String
        var group = "5A"
        var language = "nl"
        var method: ResponseMethod = .digital
        var tags: [String] = []
        /// Question id -> chosen option ids (or the text / number).
        var answers: [String: [String]]
        var other: String?
        /// False: on the roster, but no response (for weights).
        var answered = true
    }

    static let fixture = Bundle.module.url(forResource: "herkenbaar", withExtension: "yaml", subdirectory: "Fixtures")!

    let folder: URL
    let database: SurveyDatabase
    let survey: Survey
    let families: [Family]

    init(_ families: [Family]) throws {
        self.families = families
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-disclosure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: DisclosureClass.fixture, encoding: .utf8)
        survey = try SurveyLoader.load(yaml: text, file: "herkenbaar.yaml").survey
        database = try SurveyDatabase(path: folder.appendingPathComponent("test.sqlite").path, create: true)
        try database.initialize(name: "Groep 5 herkenbaar", survey: survey, yaml: text)
        _ = try database.importRoster(families.map {
            Respondent(id: $0.id, group: $0.group, childName: "Kind \($0.id)", parentNames: "Ouder \($0.id)", language: $0.language, tags: $0.tags)
        })
        for family in families where family.answered {
            var answers: Answers = [:]
            for (questionID, chosen) in family.answers {
                let question = survey.question(questionID)!
                answers[questionID] = try AnswerParser.parse(question, values: chosen, otherText: chosen.contains("anders") ? family.other : nil)
            }
            try database.save(NewResponse(respondentID: family.id, method: family.method, language: family.language,
                                          interpreter: family.method == .oralInterpreter ? .professional : nil, answers: answers))
        }
    }

    /// The tags a response carries: the roster's and those its background answers report.
    func tags(_ family: Family) -> Set<String> {
        var tags = Set(family.tags)
        if family.answers["gezin"] == ["samengesteld"] { tags.insert("samengesteld") }
        if family.answers["gezin"] == ["een-ouder"] { tags.insert("alleenstaand") }
        if family.answers["gescheiden"] == ["ja"] { tags.insert("gescheiden") }
        return tags
    }

    func report(_ options: ReportOptions = ReportOptions()) throws -> (ReportFiles, XlsxReader) {
        let files = try ReportWriter.write(database: database, options: options, to: folder.appendingPathComponent("Reports"))
        return (files, try XlsxReader(files.workbook))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The counts of the stored responses, weighted to the roster as the report weighs them.
    func aggregate() throws -> Aggregate {
        let answered = Set(families.filter(\.answered).map(\.id))
        return try Aggregate.count(database, minGroup: 5, weights: ResponseWeights.make(roster: try database.respondents(), responded: answered))
    }

    /// The class of the issue: 16 families (7 digital, 5 on paper), three Arabic interpreter interviews, one oral interview in Polish,
    /// one blended family, one Dutch-speaking parent with Dutch as a second language; five divorced parents, four
    /// of whom answer the follow-up; six dual earners, two of them divorced; only the blended family answers the
    /// family question.
    static func issueClass() throws -> DisclosureClass {
        var families: [Family] = []
        func add(_ id: String, language: String = "nl", method: ResponseMethod = .digital, tags: [String] = [],
                 duidelijk: String, kindMee: String, kanaal: [String], extra: [String: [String]] = [:], other: String? = nil) {
            var answers: [String: [String]] = ["duidelijk": [duidelijk], "kind-mee": [kindMee], "kanaal": kanaal,
                                               "thuistaal": [language == "ar" ? "arabisch" : language == "pl" ? "pools" : "nederlands"]]
            answers.merge(extra) { _, new in new }
            families.append(Family(id: id, language: language, method: method, tags: tags, answers: answers, other: other))
        }
        for i in 1...3 {
            add("r0\(i)", language: "ar", method: .oralInterpreter, tags: ["nt2"], duidelijk: i == 1 ? "oneens" : "neutraal", kindMee: "nee", kanaal: ["papier"])
        }
        add("r04", language: "pl", method: .oral, tags: ["nt2"], duidelijk: "helemaal-oneens", kindMee: "nee", kanaal: ["anders"], other: "Via mijn buurvrouw")
        add("r05", duidelijk: "eens", kindMee: "ja", kanaal: ["app"], extra: ["gezin": ["samengesteld"], "opmerking": ["Wij zijn net verhuisd"]])
        add("r06", tags: ["nt2"], duidelijk: "oneens", kindMee: "nee", kanaal: ["app"])
        let dutch: [(String, String, [String], Bool, ResponseMethod)] = [
            ("eens", "ja", ["app"], true, .digital), ("helemaal-eens", "ja", ["app"], true, .digital),
            ("eens", "nee", ["app", "papier"], true, .paperHome), ("neutraal", "ja", ["app"], true, .digital),
            ("eens", "ja", ["papier"], true, .paperHome), ("helemaal-eens", "nee", ["app"], false, .digital),
            ("eens", "ja", ["app"], false, .paperHome), ("oneens", "ja", ["app"], false, .digital),
            ("eens", "nee", ["app"], false, .paperHome), ("helemaal-eens", "ja", ["app"], false, .paperHome),
        ]
        for (i, row) in dutch.enumerated() {
            let id = String(format: "r%02d", i + 7)
            var extra: [String: [String]] = ["gescheiden": [row.3 ? "ja" : "nee"]]
            if row.3, i < 4 { extra["gescheiden-info"] = [i % 2 == 0 ? "ja" : "nee"] }
            if i == 0 { extra["opmerking"] = ["Twee adressen, graag alle brieven dubbel"] }
            if [3, 5, 9].contains(i) { extra["opmerking"] = ["Graag vaker een gesprek"] }
            add(id, method: row.4, tags: [0, 1, 5, 6, 7, 8].contains(i) ? ["tweeverdieners"] : [], duidelijk: row.0, kindMee: row.1, kanaal: row.2, extra: extra)
        }
        return try DisclosureClass(families)
    }
}
