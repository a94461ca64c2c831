import Foundation

/// The language the CLI speaks to the teacher: Dutch or English, chosen once from the environment.
///
/// `OUDERSTEM_LANG` (`nl` or `en`) wins; otherwise the POSIX locale decides, in POSIX order: the first of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set. A locale starting with `nl` is Dutch, any other named
/// locale (`en_US.UTF-8`, `de_DE`) English. An unset locale, `C` or `POSIX` (`C.UTF-8` too) says nothing
/// about the person at the keyboard: a school laptop's terminal or a fresh Linux often has it, and the
/// people this tool is for are Dutch teachers, so that is Dutch.
enum CLILanguage: String, Sendable {
    case dutch = "nl"
    case english = "en"

    /// The language of this run.
    static let current = CLILanguage(environment: ProcessInfo.processInfo.environment)

    init(environment: [String: String]) {
        if let override = environment["OUDERSTEM_LANG"]?.lowercased() {
            if override.hasPrefix("nl") { self = .dutch; return }
            if override.hasPrefix("en") { self = .english; return }
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = Self.saysNothing(locale) || locale.lowercased().hasPrefix("nl") ? .dutch : .english
    }

    /// Unset, `C`, `POSIX`, or `C` with an encoding (`C.UTF-8`): the machine's default, not a choice.
    private static func saysNothing(_ locale: String) -> Bool {
        let name = locale.split(separator: ".").first.map(String.init) ?? ""
        return name.isEmpty || name == "C" || name == "POSIX"
    }
}
