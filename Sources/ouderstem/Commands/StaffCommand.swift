import ArgumentParser
import Foundation
import SurveyServer
import SurveyStore

/// `ouderstem staff`: the accounts that log in to the dashboard, unlock the kiosk and enter interviews.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff accounts for the dashboard, the kiosk and the interview screen.",
        subcommands: [Add.self, List.self]
    )

    /// `ouderstem staff add NAME`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff account, or set a new password (and scope) for an existing one.",
            discussion: """
                The password is asked twice and not shown while typing. A script can pipe it in:
                  printf 'secret-pass\\nsecret-pass\\n' | ouderstem staff add juf-anna
                Only a bcrypt hash is stored.

                Without options an account sees every peiling in the file (role board): on one teacher's
                laptop that is all it needs. On a school board's installation, give each account a scope:
                  ouderstem staff add juf-anna --school "De Regenboog" --peiling "Groep 5 2026"
                  ouderstem staff add ib-kees --role coordinator --school "De Regenboog"
                  ouderstem staff add bestuur --role board
                A teacher without --peiling sees every peiling of the school. Options given for an existing
                account replace its scope; without options it keeps the one it has.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The name to log in with, e.g. juf-anna.")
        var name: String

        @Option(help: ArgumentHelp("teacher (the default with --school), coordinator (every peiling of one school) or board (every school).",
                                   valueName: "role"))
        var role: StaffScope.Role?

        @Option(help: ArgumentHelp("The school of a teacher or coordinator, as in `ouderstem peilingen`.", valueName: "school"))
        var school: String?

        @Option(help: ArgumentHelp("Limits a teacher to this peiling of their school; repeat for more.", valueName: "name"))
        var peiling: [String] = []

        func validate() throws {
            guard StaffPasswords.isValidName(name) else {
                throw ValidationError(say(.staffNameRule))
            }
        }

        func run() async throws {
            let db = try database.open()
            // The scope is checked before the password is asked: a wrong option costs no typing.
            let scope: StaffScope?
            do { scope = try db.staffScope(role: role, school: school, peilingen: peiling) } catch let error as StaffScopeError {
                throw CLIError(error.cliMessage)
            }
            let first = try PasswordPrompt.read(say(.staffPasswordPrompt))
            guard first.count >= StaffPasswords.minimumLength else {
                throw CLIError(say(.staffPasswordTooShort, ["minimum": StaffPasswords.minimumLength]))
            }
            let second = try PasswordPrompt.read(say(.staffPasswordAgainPrompt))
            guard first == second else { throw CLIError(say(.staffPasswordsDiffer)) }
            let added = try db.setStaff(name: name, passwordHash: StaffPasswords.hash(first), scope: scope)
            print(say(added ? .staffAdded : .staffPasswordChanged, ["name": name]))
        }
    }

    /// `ouderstem staff list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the staff accounts.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let members = try database.open().staffMembers()
            if members.isEmpty { print(say(.staffNone)); return }
            let formatter = ISO8601DateFormatter()
            for member in members {
                print(say(.staffListed, ["name": member.name, "scope": StaffScopeText.describe(member),
                                         "date": formatter.string(from: member.createdAt)]))
            }
        }
    }
}

/// Reads a password from standard input: without echo on a terminal, as a plain line from a pipe.
enum PasswordPrompt {
    static func read(_ prompt: String) throws -> String {
        let isTerminal = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if isTerminal {
            FileHandle.standardError.write(Data(prompt.utf8))
            tcgetattr(STDIN_FILENO, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CLIError(say(.staffNoPassword))
        }
        return line
    }
}
