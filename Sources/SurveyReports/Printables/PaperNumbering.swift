import SurveyCore

/// Question numbers as `ouderstem survey show` prints them and the terminal entry accepts them:
/// theme number, dot, question number within the theme ("2.3").
struct PaperNumbering {
    private let numbers: [String: String]

    init(_ survey: Survey) {
        var numbers: [String: String] = [:]
        for (t, theme) in survey.themes.enumerated() {
            for (q, question) in theme.questions.enumerated() { numbers[question.id] = "\(t + 1).\(q + 1)" }
        }
        self.numbers = numbers
    }

    func number(of questionID: String) -> String? { numbers[questionID] }
}
