import Foundation
import Testing
@testable import SurveyReports
import SurveyCore
@testable import SurveyStore

/// The team report in the hands of a colleague who knows the roster: nothing about fewer than k parents follows.
@Suite struct DisclosureTests {
    /// Leak 1: one row per response let a reader find the only blended family and the Polish parent.
    @Test func teamWorkbookHoldsNoPerResponseRows() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let (_, book) = try theClass.report()
        #expect(book.sheetNames == ["Samenvatting", "Prioriteiten", "1 Informatie", "2 Over u en uw gezin", "Groepen", "Respons", "Open antwoorden", "Gespreksvragen", "Controle"])
        // No sheet lists the option ids a response row would carry.
        let everything = try XlsxReader.allParts(book.url)
        #expect(!everything.contains("samengesteld"))
        #expect(!everything.contains("helemaal-oneens"))
    }

    /// Leak 2: with oral (1) and interpreter (3) hidden, the shown methods added up to the total minus those 4.
    @Test func hiddenMethodsCannotBeRecoveredAsAGroup() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let (_, book) = try theClass.report()
        let attacker = BruteForceAttacker(theClass: theClass, book: book, minGroup: 5)
        let interviewed = Set(["r01", "r02", "r03", "r04"])
        for id in ["duidelijk", "kind-mee", "kanaal"] {
            let question = try #require(theClass.survey.question(id))
            // The figures by method that are shown must not add up to everyone minus the four interviews.
            let recovered = attacker.recoveries(question).filter { !Set($0.families).isDisjoint(with: interviewed) }
            #expect(recovered.isEmpty, "\(recovered)")
        }
        // And the breakdown is still there for the large methods: digital shows its figures.
        let groups = book.rows("Groepen")
        #expect(groups.contains { $0.cells.values.contains { $0.hasPrefix("Digitaal (eigen apparaat) (n = 7)") } })
    }

    /// The attacker tries every subtraction and intersection of every figure of the report: nothing about fewer than 5.
    @Test func attackerRecoversNothingSmallerThanTheMinimum() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let (_, book) = try theClass.report()
        let attacker = BruteForceAttacker(theClass: theClass, book: book, minGroup: 5)
        var checked = 0
        for question in theClass.survey.questions where question.type.isChoice {
            let recovered = attacker.recoveries(question)
            #expect(recovered.isEmpty, "\(recovered)")
            checked += attacker.published(question).count
        }
        // The report still publishes figures to attack (it is not empty).
        #expect(checked > 10)
    }

    /// Leak 3: a follow-up asked of four parents and a background question answered by one showed their distribution.
    @Test func questionsWithFewerThanKAnswersShowOnlyThat() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let (files, book) = try theClass.report()
        let sheet = "2 Over u en uw gezin"
        for text in ["Krijgen beide ouders de informatie van school?", "Hoe ziet uw gezin eruit?"] {
            let rows = book.rows(sheet)
            let heading = try #require(rows.firstIndex { $0.cells[0]?.hasSuffix(text) == true })
            #expect(rows[heading + 1].cells[0] == "Minder dan 5 antwoorden: om niemand herkenbaar te maken tonen we hier geen cijfers.")
            // Nothing else until the next question: no table, no counts.
            let next = rows[(heading + 2)...].first { $0.cells[0]?.range(of: #"^\d+\.\d+ "#, options: .regularExpression) != nil }
            let between = rows[(heading + 2)..<(next.map { i in rows.firstIndex { $0.row == i.row }! } ?? rows.count)]
            #expect(between.allSatisfy { $0.cells.values.allSatisfy { Double($0) == nil } }, "\(Array(between))")
        }
        // Background options chosen by fewer than 5 (Arabic 3, Polish 1) are hidden, and so is Dutch, or 16 - Dutch = 4.
        let rows = book.rows(sheet)
        let thuistaal = try #require(rows.firstIndex { $0.cells[0]?.hasSuffix("Welke taal spreekt u thuis?") == true })
        for label in ["Nederlands", "Arabisch", "Pools"] {
            let row = try #require(rows[thuistaal...].first { $0.cells[0] == label })
            #expect(row.cells[1] == "<5", "\(label): \(row.cells)")
        }
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(!markdown.contains("Krijgen beide ouders de informatie van school?** (n = 4)"))
    }

    /// Leak 4: open answers carried labels of tag combinations held by two parents.
    @Test func openAnswersCarryNoLabelOfASmallGroup() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        // Default: the texts only.
        let (_, book) = try theClass.report()
        let rows = book.rows("Open antwoorden")
        let answer = try #require(rows.first { $0.cells[0] == "Twee adressen, graag alle brieven dubbel" })
        #expect(answer.cells[1] == nil)
        #expect(!rows.contains { $0.cells.values.contains("Kenmerken") })
        // With groups: only combinations that at least 5 answerers share. Gescheiden (5) and dual earners (6)
        // are large enough alone, but only two parents are both.
        let (_, labelled) = try theClass.report(ReportOptions(openAnswers: .withGroups))
        let labelledRows = labelled.rows("Open antwoorden")
        let row = try #require(labelledRows.first { $0.cells[0] == "Twee adressen, graag alle brieven dubbel" })
        let label = row.cells[1] ?? ""
        #expect(!(label.contains("Gescheiden") && label.contains("Tweeverdieners")), "\(label)")
        // The "other, namely" text of the Polish parent: at most "Dutch as a second language", which five share.
        let polish = try #require(labelledRows.first { $0.cells[0] == "Via mijn buurvrouw" })
        #expect(polish.cells[1] == nil || polish.cells[1] == "Nederlands als tweede taal")
        // None: the sheet says the team chose to leave them out, and no answer appears.
        let (_, none) = try theClass.report(ReportOptions(openAnswers: .none))
        #expect(!none.rows("Open antwoorden").contains { $0.cells[0] == "Twee adressen, graag alle brieven dubbel" })
    }

    /// Two overlapping tags whose difference is two parents: the difference may not be worked out.
    @Test func differenceOfOverlappingTagsIsProtected() throws {
        var families: [DisclosureClass.Family] = []
        for i in 1...20 {
            // Dual earners: 1–9; NT2: 1–7, all of them dual earners, so dual earners minus NT2 is families 8 and 9.
            var tags: [String] = []
            if i <= 9 { tags.append("tweeverdieners") }
            if i <= 7 { tags.append("nt2") }
            families.append(DisclosureClass.Family(id: String(format: "f%02d", i), tags: tags,
                answers: ["duidelijk": [i % 3 == 0 ? "oneens" : "eens"], "kind-mee": [i == 8 || i == 9 || i > 15 ? "ja" : "nee"], "kanaal": ["app"]]))
        }
        let theClass = try DisclosureClass(families)
        defer { theClass.remove() }
        let (_, book) = try theClass.report()
        let attacker = BruteForceAttacker(theClass: theClass, book: book, minGroup: 5)
        for question in theClass.survey.questions where question.type.isChoice {
            let recovered = attacker.recoveries(question)
            #expect(recovered.isEmpty, "\(recovered)")
        }
        // One of the two tags is hidden with "x" (secondary), the other still shown.
        let kindMee = try #require(theClass.survey.question("kind-mee"))
        let shown = Set(attacker.published(kindMee).map(\.segment))
        #expect(shown.contains("Alle ouders"))
        #expect(shown.contains("Tweeverdieners") != shown.contains("Nederlands als tweede taal") || !shown.contains("Tweeverdieners"))
        #expect(book.rows("Groepen").contains { $0.cells.values.contains("x") })
    }

    /// One response: no figure about answers anywhere, and the report still opens and says why.
    @Test func oneResponseShowsNoFigures() throws {
        let theClass = try DisclosureClass([DisclosureClass.Family(id: "f01", answers: ["duidelijk": ["eens"], "kind-mee": ["ja"], "kanaal": ["app"], "opmerking": ["Alleen ik"]])])
        defer { theClass.remove() }
        let (files, book) = try theClass.report()
        let attacker = BruteForceAttacker(theClass: theClass, book: book, minGroup: 5)
        for question in theClass.survey.questions where question.type.isChoice {
            #expect(attacker.published(question).isEmpty)
        }
        #expect(!book.rows("Open antwoorden").contains { $0.cells[0] == "Alleen ik" })
        // The text report names no answer figure and quotes no open answer of the one parent.
        let markdown = try String(contentsOf: files.summary, encoding: .utf8)
        #expect(!markdown.contains("(helemaal) eens:") && !markdown.contains("Alleen ik"))
        #expect(!markdown.contains("## Uit de open antwoorden"))
    }

    /// The disclosure check sheet lists every hidden cell with the attacker's range, and the text says the rule.
    @Test func auditListsHiddenCellsWithTheirRanges() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let (files, book) = try theClass.report()
        let rows = book.rows("Controle")
        #expect(rows.contains { $0.cells[0]?.hasPrefix("Regel: elk getoond cijfer komt van minstens 5 antwoorden") == true })
        // The interpreter interviews (3 answerers) are a primary cell for "kind-mee", with a range the attacker cannot narrow to one value.
        let cells = rows.filter { $0.cells[0] == "Wilt u dat uw kind meedoet aan het gesprek?" && $0.cells[1]?.contains("tolk") == true }
        #expect(!cells.isEmpty)
        for cell in cells {
            let low = try #require(cell.cells[4].flatMap(Double.init)), high = try #require(cell.cells[5].flatMap(Double.init))
            #expect(low < high)
        }
        #expect(files.audit.contains("geslaagd"))
    }

    /// A decision that shows a cell of fewer than k is refused before any file is written.
    @Test func aReportThatFailsItsOwnAuditIsNotWritten() throws {
        let theClass = try DisclosureClass.issueClass()
        defer { theClass.remove() }
        let peiling = try theClass.database.peiling()
        let survey = try theClass.database.currentSurvey()
        var segments = SegmentTable(survey: survey)
        try theClass.database.forEachResponseProfile { segments.record(group: $0.group, tags: $0.tags, method: $0.method.rawValue, language: $0.language) }
        segments.finish(minGroup: 5)
        let aggregate = Aggregate(survey: survey, currentHash: peiling.definitionHash, definitions: [:], segments: segments, minGroup: 5)
        try theClass.database.forEachResponse(byPosition: aggregate.layout.entries.map(\.question.id)) { aggregate.add($0, slots: $1) }
        aggregate.finish()
        var disclosure = DisclosureControl.protect(aggregate, minGroup: 5)
        try DisclosureControl.verify(aggregate, disclosure)
        // Show the interpreter interviews' cell of "kind-mee" after all: the audit must refuse.
        let q = try #require(aggregate.layout.index(of: "kind-mee"))
        let interpreter = try #require(segments.index(of: .method, ResponseMethod.oralInterpreter.rawValue))
        #expect(disclosure.isHidden(q, segment: interpreter))
        disclosure.hidden[q][interpreter] = nil
        #expect(throws: ReportError.self) { try DisclosureControl.verify(aggregate, disclosure) }
    }
}

