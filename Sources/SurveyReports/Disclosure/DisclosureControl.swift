import Foundation
import SurveyCore

/// Decides which figures about answers a report may publish: one decision for the workbook, the text summary and
/// the staff dashboard's downloads.
///
/// Threat model. The reader knows the roster (names, groups, tags, home languages, and who was interviewed how,
/// with or without an interpreter), knows who answered, and reads every number the report publishes: counts,
/// percentages, means and margins of every table, and combines them (subtraction, intersection, any linear
/// combination, with the knowledge that counts are whole people between 0 and the group's size). Nothing about
/// the answers of fewer than `k` parents (`--min-group`, default 5) may follow.
///
/// Rules, per question:
/// 1. Primary suppression (threshold rule): the question is shown only when at least `k` parents answered it;
///    a segment's figures only when at least `k` in it answered.
/// 2. Secondary suppression over all tables together: the published segments may not combine linearly into any
///    group of fewer than `k` answerers (`AttackerProgram.smallestDerivableGroup`, a mixed-integer program solved
///    by GLPK). While one exists, the smallest segment the combination uses is hidden as well.
/// 3. Audit of every hidden cell and of every class smaller than `k` the reader can tell apart: the attacker's
///    linear program (tau-ARGUS, Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 4; R's sdcTable)
///    gives the smallest and largest count consistent with everything published. A range that collapses to a
///    positive number is a disclosure, unless it is "all of them" and each of them lies in a published group of at
///    least `k` that answered unanimously (then the report says that of those groups anyway); the segment whose figure binds is hidden
///    and the question checked again. A range pinned at zero ("nobody there chose it") is allowed, as tau-ARGUS
///    treats empty cells by default.
/// Background questions (where tags come from) show an option only when at least `k` chose it, and number
/// questions show their values in bins of at least `k`.
/// Weighted shares: the reader can compute every family's weight from the roster and who answered, so a weighted
/// share is one more equation with unequal coefficients. It is shown only for a scale's overall top share of a
/// shown question, rounded to whole percentages, and only when `WeightedShareCheck` finds that it pins no hidden
/// cell and no class of fewer than `k` that the unweighted figures leave open.
struct Disclosure {
    enum Reason: Sendable { case primary, secondary }

    /// A hidden breakdown cell and the attacker's best range per attribute.
    struct HiddenCell {
        var question: Int
        var segment: Int
        var reason: Reason
        var ranges: [(attribute: Int, low: Int, high: Int)]
    }

    /// A bin of a number question's values with at least `k` answers.
    struct NumberBin: Equatable {
        var low: Double
        var high: Double
        var count: Int
    }

    let minGroup: Int
    fileprivate(set) var questionShown: [Bool]
    var hidden: [[Int: Reason]]
    /// Per question, the shown segments that the last pass of rule 3 audited (what `verify` compares against).
    fileprivate var audited: [[Int]]
    fileprivate(set) var cells: [HiddenCell] = []
    fileprivate(set) var hiddenOptions: [Set<Int>]
    fileprivate(set) var numberBins: [[NumberBin]]
    /// Classes smaller than `k` whose ranges the audit checked.
    fileprivate(set) var smallClassesChecked = 0
    /// Counts of 0 in small classes and ranges pinned at 0: at most "nobody there chose it" follows, which is allowed.
    fileprivate(set) var zeroCounts = 0
    /// Ranges pinned by a unanimous published group of at least `k` (reported in the audit).
    fileprivate(set) var unanimousPins = 0
    /// Linear and integer programs solved.
    fileprivate(set) var programs = 0

    /// Takes question `q`'s decisions, and what it added to the cells and counts, from `part`: a copy of `base`
    /// in which only question `q` was protected.
    fileprivate mutating func join(_ part: Disclosure, question q: Int, startedFrom base: Disclosure) {
        questionShown[q] = part.questionShown[q]
        hidden[q] = part.hidden[q]
        audited[q] = part.audited[q]
        cells += part.cells.dropFirst(base.cells.count)
        smallClassesChecked += part.smallClassesChecked - base.smallClassesChecked
        zeroCounts += part.zeroCounts - base.zeroCounts
        unanimousPins += part.unanimousPins - base.unanimousPins
        programs += part.programs - base.programs
    }

