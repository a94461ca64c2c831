import Foundation
import Hummingbird
import Logging
import SurveyStore

/// The form server: parent form, kiosk, interview screen and staff dashboard for every peiling in the
/// database (or the one the handle names: `serve --peiling NAME`).
public enum OuderstemServer {
    /// Builds the application (routes, templates, static files, security headers); `run` it to serve.
    public static func application(database: SurveyDatabase, configuration: ServerConfiguration,
                                   logger: Logger = Logger(label: "ouderstem.server"),
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
        let router = try await router(database: database, configuration: configuration)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until the process is stopped (SIGINT/SIGTERM end it gracefully).
    public static func run(database: SurveyDatabase, configuration: ServerConfiguration,
                           onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "ouderstem.server")
        logger.logLevel = .warning
        logger[metadataKey: "instance"] = .string(configuration.instance)
        let started = { var started = logger; started.logLevel = .notice; return started }()
        try await application(database: database, configuration: configuration, logger: logger) { port in
            started.notice("serving \(database.path) on port \(port)")
            await onRunning(port)
        }.runService()
    }

    /// The routes, for tests and for `application`.
    public static func router(database: SurveyDatabase, configuration: ServerConfiguration) async throws -> Router<AppContext> {
        let pages = try await Pages.load()
        // Sessions, budgets and the CSRF key are in the database: every instance on it shares them.
        let state = try database.serverState()
        let cleanup = ExpiryCleanup(state: state)
        cleanup.runIfDue()
        let sessions = try SessionStore(state: state, cleanup: cleanup)
        let limits = RateLimits(configuration.limits, state: state, cleanup: cleanup)
        let desks = try PeilingDesks(root: database, pages: pages, limits: limits, cleanup: cleanup)
        let router = Router(context: AppContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
        router.add(middleware: ErrorPage(pages: pages, logger: Logger(label: "ouderstem.server")))
        router.add(middleware: DatabaseUnavailablePage(pages: pages, logger: Logger(label: "ouderstem.server")))
        guard let staticURL = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw ServerError("The static files are missing from the installation.")
        }
        var fileLogger = Logger(label: "ouderstem.static")
        fileLogger.logLevel = .warning
        router.add(middleware: FileMiddleware(staticURL.path, urlBasePath: "/static", searchForIndexHtml: false, logger: fileLogger))
        // Browsers ask for /favicon.ico on their own; the icon lives with the other static files.
        router.get("/favicon.ico") { _, _ in
            Response(status: .movedPermanently, headers: [.location: "/static/favicon.ico"])
        }
        let parent = ParentRoutes(desks: desks, pages: pages)
        parent.register(on: router)
        let staff = StaffRoutes(desks: desks, limits: limits, pages: pages, sessions: sessions, configuration: configuration, parent: parent)
        staff.register(on: router)
        KioskRoutes(desks: desks, pages: pages, configuration: configuration, staff: staff, parent: parent).register(on: router)
        return router
    }
}
