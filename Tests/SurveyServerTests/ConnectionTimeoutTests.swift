import Foundation
import SurveyServer
import Testing

/// A connection that sends its request too slowly, or nothing at all, is closed by the server: a few
/// such clients must not hold the server's connections for ever.
@Suite struct ConnectionTimeoutTests {
    /// Polls `connection` every 0.1 s for up to 30 s (a cap for a broken server, far above the 1 s
    /// timeout under test), optionally sending `trickle(step)` each time. Returns what arrived and
    /// whether the server closed the connection.
    func watch(_ connection: RawConnection, trickle: ((Int) -> String)? = nil) async throws -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        for step in 0..<300 {
            let (bytes, closed) = connection.receive(waiting: 0)
            received += bytes
            if closed { return (String(decoding: received, as: UTF8.self), true) }
            if let trickle, !connection.send(trickle(step)) { return (String(decoding: received, as: UTF8.self), true) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    @Test(arguments: ServerTestBackend.available) func slowHeadersStalledBodiesAndIdleConnectionsAreClosed(_ backend: ServerTestBackend) async throws {
        let peiling = try TestPeiling(on: backend)
        defer { peiling.cleanUp() }
        try await peiling.withServer(idleTimeoutSeconds: 1) { browser in
            let port = try #require(browser.client.port)

            // Five clients that send their headers one line at a time and never finish (slowloris).
            let slow = try (0..<5).map { _ in try RawConnection(port: port) }
            for connection in slow { #expect(connection.send("GET / HTTP/1.1\r\nHost: localhost\r\n")) }
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for connection in slow {
                    group.addTask { try await watch(connection) { "X-Slow-\($0): x\r\n" }.closed }
                }
                for try await closed in group { #expect(closed, "a client sending headers slowly is cut off") }
            }

            // Complete headers, then a body that stops arriving.
            let stalled = try RawConnection(port: port)
            #expect(stalled.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ncode="))
            #expect(try await watch(stalled).closed, "a body that stops arriving does not hold the connection")

            // A complete request is answered; then the idle keep-alive connection is closed.
            let idle = try RawConnection(port: port)
            #expect(idle.send("GET /static/app.css HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            let (answer, closed) = try await watch(idle)
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(closed, "an idle connection is closed")

            // The server goes on serving (on a new connection: the test client's own one has been idle too).
            let later = try RawConnection(port: port)
            #expect(later.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            #expect(try await watch(later).text.hasPrefix("HTTP/1.1 200"))
        }
    }
}