    /// Whether a figure of question `q` in segment `s` is hidden (the whole question, or that cell).
    func isHidden(_ q: Int, segment s: Int) -> Bool {
        !questionShown[q] || (s != 0 && hidden[q][s] != nil)
    }

    /// Why a cell is hidden; nil for a shown cell or a question hidden as a whole.
    func reason(_ q: Int, segment s: Int) -> Reason? { hidden[q][s] }

    func primaryCount() -> Int { cells.filter { $0.reason == .primary }.count }
    func secondaryCount() -> Int { cells.filter { $0.reason == .secondary }.count }
}

/// Builds the `Disclosure` of a peiling from its counts.
enum DisclosureControl {
    /// The neighbourhoods tried, in classes, for a small count that rectangles and transfers did not settle.
    /// Measured on 100,000 responses (seven multiple-choice questions, 670 such counts): 20 classes settle about a
    /// third, 40 two thirds, 80 and 160 the rest; 640 is the last step before the full program.
    static let neighbourhoods = [20, 40, 80, 160, 640]
    /// Below this many classes the full program, a batch of counts at a time, is faster than many small programs
    /// (1,000 families, 700 classes: 9 s against 16 s for the report); above it the full program grows to minutes
    /// (100,000 responses: 7,300 classes).
    static let neighbourhoodsFrom = 2_000

