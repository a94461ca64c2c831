import ArgumentParser
import Foundation
import SurveyServer
import SurveyStore

/// `ouderstem serve`: the form server for parents, the kiosk, the interview screen and the staff dashboard.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the form server: the parents' form, the kiosk, the interview screen and the staff dashboard.",
        discussion: """
            Pages:
              /                    parents type the code from their letter
              /s/CODE              the personal link (the QR code on the letter)
              /kiosk               a school device; a staff member unlocks it first
              /staff               the peilingen in the staff member's scope (log in; `ouderstem staff add NAME`)
              /staff/p/ID          one peiling's dashboard; its pages are /staff/p/ID/roster, ...
              /staff/p/ID/interview/CODE  oral entry, with or without an interpreter
            It uses the same database file as the other commands; they can run at the same time.
            One server serves every peiling in the file: a parent's code finds its own peiling, and staff
            choose among the peilingen their account may see (`ouderstem staff add --role --school`).
            With --peiling NAME it serves only that one; other peilingen's codes are unknown to it.

            Examples:
              ouderstem serve
              ouderstem serve --host 0.0.0.0 --port 8080
              ouderstem serve --secure-cookies --trusted-proxy 127.0.0.1   (behind an HTTPS proxy on this machine)
              ouderstem serve --port 8081 --instance b   (a second instance on the same database)
              ouderstem serve --peiling "Klimop groep 3" --port 8082

            Behind a reverse proxy every parent arrives from the proxy's address. With --trusted-proxy
            (repeatable) the client address is taken from X-Forwarded-For, but only when the connection
            comes from one of those addresses, so the limits on wrong codes and passwords count parents,
            not the proxy.

            Sessions, the limits on wrong codes and passwords and the CSRF key are kept
            in the database: a restart logs nobody out, and several instances on one
            database file (each on its own port and with its own --instance name) can
            each serve any request.
            """
    )

    @OptionGroup var database: PeilingOptions

    @Option(help: "The address to listen on (0.0.0.0 for every network).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Mark cookies Secure: use this when the server is reached over HTTPS.")
    var secureCookies = false

    @Option(help: "The folder of survey definitions the dashboard offers when starting a peiling.")
    var surveys = "Surveys"

    @Option(help: "Seconds without a click before the kiosk clears its screen.")
    var kioskIdle = 180

    @Option(name: .customLong("trusted-proxy"),
            help: ArgumentHelp("A reverse proxy (IP address) whose X-Forwarded-For header gives the client address; repeatable.",
                               valueName: "address"))
    var trustedProxies: [String] = []

    @Option(help: ArgumentHelp("This instance's name in the log lines (instance=NAME); the host name unless given.",
                               valueName: "name"))
    var instance = ServeCommand.defaultInstance

    /// The host name, or "1" when the machine has none.
    static var defaultInstance: String {
        let host = ProcessInfo.processInfo.hostName
        return host.isEmpty || host == "localhost" ? "1" : host
    }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError(say(.servePortRange)) }
        guard kioskIdle >= 30 else { throw ValidationError(say(.serveKioskIdle)) }
        do { _ = try TrustedProxies(trustedProxies) } catch { throw ValidationError(error.description) }
        guard StaffPasswords.isValidName(instance) else { throw ValidationError(say(.serveInstanceName)) }
    }

    func run() async throws {
        InstanceLogging.bootstrap(instance: instance)
        // A new database is made here, so a teacher can start everything from the dashboard (first account, peiling).
        let db = try SurveyDatabase(path: database.db, create: true, peiling: database.peiling)
        // No peiling yet is fine (the dashboard starts one); an unknown --peiling name is not.
        let served = try database.peiling == nil ? db.peilingen().map(\.name) : [db.peiling().name]
        if try db.staffMembers().isEmpty {
            Output.error(say(.serveNoStaff))
            Output.error(say(.serveFirstAccountInBrowser, ["port": port]))
        }
        if served.isEmpty {
            Output.error(say(.serveNoPeiling))
        }
        let configuration = ServerConfiguration(host: host, port: port, secureCookies: secureCookies, kioskIdleSeconds: kioskIdle,
                                                trustedProxies: try TrustedProxies(trustedProxies), surveysDirectory: surveys,
                                                instance: instance)
        let name = served.isEmpty ? "(nog geen peiling / no peiling yet)" : PeilingNames.list(served)
        do {
            try await OuderstemServer.run(database: db, configuration: configuration) { port in
                print(say(.serveListening, ["name": name, "url": "http://\(configuration.host):\(port)/"]))
                fflush(nil)  // all streams: a redirected stdout is block-buffered and the server runs on
            }
        } catch let error as ServerError {
            throw CLIError(error.description)
        } catch where "\(error)".contains("Address already in use") {
            throw CLIError(say(.servePortInUse, ["port": port, "host": host]))
        } catch where "\(error)".contains("bind") {
            throw CLIError(say(.serveCannotListen, ["host": host, "port": port, "error": error]))
        }
    }
}
