import Foundation
@testable import SurveyReports
import SurveyCore

/// The attacker of the threat model, written apart from the library: it reads which figures the workbook shows,
/// takes their true values from the test's own answers (the reader knows them: they are published), and works out
/// every whole-number assignment of answers to the families that agrees with all of them. A group of fewer than
/// `k` answerers whose total is the same in every assignment is recovered.
struct BruteForceAttacker {
    let theClass: DisclosureClass
    let book: XlsxReader
    let minGroup: Int

    /// A figure the workbook shows: a segment (by its heading) and an attribute (an option label or a scale's top label).
    struct Published: Hashable {
        var segment: String
        var attribute: String
    }

    /// What was recovered: the families of the group, the attribute and its value.
    struct Recovery: CustomStringConvertible {
        var question: String
        var attribute: String
        var families: [String]
        var value: Int
        var description: String { "\(question) '\(attribute)': \(families.joined(separator: ",")) = \(value)" }
    }

    private var words: Words { Words("nl") }

    /// The segment headings a family falls under, as the Groups sheet names them.
    func segmentNames(_ family: DisclosureClass.Family) -> Set<String> {
        let survey = theClass.survey
        func name(_ dimension: SurveyReports.Dimension, _ key: String) -> String {
            words.segmentName(Segment(dimension: dimension, key: key, size: 0, hidden: false), survey: survey)
        }
        var names: Set<String> = ["Alle ouders", name(.group, family.group), name(.method, family.method.rawValue), name(.language, family.language)]
        for tag in theClass.tags(family) { names.insert(name(.tag, tag)) }
        return names
    }

    /// The question's figures the workbook shows: the theme sheet's overall table when the question is shown, and
    /// every numeric cell of the Groups sheet in the question's rows.
    func published(_ question: Question) -> Set<Published> {
        var result: Set<Published> = []
        let text = question.text.text("nl")
        let shownOnThemeSheet = book.sheetNames.contains { sheet in
            let rows = book.rows(sheet)
            guard let heading = rows.firstIndex(where: { $0.cells[0]?.hasSuffix(" " + text) == true && $0.cells[1] == nil }) else { return false }
            let next = heading + 1 < rows.count ? rows[heading + 1].cells[0] ?? "" : ""
            return !next.hasPrefix("Minder dan") && next != "Nog geen antwoorden."
        }
        if shownOnThemeSheet {
            for label in attributes(question) { result.insert(Published(segment: "Alle ouders", attribute: label)) }
        }
        var headers: [Int: String] = [:]
        var current: String?
        for row in book.rows("Groepen") {
            if row.cells[0] == "Vraag" {
                headers = row.cells.filter { $0.key >= 2 }.mapValues { $0.replacing(/\ \((n = \d+|<\d+)\)$/, with: "") }
                continue
            }
            if let first = row.cells[0], row.cells[1] != nil { current = first }
            guard current == text, let attribute = row.cells[1] else { continue }
            for (column, segment) in headers where row.cells[column].flatMap(Double.init) != nil {
                result.insert(Published(segment: segment, attribute: attribute))
            }
        }
        return result
    }

    /// A question's attribute labels: its options, or for a scale its top label.
    func attributes(_ question: Question) -> [String] {
        if let scaleID = question.scaleID, let scale = theClass.survey.scale(scaleID) { return [scale.topLabel.text("nl")] }
        return question.choices(otherLabel: theClass.survey.interfaceTexts(.other)).map { $0.label.text("nl") }
    }

    /// Whether a family's answer has the attribute.
    func has(_ family: DisclosureClass.Family, _ question: Question, _ attribute: String) -> Bool? {
        guard let chosen = family.answers[question.id] else { return nil }
        if let scaleID = question.scaleID, let scale = theClass.survey.scale(scaleID) {
            let top = scale.points.suffix(scale.top).map(\.id)
            return chosen.contains { top.contains($0) }
        }
        let option = question.choices(otherLabel: theClass.survey.interfaceTexts(.other)).first { $0.label.text("nl") == attribute }!
        return chosen.contains(option.id)
    }

    /// Every group of fewer than `k` answerers (a union of families the roster cannot tell apart) whose count of an
    /// attribute is the same in every assignment that fits the published figures, except a count of zero and a
    /// count of all of them where each lies in a published group of at least `k` that answered so unanimously
    /// (the report says that of the whole group).
    func recoveries(_ question: Question) -> [Recovery] {
        let published = published(question)
        guard !published.isEmpty else { return [] }
        let answerers = theClass.families.filter { $0.answers[question.id] != nil }
        // Atoms: families the roster cannot tell apart by group, method, language and tags.
        var atoms: [[DisclosureClass.Family]] = []
        var index: [Set<String>: Int] = [:]
        for family in answerers {
            let key = segmentNames(family)
            if let i = index[key] { atoms[i].append(family) } else { index[key] = atoms.count; atoms.append([family]) }
        }
        let names = atoms.map { segmentNames($0[0]) }
        var found: [Recovery] = []
        for attribute in attributes(question) {
            let figures = published.filter { $0.attribute == attribute }.map(\.segment)
            guard !figures.isEmpty else { continue }
            let truth = atoms.map { $0.filter { has($0, question, attribute) == true }.count }
            let sizes = atoms.map(\.count)
            let constraints = figures.map { segment in (atoms.indices.filter { names[$0].contains(segment) }, atoms.indices.filter { names[$0].contains(segment) }.reduce(0) { $0 + truth[$1] }) }
            var solutions: [[Int]] = []
            var current = Array(repeating: 0, count: atoms.count)
            func fits(upTo last: Int, complete: Bool) -> Bool {
                for (members, total) in constraints {
                    let sum = members.filter { $0 <= last }.reduce(0) { $0 + current[$1] }
                    let room = members.filter { $0 > last }.reduce(0) { $0 + sizes[$1] }
                    if sum > total || sum + room < total { return false }
                    if complete, sum != total { return false }
                }
                return true
            }
            func enumerate(_ i: Int) {
                if i == atoms.count { solutions.append(current); return }
                for value in 0...sizes[i] {
                    current[i] = value
                    if fits(upTo: i, complete: i == atoms.count - 1) { enumerate(i + 1) }
                }
                current[i] = 0
            }
            enumerate(0)
            // Every union of atoms with fewer than k answerers.
            let small = atoms.indices.filter { sizes[$0] < minGroup }
            for mask in 1..<(1 << small.count) {
                let union = small.indices.filter { mask & (1 << $0) != 0 }.map { small[$0] }
                let size = union.reduce(0) { $0 + sizes[$1] }
                guard size < minGroup else { continue }
                let values = Set(solutions.map { s in union.reduce(0) { $0 + s[$1] } })
                guard values.count == 1, let value = values.first, value > 0 else { continue }
                let unanimousGroups = figures.filter { segment in
                    atoms.indices.filter { names[$0].contains(segment) }.allSatisfy { truth[$0] == sizes[$0] }
                        && atoms.indices.filter { names[$0].contains(segment) }.reduce(0) { $0 + sizes[$1] } >= minGroup
                }
                let unanimous = union.allSatisfy { atom in unanimousGroups.contains { names[atom].contains($0) } }
                if value == size, unanimous { continue }
                found.append(Recovery(question: question.id, attribute: attribute, families: union.flatMap { atoms[$0].map(\.id) }, value: value))
            }
        }
        return found
    }
}
