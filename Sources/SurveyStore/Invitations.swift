import Foundation
import SurveyCore

extension SurveyDatabase {
    /// Gives each respondent a personal code; a respondent who has one keeps it (a reprinted letter still works).
    public func invite(_ respondentIDs: [String]) throws -> [(respondent: Respondent, code: InvitationCode)] {
        try write { db in
            let peilingID = try peilingID(db)
            var result: [(Respondent, InvitationCode)] = []
            for id in respondentIDs {
                guard let row = try RespondentRow.find(peilingID: peilingID, id: id, db) else { throw StoreError.unknownRespondent(id) }
                if let existing: String = try db.value("SELECT code FROM invitation WHERE peiling_id = ? AND respondent_id = ?", peilingID, id) {
                    result.append((row.respondent, try InvitationCode(parsing: existing)))
                    continue
                }
                // Codes are unique across the whole file, so a code alone names its peiling.
                var code = InvitationCode.generate()
                while try db.row("SELECT code FROM invitation WHERE code = ?", code.value) != nil {
                    code = InvitationCode.generate()
                }
                try db.execute("INSERT INTO invitation (code, peiling_id, respondent_id, created_at) VALUES (?, ?, ?, ?)",
                               code.value, peilingID, id, Date())
                result.append((row.respondent, code))
            }
            return result
        }
    }

    /// The respondent a typed code belongs to. A typo and an unknown code are told apart here; a web page
    /// that must not help guessing shows both the same.
    public func respondent(forCode typed: String) throws -> (respondent: Respondent, code: InvitationCode) {
        let code: InvitationCode
        do { code = try InvitationCode(parsing: typed) } catch .typo { throw StoreError.codeTypo } catch { throw StoreError.unknownCode }
        guard let row = try readOne({ db in
            try db.row("""
                SELECT r.* FROM respondent r JOIN invitation i ON i.peiling_id = r.peiling_id AND i.respondent_id = r.id
                WHERE i.code = ? AND i.peiling_id = ?
                """, code.value, try peilingID(db)).map(RespondentRow.init)
        }) else { throw StoreError.unknownCode }
        return (row.respondent, code)
    }

    /// Respondent id -> code, for everyone invited.
    public func invitationCodes() throws -> [String: InvitationCode] {
        let rows = try read { try $0.rows("SELECT respondent_id, code FROM invitation WHERE peiling_id = ?", try peilingID($0)) }
        var codes: [String: InvitationCode] = [:]
        for row in rows { codes[try row["respondent_id"]] = try? InvitationCode(parsing: try row["code"]) }
        return codes
    }
}
