import Foundation
import Testing
@testable import ouderstem

/// The CLI speaks Dutch to a Dutch teacher and English otherwise, from one table of texts.
@Suite struct CLILanguageTests {
    static let dutch = "nl_NL.UTF-8"
    static let english = "en_US.UTF-8"

    // MARK: The table

    @Test func everyTextHasBothLanguagesWithTheSamePlaceholders() {
        for key in CLIText.allCases {
            guard let phrase = CLIText.table[key] else {
                Issue.record("\(key) has no text")
                continue
            }
            #expect(!phrase.nl.isEmpty && !phrase.en.isEmpty, "\(key) needs a Dutch and an English text")
            #expect(CLIText.placeholders(in: phrase.nl) == CLIText.placeholders(in: phrase.en),
                    "\(key): Dutch \(CLIText.placeholders(in: phrase.nl).sorted()) but English \(CLIText.placeholders(in: phrase.en).sorted())")
        }
        #expect(CLIText.table.count == CLIText.allCases.count, "no text without a key")
    }

    @Test func placeholdersAreFilledByName() {
        let values: [String: Any] = ["count": 30, "file": "klas.csv", "added": 30, "updated": 0, "unchanged": 0]
        #expect(CLIText.rosterImported.text(values, in: .dutch) == "30 gezinnen ingelezen uit klas.csv: 30 nieuw, 0 bijgewerkt, 0 ongewijzigd.")
        #expect(CLIText.rosterImported.text(values, in: .english) == "Imported 30 families from klas.csv: 30 new, 0 updated, 0 unchanged.")
    }

    // MARK: Choosing the language

    @Test func theLocaleChoosesTheLanguageInPOSIXOrder() {
        #expect(CLILanguage(environment: ["LANG": "nl_NL.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "nl_BE.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(CLILanguage(environment: ["LANG": "de_DE.UTF-8"]) == .english)
        // LC_ALL before LC_MESSAGES before LANG; an empty one counts as unset.
        #expect(CLILanguage(environment: ["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "nl_NL"]) == .english)
        #expect(CLILanguage(environment: ["LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]) == .english)
        // OUDERSTEM_LANG overrides the locale.
        #expect(CLILanguage(environment: ["OUDERSTEM_LANG": "en", "LC_ALL": "nl_NL.UTF-8"]) == .english)
        #expect(CLILanguage(environment: ["OUDERSTEM_LANG": "nl", "LANG": "en_US.UTF-8"]) == .dutch)
    }

    @Test func anUnsetOrDefaultLocaleIsDutch() {
        #expect(CLILanguage(environment: [:]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "C"]) == .dutch)
        #expect(CLILanguage(environment: ["LANG": "C.UTF-8"]) == .dutch)
        #expect(CLILanguage(environment: ["LC_ALL": "POSIX"]) == .dutch)
    }
}