    static func protect(_ a: Aggregate, minGroup k: Int) -> Disclosure {
        let questions = a.layout.entries.count
        var d = Disclosure(minGroup: k, questionShown: (0..<questions).map { a.answered($0) >= k },
                           hidden: Array(repeating: [:], count: questions), audited: Array(repeating: [], count: questions),
                           hiddenOptions: Array(repeating: [], count: questions),
                           numberBins: Array(repeating: [], count: questions))
        let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
        var breakdowns: [Int] = []
        for (q, entry) in a.layout.entries.enumerated() where d.questionShown[q] {
            switch entry.question.type {
            case .number: d.numberBins[q] = bins(a.numberValues[q], minGroup: k)
            case .text: break
            case .single, .multiple, .scale:
                if entry.theme.isBackground {
                    d.hiddenOptions[q] = smallOptions(a, q, minGroup: k)
                } else {
                    breakdowns.append(q)
                }
            }
        }
        // Questions are protected independently, so each core takes the next one (multiple choice, the slowest,
        // first) and the results are joined in question order: the same report as one question after another.
        breakdowns.sort { (a.layout.entries[$0].question.type == .multiple ? 0 : 1, $0) < (a.layout.entries[$1].question.type == .multiple ? 0 : 1, $1) }
        let (base, jobs) = (d, breakdowns)
        // The aggregate is complete before disclosure control starts and only read from here on.
        nonisolated(unsafe) let aggregate = a
        let parts = Protected(count: questions)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            var part = base
            protectBreakdown(aggregate, jobs[j], candidates: candidates, into: &part)
            parts.set(jobs[j], part)
        }
        for q in breakdowns.sorted() { d.join(parts[q]!, question: q, startedFrom: base) }
        return d
    }

    /// Per question, its protection worked out on one thread.
    private final class Protected: @unchecked Sendable {
        private var parts: [Disclosure?]
        private let lock = NSLock()
        init(count: Int) { parts = Array(repeating: nil, count: count) }
        func set(_ q: Int, _ part: Disclosure) { lock.withLock { parts[q] = part } }
        subscript(q: Int) -> Disclosure? { lock.withLock { parts[q] } }
    }

    /// The attacker's view of a choice question: attributes are the options, or for a scale its top share.
    static func attackerQuestion(_ a: Aggregate, _ q: Int) -> AttackerProgram.Question {
        let entry = a.layout.entries[q]
        let atoms = a.segments.atoms.indices.filter { a.answered(q, atom: $0) > 0 }
        let optionCount = entry.options.count
        var counts: [[Int]] = []
        var attributes: Int
        var published: [Int]
        if let scale = entry.scale {
            // Per segment a scale shows its top share; the top and the rest are the attributes.
            let top = Set(optionCount - scale.top..<optionCount)
            counts = atoms.map { atom in
                let high = top.reduce(0) { $0 + a.count(q, option: $1, atom: atom) }
                return [high, a.answered(q, atom: atom) - high]
            }
            attributes = 2
            published = [0]
        } else {
            counts = atoms.map { atom in (0..<optionCount).map { a.count(q, option: $0, atom: atom) } }
            attributes = optionCount
            published = Array(0..<optionCount)
        }
        return AttackerProgram.Question(
            atoms: atoms, answerers: atoms.map { a.answered(q, atom: $0) }, counts: counts,
            members: atoms.map { Set(a.segments.atoms[$0].segments) },
            exclusive: entry.question.type != .multiple, publishedAttributes: published, attributeCount: attributes)
    }

    /// Rules 1–3 for one question's breakdowns.
    private static func protectBreakdown(_ a: Aggregate, _ q: Int, candidates: [Int], into d: inout Disclosure) {
        let k = d.minGroup
        let question = attackerQuestion(a, q)
        var published = [0]
        for s in candidates {
            let n = a.answered(q, segment: s)
            if n >= k, !a.segments[s].hidden { published.append(s) } else if n > 0 { d.hidden[q][s] = .primary }
        }
        while true {
            let attacker = AttackerProgram(question: question, published: published)
            d.programs += 1
            if let group = attacker.smallestDerivableGroup(minGroup: k) {
                let victim = group.segments.filter { $0 != 0 }.min { (a.answered(q, segment: $0), $0) < (a.answered(q, segment: $1), $1) }
                guard let victim else { d.questionShown[q] = false; return }
                published.removeAll { $0 == victim }
                d.hidden[q][victim] = .secondary
                continue
            }
            switch audit(a, q, question: question, attacker: attacker, hidden: d.hidden[q], into: &d) {
            case .passed(let cells):
                d.cells += cells
                d.audited[q] = published.sorted()
                return
            case .pinned(let binding):
                let victim = binding.filter { $0 != 0 && published.contains($0) }
                    .min { (a.answered(q, segment: $0), $0) < (a.answered(q, segment: $1), $1) }
                guard let victim else { d.questionShown[q] = false; return }
                published.removeAll { $0 == victim }
                d.hidden[q][victim] = .secondary
            }
        }
    }

    enum AuditOutcome {
        case passed([Disclosure.HiddenCell])
        /// A range collapsed; the published segments whose figures bind it (or that overlap it).
        case pinned(Set<Int>)
    }

    /// Rule 3: the ranges of every hidden cell and every small class, for the current published segments.
    static func audit(_ a: Aggregate, _ q: Int, question: AttackerProgram.Question, attacker: AttackerProgram,
                      hidden: [Int: Disclosure.Reason], into d: inout Disclosure) -> AuditOutcome {
        let k = d.minGroup
        // Built on first use: often the transfers settle every small class and the full program is not needed.
        lazy var ranges = AttackerProgram.Ranges(question: question, published: attacker.published, hidden: hidden.keys.sorted())
        // A scale's hidden cell is its top share; a choice question's, each option.
        let shown = a.layout.entries[q].scale != nil ? [0] : Array(0..<question.attributeCount)
        var cells: [Disclosure.HiddenCell] = []
        var zeroCounts = 0, unanimousPins = 0

        // Segments whose figures bind a pin; when the solver reports none, every published one that overlaps.
        func overlapping(_ target: AttackerProgram.Target) -> Set<Int> {
            Set(attacker.published.filter { s in target.positions.contains { question.members[$0].contains(s) } })
        }

        func check(_ target: AttackerProgram.Target, _ attributes: [Int]) -> (ranges: [(attribute: Int, low: Int, high: Int)], pinned: Set<Int>?) {
            var found: [(attribute: Int, low: Int, high: Int)] = []
            for t in attributes {
                let (low, high, binding) = ranges.range(target, attribute: t)
                found.append((t, low, high))
                guard low == high, low > 0 else {
                    if low == high { zeroCounts += 1 }
                    continue
                }
                if unanimous(question, target, attribute: t, published: attacker.published, value: low) {
                    unanimousPins += 1
                    continue
                }
                return (found, binding.isEmpty ? overlapping(target) : binding)
            }
            return (found, nil)
        }

        for s in hidden.keys.sorted() {
            let positions = question.atoms.indices.filter { question.members[$0].contains(s) }
            guard !positions.isEmpty else { continue }
            let result = check(AttackerProgram.Target(positions: positions), shown)
            if let binding = result.pinned { return .pinned(binding) }
            cells.append(Disclosure.HiddenCell(question: q, segment: s, reason: hidden[s]!, ranges: result.ranges))
        }
        // Small classes: a count of 0 can at most tell "nobody there chose it", which is allowed; a count fixed by a
        // published group in which everybody chose the attribute says nothing new. Most others are proven free by a
        // rectangle, then by transfers, then by programs over their nearest classes, the rest by the full program a
        // batch at a time; only those left get their own ranges.
        let classes = attacker.classes
        let small = classes.indices.filter { attacker.answerers(classes[$0]) < k }
        let totals = question.totals(attacker.published)
        var coordinates: [TransferProgram.Coordinate] = []
        for c in small {
            let target = classes[c]
            let signature = attacker.signatures[c].map { attacker.published[$0] }
            let size = attacker.answerers(target)
            for t in shown {
                let truth = target.positions.reduce(0) { $0 + question.counts[$1][t] }
                let visible = signature.filter { $0 == 0 || question.publishedAttributes.contains(t) }
                if truth == 0 {
                    zeroCounts += 1
                } else if visible.contains(where: { totals[$0]!.counts[t] == totals[$0]!.answerers }) {
                    unanimousPins += 1
                } else {
                    coordinates.append(.init(classIndex: c, attribute: t, truth: truth, size: size))
                }
            }
        }
        let rectangles = coordinates.isEmpty ? [] : RectangleMoves(attacker: attacker, classes: classes, axis: axis(a)).movable(coordinates)
        coordinates = coordinates.indices.filter { !rectangles.contains($0) }.map { coordinates[$0] }
        let transferred = coordinates.isEmpty ? [] : TransferProgram(attacker: attacker, classes: classes).movable(coordinates)
        coordinates = coordinates.indices.filter { !transferred.contains($0) }.map { coordinates[$0] }
        let near = coordinates.isEmpty || classes.count < neighbourhoodsFrom ? (proven: [], programs: 0) : NeighbourhoodProgram(attacker: attacker, classes: classes).movable(coordinates, sizes: neighbourhoods)
        d.programs += near.programs
        coordinates = coordinates.indices.filter { !near.proven.contains($0) }.map { coordinates[$0] }
        let free = coordinates.isEmpty ? [] : ranges.movable(coordinates.map { (classes[$0.classIndex], $0.attribute, $0.truth, $0.size) })
        for (i, coordinate) in coordinates.enumerated() where !free.contains(i) {
            let (target, t) = (classes[coordinate.classIndex], coordinate.attribute)
            guard coordinate.truth == coordinate.size else {
                if let binding = check(target, [t]).pinned { return .pinned(binding) }
                continue
            }
            // At all of them the minimum is the whole question.
            let (value, binding) = ranges.extreme(target, t, maximise: false)
            guard value == coordinate.truth else { continue }
            if unanimous(question, target, attribute: t, published: attacker.published, value: coordinate.truth) {
                unanimousPins += 1
            } else {
                return .pinned(binding.isEmpty ? overlapping(target) : binding)
            }
        }
        d.smallClassesChecked += small.count
        d.zeroCounts += zeroCounts
        d.unanimousPins += unanimousPins
        return .passed(cells)
    }

    /// The axis of a published segment for `RectangleMoves`: its dimension, each tag an axis of its own.
    static func axis(_ a: Aggregate) -> (Int) -> String {
        { s in
            let segment = a.segments[s]
            return segment.dimension == .tag ? "tag " + segment.key : segment.dimension?.rawValue ?? ""
        }
    }

    /// Whether a pinned value says no more than the published groups do: all of the target chose it, and each of
    /// its atoms lies in a published group (of at least `k`) in which everyone chose it.
    private static func unanimous(_ question: AttackerProgram.Question, _ target: AttackerProgram.Target, attribute t: Int,
                                  published: [Int], value: Int) -> Bool {
        let size = target.positions.reduce(0) { $0 + question.answerers[$1] }
        guard value == size else { return false }
        let unanimousGroups = published.filter { s in
            (s == 0 || question.publishedAttributes.contains(t)) && question.count(t, in: s) == question.answerers(in: s)
        }
        return target.positions.allSatisfy { i in unanimousGroups.contains { question.members[i].contains($0) } }
    }

    /// Options of a background question chosen by fewer than `k` (hidden), and for single choice the next smallest
    /// until the hidden ones together hold at least `k` (or none are left), so the total minus the shown cannot
    /// give a small group.
    static func smallOptions(_ a: Aggregate, _ q: Int, minGroup k: Int) -> Set<Int> {
        let options = a.layout.entries[q].options.indices
        var hidden = Set(options.filter { (1..<k).contains(a.count(q, option: $0)) })
        guard a.layout.entries[q].question.type != .multiple else { return hidden }
        while true {
            let hiddenTotal = hidden.reduce(0) { $0 + a.count(q, option: $1) }
            guard hiddenTotal > 0, hiddenTotal < k,
                  let next = options.filter({ !hidden.contains($0) && a.count(q, option: $0) > 0 }).min(by: { a.count(q, option: $0) < a.count(q, option: $1) })
            else { return hidden }
            hidden.insert(next)
        }
    }

    /// A number question's values in order, merged into neighbouring bins until each holds at least `k` answers.
    static func bins(_ values: [Double: Int], minGroup k: Int) -> [Disclosure.NumberBin] {
        var bins: [Disclosure.NumberBin] = []
        var current: Disclosure.NumberBin?
        for (value, count) in values.sorted(by: { $0.key < $1.key }) {
            if var open = current {
                open.high = value
                open.count += count
                current = open
            } else {
                current = Disclosure.NumberBin(low: value, high: value, count: count)
            }
            if current!.count >= k {
                bins.append(current!)
                current = nil
            }
        }
        if let rest = current {
            if var last = bins.popLast() {
                last.high = rest.high
                last.count += rest.count
                bins.append(last)
            } else {
                bins.append(rest)
            }
        }
        return bins
    }
}

extension DisclosureControl {
    /// Checks the final decision on exactly what the sheets show: every shown breakdown cell from at least `k`
    /// answers, and the shown cells the very set on which the last pass of rules 2 and 3 ran (so the integer
    /// program and the ranges speak for the file). Throws instead of letting a report that fails its own audit
    /// reach a file.
    static func verify(_ a: Aggregate, _ d: Disclosure) throws {
        let k = d.minGroup
        let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
        for (q, entry) in a.layout.entries.enumerated() where d.questionShown[q] && !entry.theme.isBackground && entry.question.type.isChoice {
            let published = [0] + candidates.filter { !d.isHidden(q, segment: $0) && a.answered(q, segment: $0) > 0 }
            var problem: String?
            if let small = published.first(where: { a.answered(q, segment: $0) < k }) {
                problem = "shows a group of \(a.answered(q, segment: small)) answers, fewer than \(k)"
            } else if published.sorted() != d.audited[q].filter({ a.answered(q, segment: $0) > 0 }) {
                problem = "shows cells its check of derivable groups and ranges did not cover"
            }
            if let problem {
                throw ReportError("The report was not written: its disclosure check found that question '\(entry.question.id)' \(problem). Nothing was published; please report this fault.")
            }
        }
    }
}
