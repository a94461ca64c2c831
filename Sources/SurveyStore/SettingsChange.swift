import Foundation

/// A change to the peiling settings as a person gives it (CLI options, the dashboard's form): a field given
/// is set (trimmed), given empty is cleared, not given (nil) stays as it was.
public struct SettingsChange: Sendable {
    public var school: String?
    public var groups: String?
    public var contact: String?
    public var contactInfo: String?
    /// "2026-12-18" or "18-12-2026".
    public var deadline: String?
    public var why: String?
    /// The logo as a `data:` URL; `.some(nil)` clears it.
    public var logo: String??

    public init(school: String? = nil, groups: String? = nil, contact: String? = nil, contactInfo: String? = nil,
                deadline: String? = nil, why: String? = nil, logo: String?? = nil) {
        self.school = school
        self.groups = groups
        self.contact = contact
        self.contactInfo = contactInfo
        self.deadline = deadline
        self.why = why
        self.logo = logo
    }

    /// Whether nothing is given.
    public var isEmpty: Bool {
        [school, groups, contact, contactInfo, deadline, why].allSatisfy { $0 == nil } && logo == nil
    }
}

extension SurveyDatabase {
    /// Stores what `change` gives; returns the settings as they are now. A deadline that cannot be read
    /// throws `Deadline.Problem` and nothing is stored.
    @discardableResult
    public func applySettings(_ change: SettingsChange) throws -> PeilingSettings {
        var deadlineValue: Deadline?? = nil
        if let deadline = change.deadline?.trimmingCharacters(in: .whitespaces) {
            deadlineValue = deadline.isEmpty ? .some(nil) : .some(try Deadline(parsing: deadline))
        }
        return try updateSettings { settings in
            Self.set(&settings.school, change.school)
            Self.set(&settings.groups, change.groups)
            Self.set(&settings.contact, change.contact)
            Self.set(&settings.contactInfo, change.contactInfo)
            Self.set(&settings.why, change.why)
            if let deadlineValue { settings.deadline = deadlineValue }
            if let logo = change.logo { settings.logo = logo }
        }
    }

    private static func set(_ field: inout String?, _ given: String?) {
        guard let given else { return }
        let trimmed = given.trimmingCharacters(in: .whitespacesAndNewlines)
        field = trimmed.isEmpty ? nil : trimmed
    }
}
