import SurveyStore

/// Everything the server needs to serve one peiling: a view on the file's one pool fixed on that peiling,
/// its survey, the form responder with a group commit of its own, code look-up within the peiling, and the
/// kiosks unlocked for it (the store keeps each kiosk with its peiling).
final class PeilingServices: Sendable {
    let id: Int64
    let database: SurveyDatabase
    let source: SurveySource
    let responder: FormResponder
    let access: CodeAccess
    let kiosks: SessionStore

    init(id: Int64, root: SurveyDatabase, pages: Pages, limits: RateLimits, cleanup: ExpiryCleanup) throws {
        self.id = id
        database = root.view(ofPeiling: id)
        source = SurveySource(database: database)
        responder = FormResponder(database: database, pages: pages, saves: SaveBatcher(database: database))
        access = CodeAccess(database: database, limits: limits)
        kiosks = try SessionStore(state: try database.serverState(), cleanup: cleanup)
    }
}
