/// What a roster import did (or, on a dry run, would do).
public struct RosterImportSummary: Sendable, Equatable {
    /// Ids of new families, in file order.
    public var added: [String] = []
    /// Ids (as stored) of known families with at least one changed field.
    public var updated: [String] = []
    /// Known families whose row changed nothing.
    public var unchanged = 0
    /// Every changed field, in file order.
    public var changes: [RosterChange] = []

    public init() {}
}

/// One field of a known family that an import changes.
public struct RosterChange: Sendable, Equatable {
    /// The roster fields, named as the file's Dutch header names them.
    public enum Field: String, Sendable {
        case group = "groep", childName = "kind", parentNames = "ouders", language = "taal", contact, tags = "kenmerken"

        /// Names and contacts are shown as "changed", never printed: the summary may end up in a log.
        public var isPersonal: Bool { self == .childName || self == .parentNames || self == .contact }
    }

    public var id: String
    public var field: Field
    /// Nil: empty.
    public var old: String?
    public var new: String?

    public init(id: String, field: Field, old: String?, new: String?) {
        self.id = id
        self.field = field
        self.old = old
        self.new = new
    }
}
