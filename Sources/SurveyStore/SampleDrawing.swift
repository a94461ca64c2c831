import Foundation
import SurveyCore

/// Why a sample cannot be drawn as asked; the front door (CLI, dashboard) says it in its own words.
public enum SampleRequestProblem: Error, Sendable, Equatable {
    case sizeBelowOne
    case negativeReserve
    case emptyRoster
}

/// What `drawSample` did.
public struct DrawnSample: Sendable {
    public var sample: Sample
    public var seed: UInt64
    public var rosterSize: Int
    /// Tags asked to cover that no family on the roster has, so the sample cannot balance on them.
    public var absentTags: [String]
}

extension SurveyDatabase {
    /// Draws and stores the sample of `size` families (and `reserve` reserves) by `SampleDraw` from the roster.
    /// `cover` is the tags to balance on, separated by commas (nil: every tag on the roster); without a seed a
    /// random one is chosen (and returned, so it can be written down).
    public func drawSample(size: Int, seed: UInt64?, cover: String?, reserve: Int) throws -> DrawnSample {
        guard size > 0 else { throw SampleRequestProblem.sizeBelowOne }
        guard reserve >= 0 else { throw SampleRequestProblem.negativeReserve }
        let roster = try respondents()
        guard !roster.isEmpty else { throw SampleRequestProblem.emptyRoster }
        let coverTags = cover.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let present = Set(roster.flatMap(\.tags))
        let seed = seed ?? UInt64.random(in: 1...999_999)
        let sample = SampleDraw.draw(roster: roster, size: size, seed: seed, cover: coverTags, reserve: reserve)
        try saveSample(sample)
        return DrawnSample(sample: sample, seed: seed, rosterSize: roster.count,
                           absentTags: (coverTags ?? []).filter { !present.contains($0) })
    }

    /// The families in the current sample, in roster order; nil when no sample was drawn.
    public func sampledRespondents(of roster: [Respondent]) throws -> [Respondent]? {
        guard let stored = try sample() else { return nil }
        let active = Set(stored.active)
        return roster.filter { active.contains($0.id) }
    }
}
