import Hummingbird
import Logging

/// Every refused or failed request answered with a short page in Dutch with English beside it, keeping its
/// status: a form that expired or was forged (403), a post that could not be read (400), an address with no
/// page (404), anything that failed (500). Hummingbird's own answers were a line of English JSON or an empty
/// page, which a parent or teacher can do nothing with. Each page says whether anything was saved: a save
/// is acknowledged only after its commit, so a refused or failed request saved nothing of its own.
struct ErrorPage: RouterMiddleware {
    typealias Context = AppContext
    let pages: Pages
    let logger: Logger

    func handle(_ request: Request, context: AppContext,
                next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            if error.status.code >= 500 { logger.error("\(request.method) \(request.uri.path): \(error)") }
            var response = Self.page(for: error.status, pages)
            for field in (error as? HTTPError)?.headers ?? [:] { response.headers.append(field) }  // Allow, Retry-After
            return response
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return Self.page(for: .internalServerError, pages)
        }
    }

    /// The page for `status`, in Dutch with English beside it.
    static func page(for status: HTTPResponse.Status, _ pages: Pages) -> Response {
        let (heading, text): (String, String)
        switch status {
        case .serviceUnavailable:
            heading = "Even niet bereikbaar · Briefly unavailable"
            text = "Er is niets verstuurd of opgeslagen. Ga terug en probeer het over een paar seconden opnieuw. "
                + "· Nothing was sent or saved. Go back and try again in a few seconds."
        case .forbidden:
            heading = "Dit formulier is verlopen · This form has expired"
            text = "Het formulier is te oud of kwam niet van deze site, en er is niets opgeslagen. Ga terug, laad de "
                + "pagina opnieuw en probeer het nog eens. · The form is too old or did not come from this site, and "
                + "nothing was saved. Go back, reload the page and try again."
        case .badRequest:
            heading = "Het formulier kon niet worden gelezen · The form could not be read"
            text = "Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens. · Nothing was "
                + "saved. Go back, reload the page and try again."
        case .notFound:
            heading = "Pagina niet gevonden · Page not found"
            text = "Op dit adres staat geen pagina. Kijk of de link klopt, of begin op de beginpagina. · There is no "
                + "page at this address. Check the link, or start from the start page."
        case _ where status.code >= 500:
            heading = "Er ging iets mis · Something went wrong"
            text = "Wat u net verstuurde is misschien niet opgeslagen. Ga terug en probeer het nog eens; lukt het "
                + "weer niet, vraag het dan aan de school. · What you just sent may not have been saved. Go back and "
                + "try again; if it fails again, ask the school."
        default:
            heading = "Dit lukte niet · That did not work"
            text = "Er is niets opgeslagen. Ga terug en probeer het nog eens. · Nothing was saved. Go back and try again."
        }
        return pages.html("message", [
            "lang": "nl", "dir": "ltr", "noLanguages": true,
            "title": heading.replacingOccurrences(of: " · ", with: " / "),
            "heading": heading, "text": text,
            "linkHref": "/", "linkLabel": "Naar de beginpagina · To the start page",
        ], status: status)
    }
}
