import SurveyCore
import Testing

/// The one set of answer rules every front door uses, and the messages a parent reads when an answer
/// cannot be taken.
@Suite("Answer parser")
struct AnswerParserTests {
    func question(_ id: String) throws -> Question { try #require(try smallSurvey().question(id)) }

    func problem(_ id: String, _ values: [String], other: String? = nil) throws -> AnswerProblem? {
        do {
            _ = try AnswerParser.parse(question(id), values: values, otherText: other)
            return nil
        } catch let problem as AnswerProblem {
            return problem
        }
    }

    @Test func requiredQuestionCannotBeSkipped() throws {
        let problem = try #require(try problem("kinderen", ["  "]))
        #expect(problem.key == .required)
        #expect(problem.questionID == "kinderen")
        let survey = try smallSurvey()
        #expect(problem.message(in: survey, language: "nl") == "Vul dit in, alstublieft.")
        #expect(problem.message(in: survey, language: "en") == "Please answer this.")
        #expect(problem.message(in: try schoolSurvey(), language: "ar") == "يُرجى الإجابة عن هذا السؤال.")
        // An optional question may be skipped: no answer, no problem.
        #expect(try AnswerParser.parse(question("zelfde-klas"), values: []) == nil)
    }

    @Test func singleChoiceTakesOneKnownOption() throws {
        let answer = try AnswerParser.parse(question("kinderen"), values: [" twee "])
        #expect(answer == Answer(questionID: "kinderen", value: .choice("twee")))
        let unknown = try #require(try problem("kinderen", ["vier"]))
        #expect(unknown.key == .notAnOption)
        #expect(unknown.message(in: try smallSurvey(), language: "nl") == "Kies een van de antwoorden.")
        #expect(unknown.message(in: try smallSurvey(), language: "en") == "Please choose one of the answers.")
        #expect(unknown.message(in: try schoolSurvey(), language: "ar") == "يُرجى اختيار إحدى الإجابات.")
        #expect(try problem("kinderen", ["een", "twee"])?.key == .notAnOption)
        // "anders" is only an option where the survey offers it.
        #expect(try problem("kinderen", [AnswerOption.otherID], other: "vijf")?.key == .notAnOption)
    }

    @Test func multipleChoiceKeepsTheOrderOfTheDefinition() throws {
        let answer = try AnswerParser.parse(question("kanaal"), values: ["gesprek", "app", "gesprek"])
        #expect(answer?.value == .choices(["app", "gesprek"]))
        #expect(try problem("kanaal", ["app", "brief"])?.key == .notAnOption)
    }

    @Test func otherNeedsItsText() throws {
        let answer = try AnswerParser.parse(question("kanaal"), values: ["anders", "mail"], otherText: "  via de buurvrouw ")
        #expect(answer?.value == .choices(["mail", "anders"]))
        #expect(answer?.otherText == "via de buurvrouw")
        for empty in [nil, "", "   "] {
            let problem = try #require(try problem("kanaal", ["anders"], other: empty))
            #expect(problem.key == .otherMissing)
            #expect(problem.message(in: try smallSurvey(), language: "nl") == "U koos 'anders'. Schrijf op wat u bedoelt.")
            #expect(problem.message(in: try smallSurvey(), language: "en") == "You chose 'other'. Please write what you mean.")
            #expect(problem.message(in: try schoolSurvey(), language: "ar") == "لقد اخترت «غير ذلك». يُرجى كتابة ما تقصده.")
        }
        // Text typed in the box without choosing "other" is not kept.
        #expect(try AnswerParser.parse(question("kanaal"), values: ["app"], otherText: "iets")?.otherText == nil)
    }

    @Test func scaleTakesOneOfItsPoints() throws {
        #expect(try AnswerParser.parse(question("tevreden"), values: ["eens"])?.value == .choice("eens"))
        #expect(try problem("tevreden", ["helemaal-eens"])?.key == .notAnOption)
    }

    @Test func numberInRangeWithDutchDecimalComma() throws {
        #expect(try AnswerParser.parse(question("uren"), values: ["2,5"])?.value == .number(2.5))
        #expect(try AnswerParser.parse(question("uren"), values: ["40"])?.value == .number(40))
        #expect(try AnswerParser.parse(question("uren"), values: ["0"])?.value == .number(0))
        // What an Arabic keyboard types: Arabic-Indic digits and its own decimal separator.
        #expect(try AnswerParser.parse(question("uren"), values: ["١٢"])?.value == .number(12))
        #expect(try AnswerParser.parse(question("uren"), values: ["٢٫٥"])?.value == .number(2.5))
        #expect(try AnswerParser.parse(question("uren"), values: ["۳۰"])?.value == .number(30))
        for bad in ["41", "-1", "veel", "nan", "inf"] {
            let problem = try #require(try problem("uren", [bad]), "'\(bad)' was accepted")
            #expect(problem.key == .numberRange)
            #expect(problem.message(in: try smallSurvey(), language: "nl") == "Vul een getal in van 0 tot en met 40.")
            #expect(problem.message(in: try smallSurvey(), language: "en") == "Enter a number from 0 to 40.")
        }
        let school = try schoolSurvey()
        let children = try #require(school.question("aantal-kinderen"))
        // Only plain decimal numbers: what Swift's Double(_:) would also read (hexadecimal, an exponent,
        // a hexadecimal float) is refused, even when its value would be in range.
        for notPlain in ["0x3", "0X3", "1e1", "3E0", "0x1p3", "+inf", "infinity", "NaN", "3.", ".5", "3,5,1", "1 000", "٣e٠"] {
            let problem = try #require(try problem("uren", [notPlain]), "'\(notPlain)' was accepted")
            #expect(problem.key == .numberRange)
        }
        #expect(try AnswerParser.parse(question("uren"), values: [" 7 "])?.value == .number(7))
        #expect(try AnswerParser.parse(question("uren"), values: ["+3"])?.value == .number(3))
        #expect(try AnswerParser.parse(question("uren"), values: ["007"])?.value == .number(7))
        #expect {
            try AnswerParser.parse(children, values: ["11"])
        } throws: { error in
            (error as? AnswerProblem)?.message(in: school, language: "ar") == "أدخل رقمًا من 1 إلى 10."
        }
    }

    @Test func textHasAMaximumLength() throws {
        let twenty = String(repeating: "a", count: 20)
        #expect(try AnswerParser.parse(question("wens"), values: [twenty])?.value == .text(twenty))
        let problem = try #require(try problem("wens", [twenty + "b"]))
        #expect(problem.key == .tooLong)
        #expect(problem.message(in: try smallSurvey(), language: "nl") == "Uw antwoord is te lang. Het mag 20 tekens zijn.")
        #expect(problem.message(in: try smallSurvey(), language: "en") == "Your answer is too long. It may be 20 characters.")
        #expect(problem.message(in: try schoolSurvey(), language: "ar") == "إجابتك طويلة جدًا. الحد الأقصى هو 20 حرف.")
        // Letters, not bytes: twenty Arabic letters fit.
        let arabic = String(repeating: "ب", count: 20)
        #expect(try AnswerParser.parse(question("wens"), values: [arabic])?.value == .text(arabic))
    }
}
