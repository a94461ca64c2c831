import Foundation
import SurveyCore
import SurveyStore
import Testing

/// The stored sample and replacing a parent who declines.
@Suite("Sample")
struct SampleStoreTests {
    static let roster = [
        Respondent(id: "a", group: "5A", language: "ar", tags: ["nt2"]),
        Respondent(id: "b", group: "5A"),
        Respondent(id: "c", group: "5B", tags: ["gescheiden"]),
        Respondent(id: "d", group: "5B"),
        Respondent(id: "e", group: "5B", language: "tr", tags: ["nt2"]),
        Respondent(id: "f", group: "5A"),
    ]

    @Test(arguments: TestBackend.available) func savedSampleLoadsAsDrawn(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(Self.roster)
        #expect(try store.db.sample() == nil)
        let drawn = SampleDraw.draw(roster: Self.roster, size: 3, seed: 12_345_678_901, reserve: 2)
        try store.db.saveSample(drawn)
        let stored = try #require(try store.db.sample())
        #expect(stored.sample == drawn)
        #expect(stored.declined.isEmpty)
        #expect(stored.replacements.isEmpty)
        #expect(stored.active == drawn.members)
        // A new draw replaces the old one.
        let other = Sample(seed: 1, members: ["f"], reserve: [], covered: [])
        try store.db.saveSample(other)
        #expect(try store.db.sample()?.sample == other)
    }

    @Test(arguments: TestBackend.available) func declineBringsInTheReserveWhoRestoresTheLostTag(_ backend: TestBackend) throws {
        let store = try TempStore(on: backend)
        try store.db.importRoster(Self.roster)
        try store.db.saveSample(Sample(seed: 5, members: ["a", "b", "c"], reserve: ["d", "e", "f"], covered: ["gescheiden", "nt2"]))

        // a is the only nt2 parent in the sample: e (nt2) goes before d and f, who are first in line.
        #expect(try store.db.decline("a") == "e")
        var stored = try #require(try store.db.sample())
        #expect(stored.declined == ["a"])
        #expect(stored.replacements == ["e": "a"])
        #expect(stored.active == ["b", "c", "e"])

        // b brings no tag: the next in line comes in.
        #expect(try store.db.decline("b") == "d")
        stored = try #require(try store.db.sample())
        #expect(stored.active == ["c", "d", "e"])
        #expect(stored.replacements == ["e": "a", "d": "b"])

        expectStoreError(.notInSample("a")) { try store.db.decline("a") }
        expectStoreError(.notInSample("f")) { try store.db.decline("f") }
        #expect(try store.db.decline("c") == "f")
        #expect(try store.db.decline("e") == nil)
        #expect(Set(try #require(try store.db.sample()).active) == ["d", "f"])
    }
}