/// 100,000 responses with a few tiny groups among large ones, counted in memory (the store is tested elsewhere).
@Suite struct DisclosureAtScaleTests {
    @Test func largePeilingHidesOnlyWhatMustBeHiddenAndLeavesNoSmallRemainder() throws {
        let text = try String(contentsOf: DisclosureClass.fixture, encoding: .utf8)
        let survey = try SurveyLoader.load(yaml: text, file: "herkenbaar.yaml").survey
        var generator = SplitMix64(seed: 2026)
        struct Profile { var group: String; var method: ResponseMethod; var language: String; var tags: [String] }
        // Tiny groups: Polish (3), Ukrainian (2), the one group "9Z" (4), oral interviews (4).
        var profiles: [Profile] = []
        for i in 0..<100_000 {
            var language = ["nl", "nl", "nl", "nl", "ar", "tr"][Int(generator.next() % 6)]
            if i < 3 { language = "pl" } else if i < 5 { language = "uk" }
            let group = i >= 5 && i < 9 ? "9Z" : "G\(Int(generator.next() % 40))"
            let method: ResponseMethod = i >= 9 && i < 13 ? .oral : [.digital, .paperHome, .atSchoolConversation][Int(generator.next() % 3)]
            var tags: [String] = []
            for tag in ["gescheiden", "tweeverdieners", "nt2"] where generator.next() % 4 == 0 { tags.append(tag) }
            profiles.append(Profile(group: group, method: method, language: language, tags: tags))
        }
        var segments = SegmentTable(survey: survey)
        for p in profiles { segments.record(group: p.group, tags: p.tags, method: p.method.rawValue, language: p.language) }
        segments.finish(minGroup: 5)
        let aggregate = Aggregate(survey: survey, currentHash: "h", definitions: [:], segments: segments, minGroup: 5)
        let ids = aggregate.layout.entries.map(\.question.id)
        var yes: [String: Int] = [:]  // kind-mee = ja per language, as the test counts it
        for (i, p) in profiles.enumerated() {
            let ja = generator.next() % 3 == 0
            if ja { yes[p.language, default: 0] += 1 }
            let answers: [String: Answer] = [
                "duidelijk": Answer(questionID: "duidelijk", value: .choice(["oneens", "eens", "helemaal-eens"][i % 3])),
                "kind-mee": Answer(questionID: "kind-mee", value: .choice(ja ? "ja" : "nee")),
            ]
            let response = StoredResponse(id: Int64(i), respondentID: nil, definitionHash: "h", method: p.method, language: p.language,
                                          interpreter: nil, enteredBy: nil, group: p.group, tags: p.tags, complete: true, verifiedBy: nil,
                                          createdAt: Date(), updatedAt: Date(), version: 1, answers: answers)
            aggregate.add(response, slots: ids.map { answers[$0] })
        }
        aggregate.finish()
        let disclosure = DisclosureControl.protect(aggregate, minGroup: 5)
        try DisclosureControl.verify(aggregate, disclosure)
        let q = try #require(aggregate.layout.index(of: "kind-mee"))
        // The tiny segments are hidden; the large ones keep their figures.
        for (dimension, key) in [(SurveyReports.Dimension.language, "pl"), (.language, "uk"), (.group, "9Z"), (.method, "oral")] {
            #expect(disclosure.isHidden(q, segment: try #require(segments.index(of: dimension, key))), "\(key)")
        }
        for (dimension, key) in [(SurveyReports.Dimension.language, "nl"), (.tag, "nt2"), (.tag, "gescheiden")] {
            #expect(!disclosure.isHidden(q, segment: try #require(segments.index(of: dimension, key))), "\(key)")
        }
        // To protect a tiny value, one large value of its partition is hidden as well, never more.
        let largeGroups = (0..<40).map { "G\($0)" }.filter { g in disclosure.isHidden(q, segment: segments.index(of: .group, g)!) }
        #expect(largeGroups.count <= 1, "\(largeGroups)")
        let largeMethods = ["digital", "paper_home", "at_school_conversation"].filter { disclosure.isHidden(q, segment: segments.index(of: .method, $0)!) }
        #expect(largeMethods.count <= 1, "\(largeMethods)")
        // In every partition the hidden values together hold 0 or at least 5 parents (counted by the test itself):
        // the total minus the shown ones never gives a small group.
        let hiddenLanguages = ["nl", "ar", "tr", "pl", "uk"].filter { disclosure.isHidden(q, segment: segments.index(of: .language, $0)!) }
        let remainder = profiles.filter { hiddenLanguages.contains($0.language) }.count
        #expect(remainder == 0 || remainder >= 5, "\(hiddenLanguages): \(remainder)")
        let hiddenGroups = Set(profiles.map(\.group)).filter { disclosure.isHidden(q, segment: segments.index(of: .group, $0)!) }
        let groupRemainder = profiles.filter { hiddenGroups.contains($0.group) }.count
        #expect(groupRemainder == 0 || groupRemainder >= 5, "\(hiddenGroups): \(groupRemainder)")
        // The published figure for Dutch is the test's own count.
        #expect(aggregate.count(q, option: 0, segment: segments.index(of: .language, "nl")!) == yes["nl"])
    }
}

/// A small seeded generator so the large test is the same every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
