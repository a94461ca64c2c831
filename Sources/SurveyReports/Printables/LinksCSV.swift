import SurveyCore

/// `links.csv`: one row per invited respondent (respondent, group, language, code, link) for a parent app
/// or a mail merge. UTF-8 with a byte-order mark and semicolons, which is what Dutch Excel expects.
public enum LinksCSV {
    /// The header row, in Dutch like the rest of what staff open.
    public static let header = ["respondent", "groep", "taal", "code", "link"]

    /// The whole file as text, starting with the byte-order mark; lines end in CRLF as Excel writes them.
    public static func render(_ invitations: [InvitationLetters.Invitation], link: PersonalLink) -> String {
        var lines = [header.map(field).joined(separator: ";")]
        for invitation in invitations {
            let respondent = invitation.respondent
            let row = [respondent.id, respondent.group, respondent.language, invitation.code.description,
                       link.url(for: invitation.code)]
            lines.append(row.map(field).joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell: a value that a spreadsheet would run as a formula gets a leading apostrophe; a value with a
    /// separator, quote or line break is quoted, with quotes doubled.
    public static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        // Scalars, not Characters: "\r\n" is one Character and would slip past a Character comparison.
        guard cell.unicodeScalars.contains(where: { ";,\"\n\r".unicodeScalars.contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
