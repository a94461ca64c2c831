import SurveyCore
import Testing

/// What follows from a set of answers: which questions are shown and which tags a parent reported.
@Suite("Conditions and self-reported tags")
struct SurveyLogicTests {
    func answers(_ pairs: [(String, AnswerValue)]) -> Answers {
        Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Answer(questionID: $0.0, value: $0.1)) })
    }

    @Test func chainedConditionsShowAndHide() throws {
        let survey = try smallSurvey()
        let sameClass = try #require(survey.question("zelfde-klas"))
        let whichClass = try #require(survey.question("welke-klas"))

        #expect(!survey.isVisible(sameClass, given: [:]))
        #expect(!survey.isVisible(whichClass, given: [:]))

        let two = answers([("kinderen", .choice("twee"))])
        #expect(survey.isVisible(sameClass, given: two))
        #expect(!survey.isVisible(whichClass, given: two))

        let twoSame = answers([("kinderen", .choice("meer")), ("zelfde-klas", .choice("ja"))])
        #expect(survey.isVisible(whichClass, given: twoSame))

        // Changing the first answer hides the whole chain, even with the later answers still there.
        let changed = answers([("kinderen", .choice("een")), ("zelfde-klas", .choice("ja")), ("welke-klas", .text("5B"))])
        #expect(!survey.isVisible(sameClass, given: changed))
        #expect(!survey.isVisible(whichClass, given: changed))
        #expect(Set(survey.visibleAnswers(changed).keys) == ["kinderen"])

        let kept = answers([("kinderen", .choice("twee")), ("zelfde-klas", .choice("ja")), ("welke-klas", .text("5B")), ("uren", .number(3))])
        #expect(Set(survey.visibleAnswers(kept).keys) == ["kinderen", "zelfde-klas", "welke-klas", "uren"])
        // Answers to questions the survey does not have are dropped too.
        #expect(survey.visibleAnswers(answers([("bestaat-niet", .text("x"))])).isEmpty)
    }

    @Test func missingRequiredOnlyCountsShownQuestions() throws {
        let survey = try smallSurvey()
        #expect(survey.missingRequired([:]).map(\.id) == ["kinderen"])
        #expect(survey.missingRequired(answers([("kinderen", .choice("een"))])).isEmpty)
    }

    @Test func backgroundAnswersSetTags() throws {
        let survey = try smallSurvey()
        #expect(survey.selfReportedTags([:]).isEmpty)
        #expect(survey.selfReportedTags(answers([("ouders", .choice("een-ouder")), ("taal", .choices(["nederlands", "arabisch"]))]))
            == ["alleenstaand", "nt2"])
        #expect(survey.selfReportedTags(answers([("ouders", .choice("twee-ouders")), ("taal", .choices(["nederlands"]))])).isEmpty)

        let school = try schoolSurvey()
        let family = answers([("gezin", .choice("samengesteld")), ("gescheiden", .choice("ja")), ("werk", .choice("allebei")),
                              ("thuistaal", .choice("nederlands"))])
        #expect(school.selfReportedTags(family) == ["samengesteld", "gescheiden", "tweeverdieners"])
        #expect(school.selfReportedTags(answers([("gezin", .choice("een-ouder")), ("thuistaal", .choice("turks"))])) == ["alleenstaand", "nt2"])
        #expect(school.selfReportedTags(answers([("gezin", .choice("zeg-niet")), ("werk", .choice("zeg-niet"))])).isEmpty)
    }
}
