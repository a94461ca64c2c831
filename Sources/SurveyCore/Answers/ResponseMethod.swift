/// How a response was collected: the response methods of De Vries (2013).
public enum ResponseMethod: String, Sendable, Codable, CaseIterable {
    /// Paper form filled in at home, typed in later by staff.
    case paperHome = "paper_home"
    /// Filled in at school right before or after the ten-minute / start conversation.
    case atSchoolConversation = "at_school_conversation"
    /// On the parent's own device through the personal link.
    case digital
    /// On a school device (kiosk).
    case digitalAtSchool = "digital_at_school"
    /// Staff read the questions aloud and enter the answers.
    case oral
    /// Oral, with an interpreter.
    case oralInterpreter = "oral_interpreter"

    /// The name a teacher reads in lists and reports.
    public var label: LocalizedText {
        switch self {
        case .paperHome: ["nl": "Papier (thuis)", "en": "Paper (at home)"]
        case .atSchoolConversation: ["nl": "Op school (bij gesprek)", "en": "At school (at the conversation)"]
        case .digital: ["nl": "Digitaal (eigen apparaat)", "en": "Digital (own device)"]
        case .digitalAtSchool: ["nl": "Digitaal op school", "en": "Digital at school"]
        case .oral: ["nl": "Mondeling", "en": "Oral"]
        case .oralInterpreter: ["nl": "Mondeling met tolk", "en": "Oral with interpreter"]
        }
    }

    /// Whether staff typed the answers in (so `entered_by` names them).
    public var isEnteredByStaff: Bool {
        self == .paperHome || self == .oral || self == .oralInterpreter
    }
}

/// Who interpreted an oral interview.
public enum InterpreterKind: String, Sendable, Codable, CaseIterable {
    case professional
    case familyMember = "family_member"
    case staffMember = "staff_member"
    case other

    public var label: LocalizedText {
        switch self {
        case .professional: ["nl": "Professionele tolk", "en": "Professional interpreter"]
        case .familyMember: ["nl": "Familielid", "en": "Family member"]
        case .staffMember: ["nl": "Medewerker", "en": "Staff member"]
        case .other: ["nl": "Anders", "en": "Other"]
        }
    }
}
