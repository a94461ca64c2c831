import Hummingbird

/// What a client over its budget is told: the time to wait, in the page and in `Retry-After`.
enum TooManyAttempts {
    /// Whole minutes to wait, rounded up, at least one.
    static func minutes(_ seconds: Int) -> Int { max(1, (seconds + 59) / 60) }

    /// For the staff login and the kiosk unlock: never "wrong password" while limited, since the
    /// password was not even checked.
    static func staffMessage(_ seconds: Int) -> String {
        let minutes = minutes(seconds)
        return "Te veel pogingen. Wacht \(minutes) min. en probeer het dan opnieuw. / Too many attempts. Wait \(minutes) min., then try again."
    }
}

extension Response {
    /// Marks a 429 with the seconds until the next attempt is allowed.
    func retryAfter(_ seconds: Int) -> Response {
        var response = self
        response.headers[.retryAfter] = String(seconds)
        return response
    }
}
