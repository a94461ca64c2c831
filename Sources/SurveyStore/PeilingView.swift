import SurveyCore

extension SurveyDatabase {
    /// A handle on the same file that works on the peiling with `id`, sharing this handle's pool: the form
    /// server keeps one pool for the whole file and one such view per peiling it serves, instead of opening
    /// the file again per request.
    public func view(ofPeiling id: Int64) -> SurveyDatabase {
        SurveyDatabase(sharing: self, peilingID: id)
    }

    /// A handle on the same pool for the peiling called `name`: `initialize` on it starts that peiling when
    /// the file has none of that name (the dashboard starting another school's or group's peiling).
    public func view(named name: String) -> SurveyDatabase {
        SurveyDatabase(sharing: self, peilingName: name)
    }

    /// The id of the peiling a code belongs to, looked up across the whole file (codes are unique in it);
    /// nil for a code that is malformed or on no roster.
    public func peilingID(forCode typed: String) throws -> Int64? {
        guard let code = try? InvitationCode(parsing: typed) else { return nil }
        return try readOne { try $0.value("SELECT peiling_id FROM invitation WHERE code = ?", code.value) }
    }
}
