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
        let verb = dryRun ? "Dry run, nothing was written. Importing \(file) would give" : "Imported \(rows.count) families from \(file):"
        var lines = ["\(verb) \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged) unchanged."]
        if !summary.changes.isEmpty {
            lines.append("Changed fields:")
            for change in summary.changes {
                lines.append("  \(change.id)  \(change.field.rawValue): \(describe(change))")
            }
        }
        if !replaceEmpty, rows.contains(where: { $0.hasEmptyCells }) {
            lines.append("Empty cells kept what was stored; add --replace-empty to clear those fields.")
        }
        let tags = Dictionary(grouping: rows.flatMap { $0.tags ?? [] }, by: { $0 }).mapValues(\.count)
        if !tags.isEmpty {
            lines.append("Tags: " + tags.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ change: RosterChange) -> String {
        if change.field.isPersonal { return change.new == nil ? "cleared" : "changed" }
        let old = change.old.flatMap { $0.isEmpty ? nil : $0 } ?? "(empty)"
        let new = change.new.flatMap { $0.isEmpty ? nil : $0 } ?? "(empty)"
        return "\(old) -> \(new)"
    }
}

extension RosterRow {
    /// Whether a field other than id and group was left empty.
    var hasEmptyCells: Bool {
        childName == nil || parentNames == nil || language == nil || contact == nil || tags == nil
    }
}
