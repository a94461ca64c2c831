import SurveyCore

/// Question numbers as `ouderstem survey show` prints them and the terminal entry accepts them:
/// theme number, dot, question number within the theme ("2.3").
struct PaperNumbering {
    private let survey: Survey

    init(_ survey: Survey) {
        self.survey = survey
    }

    func number(of questionID: String) -> String? { survey.questionNumber(questionID) }
}
