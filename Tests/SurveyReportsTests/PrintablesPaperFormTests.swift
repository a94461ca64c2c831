import Foundation
import SurveyCore
import Testing
@testable import SurveyReports

@Suite("Paper form")
struct PrintablesPaperFormTests {
    static let survey = try! SurveyLoader.load(path: PrintablesFixture.surveyPath).survey

    /// The block of one question in the form.
    static func block(_ id: String, in html: String) -> String {
        html.components(separatedBy: "data-question=\"\(id)\"")[1].components(separatedBy: "<div class=\"q\"")[0]
            .components(separatedBy: "</div>\n<div class=\"theme")[0]
    }

    @Test("Every question is numbered theme.question as `survey show` numbers it, with its text")
    func numbering() {
        let html = PaperForm(survey: Self.survey).blank()
        for (t, theme) in Self.survey.themes.enumerated() {
            #expect(html.contains("<span class=\"num\" dir=\"ltr\">\(t + 1).</span> \(PrintHTML.escape(theme.title.dutch))"))
            for (q, question) in theme.questions.enumerated() {
                let block = Self.block(question.id, in: html)
                #expect(block.contains("<span class=\"num\" dir=\"ltr\">\(t + 1).\(q + 1)</span><span class=\"qt\">\(PrintHTML.escape(question.text.dutch))"))
            }
        }
        #expect(PrintablesHTML.count("<div class=\"q\"", in: html) == Self.survey.questions.count)
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("size: A4"))
    }

    @Test("Choice questions have one numbered box per answer; 'other' has a line; text has lines; number has digit boxes")
    func boxes() throws {
        let html = PaperForm(survey: Self.survey).blank()
        let otherLabel = Self.survey.interfaceTexts(.other)
        var sawOther = false, sawText = false, sawNumber = false, sawScale = false
        for question in Self.survey.questions {
            let block = Self.block(question.id, in: html)
            switch question.type {
            case .single, .multiple, .scale:
                let choices = question.choices(otherLabel: otherLabel)
                #expect(PrintablesHTML.count("<span class=\"box\"></span>", in: block) == choices.count, "\(question.id)")
                for (index, option) in choices.enumerated() {
                    #expect(block.contains("<span class=\"n\" dir=\"ltr\">\(index + 1)</span><span class=\"label\">\(PrintHTML.escape(option.label.dutch))"))
                }
                if question.allowsOther {
                    sawOther = true
                    #expect(block.contains("Anders, namelijk:</span><span class=\"fill\"></span>"))
                }
                sawScale = sawScale || question.type == .scale
            case .text:
                sawText = true
                #expect(PrintablesHTML.count("<span class=\"line\"></span>", in: block) == 4)
                #expect(block.contains(PrintHTML.escape(Self.survey.interfaceText(.textHint, "nl"))))
            case .number:
                sawNumber = true
                let digits = String(Int(question.maximum ?? 999)).count
                #expect(PrintablesHTML.count("<span class=\"cbox\"></span>", in: block) == max(2, digits))
                if let minimum = question.minimum, let maximum = question.maximum {
                    #expect(block.contains("Vul een getal in van \(AnswerParser.format(minimum)) tot en met \(AnswerParser.format(maximum))."))
                }
            }
        }
        #expect(sawOther && sawText && sawNumber && sawScale)
    }

    @Test("A condition is a plain instruction naming the earlier question's number and answers")
    func conditions() throws {
        let numbering = PaperNumbering(Self.survey)
        let conditional = Self.survey.questions.filter { $0.showIf != nil }
        #expect(!conditional.isEmpty)
        let dutch = PaperForm(survey: Self.survey).blank()
        let english = PaperForm(survey: Self.survey).blank(language: "en")
        for question in conditional {
            let condition = question.showIf!
            let target = Self.survey.question(condition.question)!
            let number = numbering.number(of: target.id)!
            let labels = condition.answered.map { id in target.options.first { $0.id == id }!.label }
            let block = Self.block(question.id, in: dutch)
            #expect(block.contains("Alleen invullen als u bij vraag \(number) "))
            for label in labels { #expect(block.contains(PrintHTML.escape("'\(label.dutch)'"))) }
            let englishBlock = Self.block(question.id, in: english)
            #expect(englishBlock.contains("Only answer this if you chose "))
            #expect(englishBlock.contains(" at question \(number)."))
            for label in labels { #expect(englishBlock.contains(PrintHTML.escape("'\(label.text("en"))'"))) }
        }
    }

    @Test("The background section is marked optional and says why we ask")
    func background() throws {
        let html = PaperForm(survey: Self.survey).blank()
        let theme = try #require(Self.survey.themes.first { $0.isBackground })
        let section = html.components(separatedBy: "<div class=\"theme background\">")[1]
        #expect(section.contains(PrintHTML.escape(Self.survey.interfaceText(.optional, "nl"))))
        #expect(section.contains(PrintHTML.escape(try #require(theme.intro).dutch)))
        #expect(PrintablesHTML.count("<div class=\"theme background\">", in: html) == Self.survey.themes.filter(\.isBackground).count)
    }

    @Test("Arabic form: right to left, Arabic texts, and the Dutch question beside each one for staff")
    func arabic() {
        let html = PaperForm(survey: Self.survey).blank(language: "ar")
        #expect(html.contains("<section class=\"form\" lang=\"ar\" dir=\"rtl\">"))
        // Theme numbers read "1." right to left (the dot left of the number), question numbers stay "1.1".
        #expect(html.contains("<h2><span class=\"num\" dir=\"rtl\">1.</span> \(PrintHTML.escape(Self.survey.themes[0].title.text("ar")))"))
        #expect(html.contains(PrintHTML.escape(Self.survey.interfaceText(.paperInstructions, "ar"))))
        let numbering = PaperNumbering(Self.survey)
        for question in Self.survey.questions {
            let block = Self.block(question.id, in: html)
            #expect(block.contains(PrintHTML.escape(question.text.text("ar"))))
            #expect(block.contains("<p class=\"nl small\" lang=\"nl\" dir=\"ltr\">\(numbering.number(of: question.id)!) \(PrintHTML.escape(question.text.dutch))</p>"))
        }
    }

    @Test("Blank form: boxes to write the code; per parent: the code filled in, one form per page")
    func codes() throws {
        let blank = PaperForm(survey: Self.survey).blank()
        let field = blank.components(separatedBy: "<div class=\"code-field\">")[1].components(separatedBy: "</div>")[0]
        #expect(PrintablesHTML.count("<span class=\"cbox\"></span>", in: field) == 18)

        let fixture = try PrintablesFixture()
        defer { fixture.remove() }
        let copies = fixture.invitations.map { PaperForm.Copy(language: "nl", code: $0.code, respondent: $0.respondent) }
        let html = PaperForm(survey: fixture.survey).html(copies)
        let forms = PrintablesHTML.sections(html, class: "form")
        #expect(forms.count == copies.count)
        #expect(html.contains("break-after: page"))
        for (form, copy) in zip(forms, copies) {
            let top = form.components(separatedBy: "<h1>")[0]
            let shown = top.replacingOccurrences(of: "<span class=\"dash\">-</span>", with: "-")
            #expect(shown.contains(copy.code!.description))
            #expect(!top.contains("cbox"))
            #expect(try InvitationCode(parsing: copy.code!.description) == copy.code)
        }
    }

    @Test("Survey texts are escaped: a <script> in a question stays text")
    func escaping() {
        var survey = Self.survey
        survey.themes[0].questions[0].text["nl"] = "Wat vindt u <script>alert('x')</script> van ons?"
        survey.themes[0].questions[0].options[0].label["nl"] = "Ja & \"graag\""
        let html = PaperForm(survey: survey).blank()
        #expect(PrintablesHTML.count("<script>", in: html) == 1, "the only script is the page-break script")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Wat vindt u &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; van ons?"))
        #expect(html.contains("Ja &amp; &quot;graag&quot;"))
    }
}
