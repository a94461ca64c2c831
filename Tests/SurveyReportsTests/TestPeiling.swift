import Foundation
import SurveyCore
import SurveyStore

/// A peiling in a temporary folder, built through `SurveyDatabase` with a roster and known answers.
///
/// Groups: 5A (8 families, all answer), 5B (3, all answer: below the minimum of 5), 5C (6, five answer).
/// Tags: a1–a6 `tweeverdieners` (6), a7, a8, b1 `nt2` (3: below the minimum).
/// Methods: 5A and 5C digital (13), 5B paper at home (3).
struct TestPeiling {
    let folder: URL
    let database: SurveyDatabase
    let survey: Survey

    static let fixture = Bundle.module.url(forResource: "kleine-peiling", withExtension: "yaml", subdirectory: "Fixtures")!

    /// Names that must never reach a report without `--with-names`.
    static let names = ["Sanne Jansen", "Mohamed El Amrani", "Fatima Benali", "Piet Visser"]

    init(yaml: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try yaml ?? String(contentsOf: TestPeiling.fixture, encoding: .utf8)
        survey = try SurveyLoader.load(yaml: text, file: "kleine-peiling.yaml").survey
        database = try SurveyDatabase(path: folder.appendingPathComponent("test.sqlite").path, create: true)
        try database.initialize(name: "Groep 5, najaar 2026", survey: survey, yaml: text)
        var roster: [Respondent] = []
        for i in 1...8 {
            roster.append(Respondent(id: "a\(i)", group: "5A", childName: i == 1 ? "Sanne Jansen" : "Kind a\(i)",
                                     parentNames: i == 7 ? "Mohamed El Amrani" : "Ouder a\(i)", language: i >= 7 ? "ar" : "nl",
                                     contact: "a\(i)@example.org", tags: i <= 6 ? ["tweeverdieners"] : ["nt2"]))
        }
        for i in 1...3 {
            roster.append(Respondent(id: "b\(i)", group: "5B", childName: "Kind b\(i)", parentNames: i == 1 ? "Fatima Benali" : "Ouder b\(i)",
                                     tags: i == 1 ? ["nt2"] : []))
        }
        for i in 1...6 {
            roster.append(Respondent(id: "c\(i)", group: "5C", childName: "Kind c\(i)", parentNames: i == 6 ? "Piet Visser" : "Ouder c\(i)"))
        }
        _ = try database.importRoster(roster)
    }

    /// Saves one response with the given answers (option ids; text and number by question type).
    func answer(_ id: String, method: ResponseMethod = .digital, _ values: [String: [String]], other: String? = nil) throws {
        var answers: Answers = [:]
        for (questionID, chosen) in values {
            let question = survey.question(questionID)!
            answers[questionID] = try AnswerParser.parse(question, values: chosen, otherText: chosen.contains("anders") ? other : nil)
        }
        try database.save(NewResponse(respondentID: id, method: method, language: "nl", answers: answers))
    }

    /// The known answers the report tests check.
    func answerAll() throws {
        // duidelijk (eens5): 5A: 4x helemaal eens (a1–a4), 2x eens (a5, a6), neutraal (a7), oneens (a8).
        let duidelijkA = ["helemaal-eens", "helemaal-eens", "helemaal-eens", "helemaal-eens", "eens", "eens", "neutraal", "oneens"]
        // kanaal: a1–a4 app; a5, a6 app + email; a7, a8 papier.
        let kanaalA: [[String]] = [["app"], ["app"], ["app"], ["app"], ["app", "email"], ["app", "email"], ["papier"], ["papier"]]
        let opmerkingA: [String?] = ["Graag meer uitleg over rekenen", nil, nil, nil, nil, nil, "@juf: dank u wel", nil]
        for i in 1...8 {
            var values: [String: [String]] = ["duidelijk": [duidelijkA[i - 1]], "kanaal": kanaalA[i - 1], "meer": [i <= 2 ? "grote-behoefte" : "geen-behoefte"],
                                              "kind-mee": [i <= 6 ? "ja" : "nee"], "kinderen": [i <= 4 ? "1" : "2"]]
            if let text = opmerkingA[i - 1] { values["opmerking"] = [text] }
            try answer("a\(i)", values)
        }
        // 5B: oneens, papier, on paper at home; b1 writes something that looks like a formula.
        for i in 1...3 {
            var values: [String: [String]] = ["duidelijk": ["oneens"], "kanaal": ["papier"], "meer": ["behoefte"], "kind-mee": ["nee"], "kinderen": ["3"]]
            if i == 1 { values["opmerking"] = ["+31 6 12345678 bel mij"] }
            try answer("b\(i)", method: .paperHome, values)
        }
        // 5C: c1, c2 eens; c3, c4 neutraal; c5 skips duidelijk. kanaal: c1–c3 app, c4 other (a formula), c5 email.
        let duidelijkC: [String?] = ["eens", "eens", "neutraal", "neutraal", nil]
        let kanaalC: [[String]] = [["app"], ["app"], ["app"], ["anders"], ["email"]]
        for i in 1...5 {
            var values: [String: [String]] = ["kanaal": kanaalC[i - 1], "meer": ["beetje-behoefte"], "kind-mee": ["ja"], "kinderen": ["1"]]
            if let d = duidelijkC[i - 1] { values["duidelijk"] = [d] }
            if i == 2 { values["opmerking"] = ["=HYPERLINK(\"http://example.org\",\"klik\")"] }
            try answer("c\(i)", values, other: "=SUM(A1:A9)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
