import Foundation
import Testing
@testable import SurveyReports
import SurveyCore
@testable import SurveyStore

/// The shortcuts of rule 3 must never call a pinned count free: every count a transfer moves has a real range in
/// the attacker's full program, and merging atoms into classes changes no range.
@Suite struct TransferProgramTests {
    /// Random classes of 60 families with scattered small groups (seeded: the same every run).
    private func randomPeiling(seed: UInt64, families: Int = 60) throws -> Aggregate {
        let text = try String(contentsOf: DisclosureClass.fixture, encoding: .utf8)
        let survey = try SurveyLoader.load(yaml: text, file: "herkenbaar.yaml").survey
        var generator = SplitMix64(seed: seed)
        struct Profile { var group: String; var method: ResponseMethod; var language: String; var tags: [String] }
        var profiles: [Profile] = []
        for _ in 0..<families {
            profiles.append(Profile(
                group: ["5A", "5B", "6A"][Int(generator.next() % 3)],
                method: [.digital, .paperHome, .oral][Int(generator.next() % 3)],
                language: ["nl", "nl", "ar", "pl"][Int(generator.next() % 4)],
                tags: ["gescheiden", "nt2"].filter { _ in generator.next() % 3 == 0 }))
        }
        var segments = SegmentTable(survey: survey)
        for p in profiles { segments.record(group: p.group, tags: p.tags, method: p.method.rawValue, language: p.language) }
        segments.finish(minGroup: 5)
        let aggregate = Aggregate(survey: survey, currentHash: "h", definitions: [:], segments: segments, minGroup: 5)
        let ids = aggregate.layout.entries.map(\.question.id)
        for (i, p) in profiles.enumerated() {
            let channels = ["app", "papier"].filter { _ in generator.next() % 2 == 0 }
            let answers: [String: Answer] = [
                "duidelijk": Answer(questionID: "duidelijk", value: .choice(["oneens", "eens", "helemaal-eens"][Int(generator.next() % 3)])),
                "kind-mee": Answer(questionID: "kind-mee", value: .choice(generator.next() % 4 == 0 ? "ja" : "nee")),
                "kanaal": Answer(questionID: "kanaal", value: .choices(channels.isEmpty ? ["app"] : channels)),
                "gezin": Answer(questionID: "gezin", value: .choice(["samen", "samen", "samengesteld", "een-ouder"][Int(generator.next() % 4)])),
            ]
            let response = StoredResponse(id: Int64(i), respondentID: nil, definitionHash: "h", method: p.method, language: p.language,
                                          interpreter: nil, enteredBy: nil, group: p.group, tags: p.tags, complete: true, verifiedBy: nil,
                                          createdAt: Date(), updatedAt: Date(), version: 1, answers: answers)
            aggregate.add(response, slots: ids.map { answers[$0] })
        }
        aggregate.finish()
        return aggregate
    }

    /// Question `id` with every candidate segment of at least 5 published, and the counts of its small classes.
    private func smallCounts(_ a: Aggregate, _ id: String, _ candidates: [Int]) throws
        -> (AttackerProgram.Question, [Int], AttackerProgram, [AttackerProgram.Target], [Int], [TransferProgram.Coordinate]) {
        let q = try #require(a.layout.index(of: id))
        let question = DisclosureControl.attackerQuestion(a, q)
        let published = [0] + candidates.filter { a.answered(q, segment: $0) >= 5 }
        let attacker = AttackerProgram(question: question, published: published)
        let classes = attacker.classes
        let attributes = a.layout.entries[q].scale != nil ? [0] : Array(0..<question.attributeCount)
        var coordinates: [TransferProgram.Coordinate] = []
        for (c, target) in classes.enumerated() where attacker.answerers(target) < 5 {
            for t in attributes {
                let truth = target.positions.reduce(0) { $0 + question.counts[$1][t] }
                coordinates.append(.init(classIndex: c, attribute: t, truth: truth, size: attacker.answerers(target)))
            }
        }
        return (question, published, attacker, classes, attributes, coordinates)
    }

