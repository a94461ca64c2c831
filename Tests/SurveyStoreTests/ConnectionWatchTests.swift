import Logging
import NIOPosix
import PostgresNIO
@testable import SurveyStore
import Testing

/// A statement sent on a connection that has just closed is answered with an error, never waited for forever.
@Suite struct ConnectionWatchTests {
    @Test(.enabled(if: TestPostgres.runs, TestPostgres.skipped))
    func aStatementOnAClosedConnectionFailsInsteadOfWaitingForever() throws {
        let address = try PostgresAddress(url: TestPostgres.requiredURL())
        let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: address.configuration, id: 1,
                                                        logger: Logger(label: "test")).wait()
        let watch = ConnectionWatch(connection)
        try connection.close().wait()
        // Without the watch this wait never returns: PostgresNIO drops the statement on the closed channel.
        #expect(throws: PostgresStoreError.connectionLost) {
            try watch.watch(connection.query("SELECT 1", logger: Logger(label: "test"))).wait()
        }
    }
}
