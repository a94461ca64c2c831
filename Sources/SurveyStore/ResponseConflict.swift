import Foundation
import SurveyCore

/// A save refused because the response changed after the writer read it: saving would have undone the
/// other writer's answers. Nothing was written; `current` is what is stored now, for showing who changed
/// it, when, and what differs.
public struct ResponseConflict: Error, Sendable, CustomStringConvertible {
    /// The version the refused save started from (0: there was no response yet).
    public var basedOnVersion: Int64
    /// The response as it is stored now.
    public var current: StoredResponse

    public init(basedOnVersion: Int64, current: StoredResponse) {
        self.basedOnVersion = basedOnVersion
        self.current = current
    }

    /// Who saved the current version, in Dutch and English: the method, and the staff member when known.
    public var changedBy: (dutch: String, english: String) {
        let label = current.method.label
        guard let staff = current.enteredBy, !staff.isEmpty else { return (label.dutch, label.text("en")) }
        return ("\(label.dutch), ingevoerd door \(staff)", "\(label.text("en")), entered by \(staff)")
    }

    /// When the current version was saved, as a person reads it on this machine (e.g. "1 Dec 2026 at 11:42").
    public var changedAt: String {
        current.updatedAt.formatted(date: .abbreviated, time: .shortened)
    }

    public var description: String {
        let who = changedBy.english
        return "This response was changed (\(who), \(changedAt)) after you started; nothing was saved."
    }
}
