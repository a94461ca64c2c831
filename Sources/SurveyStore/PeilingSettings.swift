import Foundation
import GRDB

/// What the school says about itself in every letter, paper form and form page: who asks, until when and
/// whom to ask. Set at `ouderstem init` or with `ouderstem settings`; every field may still be empty.
public struct PeilingSettings: Sendable, Equatable, Codable {
    /// The school or childcare location, e.g. "Basisschool De Regenboog".
    public var school: String?
    /// The group or groups asked, e.g. "groep 5A en 5B".
    public var groups: String?
    /// The teacher or contact person, e.g. "juf Anna de Vries".
    public var contact: String?
    /// How to reach the contact person, e.g. "anna@deregenboog.nl of 020 123 45 67".
    public var contactInfo: String?
    /// The last day to answer.
    public var deadline: Deadline?
    /// A short text in the school's own words on why it asks.
    public var why: String?
    /// The school's logo as a `data:` URL, so a letter file stays complete on its own.
    public var logo: String?

    public init(school: String? = nil, groups: String? = nil, contact: String? = nil, contactInfo: String? = nil,
                deadline: Deadline? = nil, why: String? = nil, logo: String? = nil) {
        self.school = school
        self.groups = groups
        self.contact = contact
        self.contactInfo = contactInfo
        self.deadline = deadline
        self.why = why
        self.logo = logo
    }

    /// The fields a letter cannot go out without, by their option name, when they are missing.
    public var missingForLetter: [String] {
        [("--school", school), ("--contact", contact), ("--contact-info", contactInfo)].compactMap { $0.1 == nil ? $0.0 : nil }
            + (deadline == nil ? ["--deadline"] : [])
    }
}

extension SurveyDatabase {
    /// The peiling's settings (all empty before any are set, or before there is a peiling).
    public func settings() throws -> PeilingSettings {
        try read { db in
            let id: Int64
            do { id = try peilingID(db) } catch StoreError.noPeiling { return PeilingSettings() }
            guard let json: String = try db.value("SELECT json FROM peiling_settings WHERE id = ?", id) else {
                return PeilingSettings()
            }
            return try JSONDecoder().decode(PeilingSettings.self, from: Data(json.utf8))
        }
    }

    /// Changes the settings in one transaction and returns them as stored.
    @discardableResult
    public func updateSettings(_ change: (inout PeilingSettings) -> Void) throws -> PeilingSettings {
        try write { db in
            let id = try peilingID(db)
            var settings = PeilingSettings()
            if let json: String = try db.value("SELECT json FROM peiling_settings WHERE id = ?", id) {
                settings = try JSONDecoder().decode(PeilingSettings.self, from: Data(json.utf8))
            }
            change(&settings)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
            try db.execute("INSERT INTO peiling_settings (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                           id, json)
            return settings
        }
    }

    /// The schema step that holds the settings: one row of JSON, so a new field needs no new step. The row's
    /// id is the peiling's (1 for the one peiling before `v5-peilingen`).
    static func registerSettingsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-peiling-settings") { db in
            try db.create(table: "peiling_settings") { t in
                t.primaryKey("id", .integer)
                t.column("json", .text).notNull()
            }
        }
    }
}
