import Foundation
import SurveyCore

/// One front door onto the form: the parent's own link, the kiosk, or the interview screen.
/// The pages and the rules are the same; the address, the method recorded and the extras differ.
struct FormChannel: Sendable {
    /// Where the form posts and its pages live, e.g. `/s/K7QM...`.
    var basePath: String
    var method: ResponseMethod
    var interpreter: InterpreterKind?
    var enteredBy: String?
    /// The CSRF token for staff and kiosk forms (a parent's own link is its own secret).
    var csrf: String?
    /// Interview screen: every text in Dutch beside the parent's language, options numbered for reading aloud.
    var bilingual = false
    /// Kiosk: no autofill and nothing remembered.
    var kiosk = false
    /// Hidden fields carried from page to page (the interview's method and interpreter).
    var carried: [(name: String, value: String)] = []
    /// Kiosk: the idle time after which the screen returns to the start (a parent's page is saved as a draft first).
    var idle: KioskIdle?
    /// Interview: a line for staff (method, respondent, who enters), in Dutch and English.
    var banner = ""
}

extension FormChannel {
    /// The address of a page of this form, with the carried fields, e.g. `/s/CODE?page=contact&lang=ar`.
    func url(_ suffix: String = "", page: String? = nil, language: String? = nil, extra: [(String, String)] = []) -> String {
        var query: [(String, String)] = []
        if let page { query.append(("page", page)) }
        if let language { query.append(("lang", language)) }
        query += carried.map { ($0.name, $0.value) } + extra
        let encoded = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        return basePath + suffix + (encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&"))
    }
}
