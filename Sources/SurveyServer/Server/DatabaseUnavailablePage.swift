import Hummingbird
import Logging
import SurveyStore

/// While the database cannot be reached (PostgreSQL restarting, its connection lost), every request is
/// answered with 503, `Retry-After` and a short page in Dutch with English beside it that says nothing was
/// sent, instead of Hummingbird's empty 500. Nothing was saved: a save is acknowledged only after its commit.
struct DatabaseUnavailablePage: RouterMiddleware {
    typealias Context = AppContext
    let pages: Pages
    let logger: Logger

    /// Seconds a browser or proxy is told to wait: PostgreSQL's recovery after a crash took about one.
    static let retryAfter = 5

    func handle(_ request: Request, context: AppContext,
                next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PostgresStoreError where error.meansUnavailable {
            logger.warning("database unavailable for \(request.method) \(request.uri.path): \(error)")
            return ErrorPage.page(for: .serviceUnavailable, pages).retryAfter(Self.retryAfter)
        }
    }
}

extension PostgresStoreError {
    /// Whether the error says the server cannot be reached for now, rather than that a statement was wrong:
    /// SQLSTATE class 08 (connection exception) and 57P (the server shutting down or starting up).
    var meansUnavailable: Bool {
        switch self {
        case .connectionLost, .unreachable: true
        case .statementFailed(let sqlState, _):
            sqlState.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? true  // no SQLSTATE: the connection broke
        case .badURL, .commitsNotDurable, .rolledBack, .newerSchema: false
        }
    }
}
