import Foundation

// The balance of `ouderstem sample` over many seeds (issue 11), compiled by run.sh together with the
// sampling sources and the test rosters. For every draw, every tag and home-language group: drawn minus
// its proportional share (size × roster share), counted here from the roster alone; and the draws whose
// landing shifted some families' chances, with each family's shift averaged over all draws (the estimate
// of how far its chance is from size / roster).

func offsets(_ roster: [Respondent], _ members: Set<String>, size: Int) -> [String: Double] {
    var groups: [String: [Respondent]] = [:]
    for (language, families) in Dictionary(grouping: roster, by: \.language) {
        let own = language == "nl" || families.count * size >= roster.count
        groups["taal: " + (own ? language : "overig"), default: []] += families
    }
    for tag in Set(roster.flatMap(\.tags)) { groups[tag] = roster.filter { $0.tags.contains(tag) } }
    return groups.mapValues { Double($0.filter { members.contains($0.id) }.count) - Double(size * $0.count) / Double(roster.count) }
}

let seeds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
var failures = 0
for (name, roster, size) in [("class of 30", BalanceRosters.classOf30, 10), ("school of 600", BalanceRosters.schoolOf600, 60)] {
    let start = Date()
    var worst: [String: Int] = [:], within: [String: Int] = [:], low: [String: Double] = [:], high: [String: Double] = [:]
    var expected: [String: Double] = [:], shifts: [String: Double] = [:], shiftedDraws = 0
    for seed in 1...UInt64(seeds) {
        var shifted = false
        let sample = SampleDraw.draw(roster: roster, size: size, seed: seed) { family, by in
            shifts[family, default: 0] += by
            shifted = true
        }
        if shifted { shiftedDraws += 1 }
        let off = offsets(roster, Set(sample.members), size: size)
        let most = off.values.map(abs).max() ?? 0
        worst[most <= 0.5 + 1e-9 ? "≤ 0.5" : most <= 1 + 1e-9 ? "0.5–1" : "> 1", default: 0] += 1
        if most > 1 + 1e-9 { failures += 1; print("  seed \(seed): " + off.filter { abs($0.value) > 1 + 1e-9 }.map { "\($0.key) \(String(format: "%+.2f", $0.value))" }.joined(separator: ", ")) }
        for (group, value) in off {
            if abs(value) <= 1 + 1e-9 { within[group, default: 0] += 1 }
            low[group] = min(low[group] ?? value, value)
            high[group] = max(high[group] ?? value, value)
        }
    }
    for (group, value) in offsets(roster, [], size: size) { expected[group] = -value }
    print("\(name), sample of \(size), \(seeds) seeds (\(String(format: "%.1f", Date().timeIntervalSince(start))) s):")
    print("  largest |drawn − expected| of a draw: " + ["≤ 0.5", "0.5–1", "> 1"].map { "\($0): \(worst[$0] ?? 0)" }.joined(separator: ", "))
    let chance = Double(size) / Double(roster.count)
    let largest = shifts.values.map { abs($0) / Double(seeds) }.max() ?? 0
    print(String(format: "  landings that shifted chances: %d of %d draws; largest average shift of a family's chance: %.5f (%.2f%% of %.3f)",
                 shiftedDraws, seeds, largest, 100 * largest / chance, chance))
    print("  | group | expected | within ±1 | drawn − expected |")
    print("  |---|---|---|---|")
    for group in low.keys.sorted() {
        print(String(format: "  | %@ | %.1f | %d of %d | %+.1f to %+.1f |", group, expected[group] ?? 0, within[group] ?? 0, seeds, low[group] ?? 0, high[group] ?? 0))
    }
}
exit(failures == 0 ? 0 : 1)
