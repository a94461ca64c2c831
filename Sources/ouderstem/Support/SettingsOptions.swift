import ArgumentParser
import Foundation
import SurveyStore

/// The peiling settings as options, shared by `init` and `settings`: what is given is changed, an empty
/// value ("") clears a field, what is left out stays as it was.
struct SettingsOptions: ParsableArguments {
    @Option(help: "The school or childcare location, e.g. \"Basisschool De Regenboog\".")
    var school: String?

    @Option(help: "The group(s) asked, e.g. \"groep 5A en 5B\".")
    var groups: String?

    @Option(help: "The teacher or contact person, e.g. \"juf Anna de Vries\".")
    var contact: String?

    @Option(name: .customLong("contact-info"), help: "How parents reach the contact person, e.g. \"anna@deregenboog.nl of 020 123 45 67\".")
    var contactInfo: String?

    @Option(help: "The last day to answer: 2026-12-18 or 18-12-2026.")
    var deadline: String?

    @Option(help: "A short text in your own words on why you ask (Dutch), shown in the letter.")
    var why: String?

    @Option(help: "The school's logo for the letter: a PNG, JPEG or SVG file of at most 300 kB.")
    var logo: String?

    /// Whether any setting was given.
    var isEmpty: Bool { [school, groups, contact, contactInfo, deadline, why, logo].allSatisfy { $0 == nil } }

    func validate() throws {
        if let deadline, !deadline.isEmpty {
            do { _ = try Deadline(parsing: deadline) } catch { throw ValidationError(error.description) }
        }
    }

    /// Stores what was given; returns the settings as they are now.
    @discardableResult
    func apply(to db: SurveyDatabase) throws -> PeilingSettings {
        // Given and empty: clear it (nil); given: set it; not given: leave it (the outer nil).
        var logoValue: String?? = nil
        if let logo { logoValue = logo.isEmpty ? .some(nil) : .some(try Self.dataURL(ofImage: logo)) }
        let change = SettingsChange(school: school, groups: groups, contact: contact, contactInfo: contactInfo,
                                    deadline: deadline, why: why, logo: logoValue)
        do { return try db.applySettings(change) } catch let problem as Deadline.Problem { throw CLIError(problem.description) }
    }

    /// The image file as a `data:` URL, so the letter file carries it.
    static func dataURL(ofImage path: String) throws -> String {
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml"]
        let url = URL(fileURLWithPath: path)
        guard let type = types[url.pathExtension.lowercased()] else {
            throw CLIError(say(.settingsLogoType, ["path": path]))
        }
        guard let data = try? Data(contentsOf: url) else { throw CLIError(say(.settingsLogoUnreadable, ["path": path])) }
        guard data.count <= 300_000 else {
            throw CLIError(say(.settingsLogoTooLarge, ["path": path, "size": data.count / 1000]))
        }
        return "data:\(type);base64,\(data.base64EncodedString())"
    }
}

/// The settings as lines for the terminal, with what a letter still needs.
func settingsLines(_ settings: PeilingSettings) -> [String] {
    let fields: [(CLIText, String)] = [
        (.settingsSchool, settings.school ?? "-"),
        (.settingsGroups, settings.groups ?? "-"),
        (.settingsContact, settings.contact ?? "-"),
        (.settingsContactInfo, settings.contactInfo ?? "-"),
        (.settingsDeadline, settings.deadline.map { "\($0) (\($0.text(in: "nl")))" } ?? "-"),
        (.settingsWhy, settings.why ?? "-"),
        (.settingsLogo, settings.logo == nil ? "-" : say(.yes)),
    ]
    let width = fields.map { say($0.0).count }.max() ?? 0
    var lines = fields.map { (say($0.0) + ":").padding(toLength: width + 3, withPad: " ", startingAt: 0) + $0.1 }
    let missing = settings.missingForLetter
    if !missing.isEmpty {
        lines.append(say(.letterStillNeeds, ["fields": missing.joined(separator: ", ")]))
    }
    return lines
}
