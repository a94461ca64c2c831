import Foundation
import Hummingbird
import SurveyCore
import SurveyServer
import SurveyStore
import Testing

/// `/staff/overview` on a board's file: each account sees the peilingen of its own scope side by side,
/// with the figures of each peiling's own report and no names.
@Suite struct BoardOverviewPageTests {
    /// Every family of "Klimop groep 3" answers the survey's first need question at the top of its scale.
    static func schoolsWithAnswers(on backend: ServerTestBackend) throws -> (schools: TwoSchools, question: Question) {
        let schools = try TwoSchools(on: backend)
        let survey = schools.peiling.survey
        let question = try #require(survey.themes.flatMap(\.questions).first {
            $0.type == .scale && $0.scaleID.flatMap(survey.scale).map { Self.isNeed($0) } == true
        })
        let top = try #require(question.scaleID.flatMap(survey.scale)?.points.last?.id)
        let klimop = schools.handles[TwoSchools.klimop]!
        for id in ["L01", "L02", "L03", "L04", "L05"] {
            let answer = try #require(try AnswerParser.parse(question, values: [top], otherText: nil))
            try klimop.save(NewResponse(respondentID: id, method: .digital, language: "nl", answers: [question.id: answer]))
        }
        return (schools, question)
    }

    static func isNeed(_ scale: Scale) -> Bool { scale.topLabel.dutch.contains("behoefte") }

    @Test(arguments: ServerTestBackend.available) func theBoardSeesEverySchoolWithEachPeilingsOwnFigures(_ backend: ServerTestBackend) async throws {
        let (schools, question) = try Self.schoolsWithAnswers(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer { browser in
            let list = try await browser.logIn(as: TwoSchools.board)
            #expect(list.body.contains("href=\"/staff/overview\""), "the board's list leads to the overview")
            let page = try await browser.get("/staff/overview")
            #expect(page.status == .ok)
            #expect(page.body.contains("<th scope=\"row\">De Klimop</th><td class=\"number\">1</td><td class=\"number\">5 van 5 (100%)</td>"), "\(page.body)")
            #expect(page.body.contains("<th scope=\"row\">De Regenboog</th><td class=\"number\">2</td><td class=\"number\">0 van 10 (0%)</td>"))
            // The one finding: 100% of Klimop, "–" where nobody answered, and its question listed under the table.
            #expect(page.body.contains("<a href=\"\(schools.base(TwoSchools.klimop))\">\(TwoSchools.klimop)</a></th><td class=\"number\">5 van 5 (100%)</td><td class=\"number\">100% *</td>"))
            #expect(page.body.contains("<a href=\"\(schools.base(TwoSchools.groep7))\">\(TwoSchools.groep7)</a></th><td class=\"number\">0 van 5 (0%)</td><td class=\"number\">–</td>"))
            #expect(page.body.contains("<li>\(question.text.dutch) — %"))
            for name in ["Amira", "Bram", "Chloé", "Daan", "Esra"] { #expect(!page.body.contains(name)) }
            let english = try await browser.get("/staff/overview?lang=en")
            #expect(english.body.contains("5 of 5 (100%)"))
            // The text download, in the language just chosen (remembered like every dashboard page).
            let text = try await browser.get("/staff/overview.md")
            #expect(text.status == .ok)
            #expect(text.body.contains("| De Klimop | \(TwoSchools.klimop) | 5 of 5 (100%) | 100% * |"), "\(text.body)")
        }
    }

    @Test(arguments: ServerTestBackend.available) func aCoordinatorOrTeacherSeesOnlyTheirOwnScope(_ backend: ServerTestBackend) async throws {
        let (schools, _) = try Self.schoolsWithAnswers(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer { browser in
            _ = try await browser.logIn(as: TwoSchools.coordinator)
            let coordinator = try await browser.get("/staff/overview")
            #expect(coordinator.status == .ok)
            #expect(coordinator.body.contains(TwoSchools.groep5) && coordinator.body.contains(TwoSchools.groep7))
            #expect(!coordinator.body.contains("Klimop"), "another school's peiling and figures stay out")
            #expect(!(try await browser.get("/staff/overview.md")).body.contains("Klimop"))
        }
        try await schools.peiling.withServer { browser in
            _ = try await browser.logIn(as: TwoSchools.teacher)
            let teacher = try await browser.get("/staff/overview")
            #expect(teacher.body.contains(TwoSchools.groep5))
            #expect(!teacher.body.contains(TwoSchools.groep7) && !teacher.body.contains("Klimop"))
        }
    }

    @Test(arguments: ServerTestBackend.available) func withoutALoginTheOverviewLeadsToTheLoginPage(_ backend: ServerTestBackend) async throws {
        let schools = try TwoSchools(on: backend)
        defer { schools.peiling.cleanUp() }
        try await schools.peiling.withServer { browser in
            for path in ["/staff/overview", "/staff/overview.md"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther || response.status == .found, "\(path): \(response.status)")
                #expect(!response.body.contains("Regenboog"))
            }
        }
    }
}
