import SurveyCore
import SurveyStore

/// `Data`: one row per response, one column per question (codes, and labels beside them), anonymous, for pivot tables.
///
/// Rows are written while the responses stream past, so memory stays flat at any size. Groups, methods, languages
/// and tags that are hidden elsewhere are hidden here too: their value is "<k", a hidden tag has no column.
final class DataSheet {
    private let sheet: Sheet
    private let layout: QuestionLayout
    private let segments: SegmentTable
    private let words: Words
    private let minGroup: Int
    private let versions: [String: Int]
    private let visibleTags: [String]
    private let labels: [[String]]
    private let ids: [String]
    private let types: [QuestionType]
    private let optionIDs: [[String]]
    private let methodLabels: [String: String]
    private(set) var rows = 0

    /// The number of columns for a survey, to decide on constant-memory mode before the workbook exists.
    static func columnCount(survey: Survey, segments: SegmentTable) -> Int {
        let tags = segments.segmentIndices(of: .tag).filter { !segments[$0].hidden }.count
        return 5 + tags + survey.questions.reduce(0) { $0 + ($1.type.isChoice ? 2 : 1) }
    }

    init(sheet: Sheet, layout: QuestionLayout, segments: SegmentTable, survey: Survey, definitions: [String: Survey],
         words: Words, minGroup: Int) throws {
        self.sheet = sheet
        self.layout = layout
        self.segments = segments
        self.words = words
        self.minGroup = minGroup
        versions = definitions.mapValues(\.version)
        visibleTags = segments.segmentIndices(of: .tag).filter { !segments[$0].hidden }.map { segments[$0].key }
        labels = layout.entries.map { $0.options.map { words($0.label) } }
        ids = layout.entries.map(\.question.id)
        types = layout.entries.map(\.question.type)
        optionIDs = layout.entries.map { $0.options.map(\.id) }
        methodLabels = Dictionary(ResponseMethod.allCases.map { ($0.rawValue, words($0.label)) }, uniquingKeysWith: { a, _ in a })

        var headers = [words("Nr", "No"), words("Afnamewijze", "Method"), words("Taal", "Language"), words("Groep", "Group"), words("Versie", "Version")]
        headers += visibleTags.map { tag in survey.tag(tag).map { words($0.label) } ?? tag }
        for entry in layout.entries {
            headers.append(entry.question.id)
            if entry.question.type.isChoice { headers.append(entry.question.id + words(" (tekst)", " (label)")) }
        }
        try sheet.width(0, 0, 7)
        try sheet.width(1, 1, 24)
        try sheet.width(2, 4, 9)
        try sheet.width(5, 4 + visibleTags.count, 12)
        var column = 5 + visibleTags.count
        for entry in layout.entries {
            if entry.question.type.isChoice {
                try sheet.width(column, column, entry.question.type == .scale ? 10 : 14)
                try sheet.width(column + 1, column + 1, 24)
                column += 2
            } else {
                try sheet.width(column, column, entry.question.type == .text ? 40 : 10)
                column += 1
            }
        }
        try sheet.headerRow(headers)
        try sheet.freeze(rows: 1, columns: 1)
        // Fitting dozens of columns onto one page width makes them unreadable: the Data sheet prints across pages.
        try sheet.printSetup(repeatRows: 0...0, fitWidth: false)
        sheet.advance()
    }

    private func shown(_ dimension: Dimension, _ key: String) -> Bool {
        guard let s = segments.index(of: dimension, key) else { return false }
        return !segments[s].hidden
    }

    /// Writes one response as a row.
    func add(_ response: StoredResponse, slots: [Answer?]) throws {
        let f = sheet.formats
        rows += 1
        let hidden = words.hidden(minGroup)
        try sheet.number(0, Double(rows), f.integer)
        let method = response.method.rawValue
        try sheet.text(1, shown(.method, method) ? (methodLabels[method] ?? method) : hidden)
        try sheet.text(2, shown(.language, response.language) ? response.language : hidden)
        let group = response.group ?? ""
        try sheet.text(3, shown(.group, group) ? (group.isEmpty ? words("(zonder groep)", "(no group)") : group) : hidden)
        if let version = versions[response.definitionHash] { try sheet.number(4, Double(version), f.integer) }
        for (i, tag) in visibleTags.enumerated() {
            try sheet.number(5 + i, response.tags.contains(tag) ? 1 : 0, f.integer)
        }
        var column = 5 + visibleTags.count
        for q in 0..<ids.count {
            let answer = slots[q]
            switch types[q] {
            case .single, .scale, .multiple:
                if let answer {
                    let chosen: [Int]
                    if case .choice(let id) = answer.value { chosen = QuestionLayout.find(id, in: optionIDs[q]).map { [$0] } ?? [] }
                    else { chosen = answer.chosen.compactMap { QuestionLayout.find($0, in: optionIDs[q]) } }
                    if types[q] == .scale, chosen.count == 1 {
                        try sheet.number(column, Double(chosen[0] + 1), f.integer)
                    } else {
                        try sheet.text(column, chosen.count == 1 ? optionIDs[q][chosen[0]] : chosen.map { optionIDs[q][$0] }.joined(separator: " "))
                    }
                    var text = chosen.count == 1 ? labels[q][chosen[0]] : chosen.map { labels[q][$0] }.joined(separator: "; ")
                    if let other = answer.otherText, !other.isEmpty { text += " — \(other)" }
                    try sheet.text(column + 1, text)
                }
                column += 2
            case .number:
                if case .number(let value)? = answer?.value { try sheet.number(column, value) }
                column += 1
            case .text:
                if case .text(let value)? = answer?.value { try sheet.text(column, value) }
                column += 1
            }
        }
        sheet.advance()
    }

    /// Autofilter over everything written.
    func finish() throws {
        var columns = 5 + visibleTags.count
        for entry in layout.entries { columns += entry.question.type.isChoice ? 2 : 1 }
        try sheet.autofilter(rows: 0...max(rows, 1), columns: 0...(columns - 1))
    }
}
