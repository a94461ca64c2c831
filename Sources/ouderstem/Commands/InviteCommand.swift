import ArgumentParser
import Foundation
import SurveyCore
import SurveyReports
import SurveyStore

/// `ouderstem invite`: personal codes, printable letters with a QR code, and a CSV of personal links.
struct InviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Give parents a personal code and write the letters to print and a CSV of personal links.",
        discussion: """
            Every parent on the roster (or, with --sample, only those in the
            current sample) gets a personal code: 18 characters (85 random bits
            and a check character that catches a typo), in groups of three,
            without look-alike characters: K7Q-M4X-RT9-PWA-HC3-NZB. A parent
            who already has a code keeps it, so a reprinted letter still works.

            Writes to --out:
              uitnodigingen.html  one A4 sheet per parent: the letter in Dutch
                                  on the front, in the parent's language on the
                                  back (English when the survey lacks it; blank
                                  for a Dutch-speaking parent), each side with
                                  the personal link, the code and a QR code.
                                  Open it in a browser and print it on A4,
                                  double-sided: every parent gets a sheet.
                                  The letter names the school, the contact
                                  person and the deadline: see `ouderstem settings`.
              links.csv           respondent;groep;taal;code;link for the
                                  parent app or a mail merge (UTF-8,
                                  semicolons: Dutch Excel opens it as columns).
            The link is BASE/s/CODE: give the address at which parents' phones
            reach the form server.

            Examples:
              ouderstem invite --base-url https://ouders.school.nl
              ouderstem invite --sample --out Reports/steekproef
            """
    )

    @OptionGroup var database: PeilingOptions

    @Option(name: .customLong("base-url"), help: "The address parents' phones open, e.g. https://ouders.school.nl.")
    var baseURL: String = "http://localhost:8080"

    @Option(help: "The folder to write uitnodigingen.html and links.csv to.")
    var out: String = "Reports/uitnodigingen"

    @Flag(help: "Invite only the parents in the current sample.")
    var sample = false

    func run() async throws {
        let link: PersonalLink
        do { link = try PersonalLink(base: baseURL) } catch { throw CLIError(error.description) }
        let db = try database.open()
        let survey = try db.currentSurvey()
        let roster = try db.respondents()
        guard !roster.isEmpty else { throw CLIError(say(.rosterIsEmpty)) }
        let chosen = sample ? try respondentsInSample(db, roster: roster) : roster
        let known = try db.invitationCodes()
        let invitations = try db.invite(chosen.map(\.id)).map { InvitationLetters.Invitation(respondent: $0.respondent, code: $0.code) }

        let letters: String
        let settings = try db.settings()
        do { letters = try InvitationLetters(survey: survey, link: link, settings: settings).html(invitations) } catch {
            throw CLIError(say(.inviteLinkTooLong, ["base": link.base]))
        }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let lettersFile = folder.appendingPathComponent("uitnodigingen.html")
        let linksFile = folder.appendingPathComponent("links.csv")
        try writePrintable(letters, to: lettersFile)
        try writePrintable(LinksCSV.render(invitations, link: link), to: linksFile)

        let new = invitations.filter { known[$0.respondent.id] == nil }.count
        print(say(.invitedLetters, ["count": invitations.count, "letters": plural(invitations.count, .letterOne, .letterMany), "new": new,
                                    "codes": plural(new, .codeOne, .codeMany), "kept": invitations.count - new, "file": lettersFile.path]))
        print(say(.inviteLinks, ["file": linksFile.path]))
        print(say(.invitePrintAdvice))
        if !settings.missingForLetter.isEmpty {
            Output.error(say(.inviteLetterMissing, ["fields": settings.missingForLetter.joined(separator: ", ")]))
        }
        for warning in Self.warnings(invitations, survey: survey, link: link) { Output.error(say(.warningPrefix) + warning) }
        if try db.peiling().isClosed {
            Output.error(say(.invitePeilingClosed))
        }
    }

    /// What the person printing should know before the letters go out.
    static func warnings(_ invitations: [InvitationLetters.Invitation], survey: Survey, link: PersonalLink) -> [String] {
        var warnings: [String] = []
        if link.isLocalOnly {
            warnings.append(say(.inviteLocalLinks, ["base": link.base]))
        }
        var fallback: [String: Int] = [:]
        var drafts: [String: Int] = [:]
        for invitation in invitations {
            let own = invitation.respondent.language
            guard let second = LetterLanguage.second(for: invitation.respondent, in: survey) else { continue }
            if second != own { fallback[own, default: 0] += 1 }
            if survey.language(second)?.draft == true { drafts[second, default: 0] += 1 }
        }
        for (language, count) in fallback.sorted(by: { $0.key < $1.key }) {
            warnings.append(say(.inviteFallbackLanguage, ["count": count, "lettersAre": plural(count, .letterIs, .lettersAre), "language": language]))
        }
        for (language, count) in drafts.sorted(by: { $0.key < $1.key }) {
            warnings.append(say(.inviteDraftLanguage, ["count": count, "lettersUse": plural(count, .letterUses, .lettersUse), "language": language]))
        }
        return warnings
    }
}

/// The respondents in the current sample, in roster order; a plain error when no sample was drawn.
func respondentsInSample(_ db: SurveyDatabase, roster: [Respondent]) throws -> [Respondent] {
    guard let sampled = try db.sampledRespondents(of: roster) else {
        throw CLIError(say(.inviteNoSample))
    }
    return sampled
}

/// Writes a generated file, creating its folder; a failure is one plain sentence.
func writePrintable(_ text: String, to url: URL) throws {
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        throw CLIError(say(.cannotWrite, ["path": url.path, "error": error.localizedDescription]))
    }
}
