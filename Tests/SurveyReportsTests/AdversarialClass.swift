import Foundation
import SurveyCore
import SurveyStore

/// The class of issue 8, in a real SQLite file with the shipped survey: 16 families of group 5B.
///
/// - families 1–3: oral interviews with a professional Arabic interpreter (tag nt2), entered by "juf Anna";
/// - family 4: the one oral interview in Polish (tag nt2; answers thuistaal = pools);
/// - family 5: the one blended family (tag samengesteld; answers gezin = samengesteld);
/// - family 6: the one Dutch-speaking NT2 parent (tag nt2, answers in Dutch on paper);
/// - families 7–16: Dutch, written (paper at home, typed in and verified) or digital; 7–12 dual earners.
/// Every family answers `info-duidelijk` and `info-wie` so that its number can be read back from its row
/// (number = 5 × (duidelijk − 1) + (wie − 1) + 1, for the first 25); family 1 writes its name in an open answer.
struct AdversarialClass {
    static let surveyPath = PrintablesFixture.surveyPath
    static let group = "5B"

    let folder: URL
    let database: SurveyDatabase
    let survey: Survey
    /// The invitation codes of the letters: never in an export.
    let codes: [String]

    struct Family {
        var id: String
        var name: String
        var language: String
        var tags: [String]
        var method: ResponseMethod
        var interpreter: InterpreterKind?
        var background: [String: [String]]
    }

    static let names = ["Fatima Benali", "Youssef El Idrissi", "Amina Haddad", "Katarzyna Nowak", "Sanne de Boer-Verhoeven", "Mehmet Yilmaz"]

    static let families: [Family] = (1...16).map { n in
        let id = String(format: "gezin-%02d", n)
        let name = n <= names.count ? names[n - 1] : "Ouder Nummer\(n)"
        switch n {
        case 1...3: return Family(id: id, name: name, language: "ar", tags: ["nt2"], method: .oralInterpreter, interpreter: .professional, background: [:])
        case 4: return Family(id: id, name: name, language: "pl", tags: ["nt2"], method: .oral, interpreter: nil, background: ["thuistaal": ["pools"]])
        case 5: return Family(id: id, name: name, language: "nl", tags: ["samengesteld"], method: .digital, interpreter: nil,
                              background: ["gezin": ["samengesteld"], "thuistaal": ["nederlands"]])
        case 6: return Family(id: id, name: name, language: "nl", tags: ["nt2"], method: .paperHome, interpreter: nil, background: [:])
        default:
            return Family(id: id, name: name, language: "nl", tags: n <= 12 ? ["tweeverdieners"] : [], method: n % 2 == 0 ? .digital : .paperHome,
                          interpreter: nil, background: ["gezin": ["samen"], "thuistaal": ["nederlands"], "werk": [n <= 12 ? "allebei" : "een"]])
        }
    }

    /// Who typed in or verified answers: never in an export.
    static let staff = ["juf Anna", "meester Bram"]

    init(families: [Family] = AdversarialClass.families) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = try String(contentsOfFile: Self.surveyPath, encoding: .utf8)
        let loaded = try SurveyLoader.load(yaml: yaml, file: Self.surveyPath).survey
        database = try SurveyDatabase(path: folder.appendingPathComponent("ouderstem.sqlite").path, create: true)
        try database.initialize(name: "Groep 5B najaar", survey: loaded, yaml: yaml)
        survey = try database.currentSurvey()
        _ = try database.importRoster(families.map {
            Respondent(id: $0.id, group: Self.group, childName: "Kind van \($0.name)", parentNames: $0.name, language: $0.language,
                       contact: "\($0.id)@example.org", tags: $0.tags)
        })
        codes = try database.invite(families.map(\.id)).map(\.code.description)
        for (index, family) in families.enumerated() {
            var values: [String: [String]] = family.background
            for question in survey.questions where question.required { values[question.id] = [question.options[0].id] }
            let eens5 = survey.question("info-duidelijk")!.options.map(\.id)
            let number = index
            values["info-duidelijk"] = [eens5[(number / 5) % 5]]
            values["info-wie"] = [eens5[number % 5]]
            if index == 0 { values["school-doen"] = ["Ik ben \(family.name), bel mij gerust."] }
            if index == 7 { values["nog-vertellen"] = ["=HYPERLINK(\"http://example.org\")"] }
            var answers: Answers = [:]
            for (id, chosen) in values {
                answers[id] = try AnswerParser.parse(survey.question(id)!, values: chosen, otherText: nil)
            }
            let typed = family.method.isEnteredByStaff
            try database.save(NewResponse(respondentID: family.id, method: family.method, language: family.language,
                                          interpreter: family.interpreter, enteredBy: typed ? Self.staff[0] : nil, answers: answers,
                                          verifiedBy: family.method == .paperHome ? Self.staff[1] : nil))
        }
    }

    /// The family number a row of the export belongs to, from its `info-duidelijk` and `info-wie` points.
    static func familyNumber(duidelijk: String?, wie: String?) -> Int? {
        guard let d = duidelijk.flatMap(Int.init), let w = wie.flatMap(Int.init) else { return nil }
        return 5 * (d - 1) + (w - 1) + 1
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
