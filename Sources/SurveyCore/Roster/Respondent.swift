/// One parent or household on the roster (an `ouder` / respondent).
public struct Respondent: Sendable, Hashable, Codable {
    /// The roster id (a pupil number or the child's name as the school writes it).
    public var id: String
    /// Group or class, e.g. "5B" or "Dreumesgroep".
    public var group: String
    public var childName: String?
    public var parentNames: String?
    /// Preferred language code, e.g. "nl", "ar", "tr".
    public var language: String
    public var contact: String?
    /// Diversity tags, sorted.
    public var tags: [String]

    public init(id: String, group: String, childName: String? = nil, parentNames: String? = nil,
                language: String = "nl", contact: String? = nil, tags: [String] = []) {
        self.id = id
        self.group = group
        self.childName = childName
        self.parentNames = parentNames
        self.language = language
        self.contact = contact
        self.tags = Array(Set(tags)).sorted()
    }
}
