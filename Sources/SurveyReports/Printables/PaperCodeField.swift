import SurveyCore

/// The code at the top of a paper form: printed in when the form is for one invited parent, else eighteen
/// empty boxes in groups of three for staff or the parent to copy it from the letter.
enum PaperCodeField {
    static func html(code: InvitationCode?, label: String) -> String {
        let value: String
        if let code {
            value = code.description.split(separator: "-").map { PrintHTML.escape(String($0)) }
                .joined(separator: "<span class=\"dash\">-</span>")
            return "<div class=\"code-field\"><span class=\"code-label\">\(label)</span><span class=\"code\" dir=\"ltr\" lang=\"zxx\">\(value)</span></div>"
        }
        let group = String(repeating: "<span class=\"cbox\"></span>", count: 3)
        value = Array(repeating: group, count: 6).joined(separator: "<span class=\"dash\">-</span>")
        return "<div class=\"code-field\"><span class=\"code-label\">\(label)</span><span class=\"code blank\" dir=\"ltr\">\(value)</span></div>"
    }
}
