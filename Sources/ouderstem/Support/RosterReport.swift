import SurveyCore
import SurveyStore

/// What `roster import` prints: how many families were added, updated and left alone, every changed
/// field (names and contacts only as "changed"), and the tags of the file.
struct RosterReport {
    let summary: RosterImportSummary
    let rows: [RosterRow]
    let file: String
    let replaceEmpty: Bool
    let dryRun: Bool

    var text: String {
        let counts: [String: Any] = ["count": rows.count, "file": file, "added": summary.added.count,
                                     "updated": summary.updated.count, "unchanged": summary.unchanged]
        var lines = [say(dryRun ? .rosterDryRun : .rosterImported, counts)]
        if !summary.changes.isEmpty {
            lines.append(say(.rosterChangedFields))
            for change in summary.changes {
                lines.append("  \(change.id)  \(change.field.rawValue): \(describe(change))")
            }
        }
        if !replaceEmpty, rows.contains(where: { $0.hasEmptyCells }) {
            lines.append(say(.rosterEmptyCellsKept))
        }
        let tags = Dictionary(grouping: rows.flatMap { $0.tags ?? [] }, by: { $0 }).mapValues(\.count)
        if !tags.isEmpty {
            lines.append(say(.rosterTags, ["tags": tags.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")]))
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ change: RosterChange) -> String {
        if change.field.isPersonal { return say(change.new == nil ? .rosterCleared : .rosterChanged) }
        let old = change.old.flatMap { $0.isEmpty ? nil : $0 } ?? say(.rosterEmpty)
        let new = change.new.flatMap { $0.isEmpty ? nil : $0 } ?? say(.rosterEmpty)
        return "\(old) -> \(new)"
    }
}

extension RosterRow {
    /// Whether a field other than id and group was left empty.
    var hasEmptyCells: Bool {
        childName == nil || parentNames == nil || language == nil || contact == nil || tags == nil
    }
}