    /// Expects every coordinate in `freed` to have a real range in the full program (a count at its largest can go
    /// down, at 0 up, in between either way); returns how many coordinates are pinned.
    private func checkFree(_ freed: Set<Int>, _ coordinates: [TransferProgram.Coordinate], _ classes: [AttackerProgram.Target],
                           _ full: AttackerProgram.Ranges, _ label: String) -> Int {
        var pinned = 0
        for (i, coordinate) in coordinates.enumerated() {
            let range = full.range(classes[coordinate.classIndex], attribute: coordinate.attribute)
            let free = coordinate.truth == coordinate.size ? range.low < coordinate.truth
                : coordinate.truth == 0 ? range.high > 0 : range.low < range.high
            if !free { pinned += 1 }
            if freed.contains(i) {
                #expect(free, "\(label): class \(coordinate.classIndex), attribute \(coordinate.attribute) is pinned at \(range)")
            }
        }
        return pinned
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func everyCountATransferMovesHasARealRange(seed: UInt64) throws {
        let a = try randomPeiling(seed: seed)
        let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
        var proven = 0
        for id in ["duidelijk", "kind-mee", "kanaal"] {
            let (question, published, attacker, classes, attributes, coordinates) = try smallCounts(a, id, candidates)
            let moved = TransferProgram(attacker: attacker, classes: classes).movable(coordinates)
            let full = AttackerProgram.Ranges(question: question, published: published, hidden: [])
            for i in moved {
                let range = full.range(classes[coordinates[i].classIndex], attribute: coordinates[i].attribute)
                #expect(range.low < range.high, "\(id): class \(coordinates[i].classIndex), attribute \(coordinates[i].attribute)")
            }
            proven += moved.count
            // Finer classes (split by every candidate segment as well) give the same range for each class.
            let finer = AttackerProgram.Ranges(question: question, published: published, hidden: candidates.filter { !published.contains($0) })
            for target in classes {
                for t in attributes {
                    let coarse = full.range(target, attribute: t), fine = finer.range(target, attribute: t)
                    #expect(coarse.low == fine.low && coarse.high == fine.high, "\(id): \(coarse) vs \(fine)")
                }
            }
        }
        // The test is only worth something if transfers proved counts free.
        #expect(proven > 0)
    }

    /// A rectangle or swap is an explicit second solution, so every count it frees must have a real range in the
    /// full program; and as the fast path it must free most of what the transfers free (on these classes 80–90%).
    @Test func everyCountARectangleMovesHasARealRange() throws {
        var byRectangle = 0, byTransfer = 0, byRepair = 0, pinned = 0
        // Sparse classes (30 families) have pinned counts, which a wrong move would call free.
        for (seed, families) in (1...8).flatMap({ [(UInt64($0), 60), (UInt64($0), 30)] }) {
            let a = try randomPeiling(seed: seed, families: families)
            let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
            for id in ["duidelijk", "kind-mee", "kanaal", "gezin"] {
                let (question, published, attacker, classes, _, coordinates) = try smallCounts(a, id, candidates)
                let moved = RectangleMoves(attacker: attacker, classes: classes, axis: DisclosureControl.axis(a)).movable(coordinates)
                let plain = RectangleMoves(attacker: attacker, classes: classes, axis: DisclosureControl.axis(a), repairs: false).movable(coordinates)
                #expect(plain.isSubset(of: moved))
                let full = AttackerProgram.Ranges(question: question, published: published, hidden: [])
                pinned += checkFree(moved, coordinates, classes, full, "\(id) (seed \(seed), \(families) families)")
                byRectangle += moved.count
                byRepair += moved.count - plain.count
                byTransfer += TransferProgram(attacker: attacker, classes: classes).movable(coordinates).count
            }
        }
        // The check has teeth only if some counts are pinned and some were freed by each kind of move; "gezin"
        // (three options, single choice) has corners to repair.
        #expect(pinned > 0)
        #expect(byRectangle > 0)
        #expect(byRepair > 0)
        #expect(byRectangle * 4 >= byTransfer * 3, "rectangles \(byRectangle), transfers \(byTransfer)")
    }

    /// The program over a few nearby classes keeps every other class at its true answers, so each count it moves must
    /// have a real range in the full program; and it must settle counts that rectangles and transfers leave.
    @Test func everyCountANeighbourhoodMovesHasARealRange() throws {
        var moved = 0, beyondShortcuts = 0, pinned = 0
        for (seed, families) in (1...8).flatMap({ [(UInt64($0), 60), (UInt64($0), 30)] }) {
            let a = try randomPeiling(seed: seed, families: families)
            let candidates = GroupsSheet.dimensions(a).flatMap(\.1)
            for id in ["duidelijk", "kind-mee", "kanaal", "gezin"] {
                let (question, published, attacker, classes, _, coordinates) = try smallCounts(a, id, candidates)
                let near = NeighbourhoodProgram(attacker: attacker, classes: classes).movable(coordinates, sizes: [3, 6]).proven
                let shortcuts = RectangleMoves(attacker: attacker, classes: classes, axis: DisclosureControl.axis(a)).movable(coordinates)
                    .union(TransferProgram(attacker: attacker, classes: classes).movable(coordinates))
                let full = AttackerProgram.Ranges(question: question, published: published, hidden: [])
                pinned += checkFree(near, coordinates, classes, full, "\(id) (seed \(seed), \(families) families)")
                moved += near.count
                beyondShortcuts += near.subtracting(shortcuts).count
            }
        }
        // Teeth: pinned counts exist (a wrong program would free them), and the neighbourhoods free counts of their own.
        #expect(pinned > 0)
        #expect(moved > 0)
        #expect(beyondShortcuts > 0, "the neighbourhoods freed only what rectangles and transfers free")
    }
}
