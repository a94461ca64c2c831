/// One family's row as the roster file gives it: nil for an empty cell or a missing column, so a
/// re-import can tell "no value" from a value and leave what is stored alone.
public struct RosterRow: Sendable, Equatable {
    /// The row number in the file (the header is row 1).
    public var row: Int
    public var id: String
    public var group: String
    public var childName: String?
    public var parentNames: String?
    public var language: String?
    public var contact: String?
    /// Nil for an empty cell; an empty list never comes from a file.
    public var tags: [String]?

    public init(row: Int, id: String, group: String, childName: String? = nil, parentNames: String? = nil,
                language: String? = nil, contact: String? = nil, tags: [String]? = nil) {
        self.row = row
        self.id = id
        self.group = group
        self.childName = childName
        self.parentNames = parentNames
        self.language = language
        self.contact = contact
        self.tags = tags.map { Array(Set($0)).sorted() }
    }

    /// Every field given, as a roster built in code states a family completely.
    public init(_ respondent: Respondent) {
        self.init(row: 0, id: respondent.id, group: respondent.group, childName: respondent.childName,
                  parentNames: respondent.parentNames, language: respondent.language, contact: respondent.contact,
                  tags: respondent.tags)
    }

    /// The family as a new roster entry: empty cells take their defaults (language `nl`, no tags).
    public var respondent: Respondent {
        Respondent(id: id, group: group, childName: childName, parentNames: parentNames, language: language ?? "nl",
                   contact: contact, tags: tags ?? [])
    }
}
