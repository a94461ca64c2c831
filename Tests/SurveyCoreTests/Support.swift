import Foundation
import SurveyCore
import Testing

/// Where the test fixtures and the shipped surveys are, found from this source file.
enum Paths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let surveys = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Surveys")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static func survey(_ name: String) -> String { surveys.appendingPathComponent(name).path }
}

/// Loads a definition that must be valid.
func loadValid(_ path: String) throws -> (survey: Survey, warnings: [Diagnostic]) {
    do {
        return try SurveyLoader.load(path: path)
    } catch let error as SurveyDefinitionError {
        Issue.record("\(path) should load, but: \(error.description)")
        throw error
    }
}

/// The small valid fixture survey.
func smallSurvey() throws -> Survey { try loadValid(Paths.fixture("valid.yaml")).survey }

/// The school survey shipped in Surveys/.
func schoolSurvey() throws -> Survey { try loadValid(Paths.survey("behoeften-ouders.yaml")).survey }
