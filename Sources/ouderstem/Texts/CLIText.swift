import Foundation
import SurveyStore

/// One text the CLI prints, in Dutch and English, with named placeholders such as `{file}`.
struct Phrase: Sendable {
    let nl: String
    let en: String

    func text(in language: CLILanguage) -> String { language == .dutch ? nl : en }
}

/// The one table of what `ouderstem` says to the teacher: every message, prompt and error, by key. The
/// texts live by command in the `*Texts.swift` files beside this one; the key names them, so a typo in a
/// key does not compile, and a test checks that every key has a text in both languages with the same
/// placeholders. `--help` stays English, as Swift command-line tools do.
enum CLIText: String, CaseIterable, Sendable {
    // errors, peilingen, init, settings, close, reopen, staff, serve, demo (GeneralTexts.swift)
    case errorPrefix, endOfInput, interrupted, storeNoDatabase, storeNewerDatabase, storeNoPeiling, storeAlreadyInitialized
    case storeUnknownPeiling, storeChoosePeiling, peilingenHeader, peilingenNone, peilingenNoSchool, initChoosePeiling
    case storeOtherSurvey, storeUnknownCode, storeCodeTypo, storeClosed, storeAlreadyAnswered, storeNotAnswered
    case storeUnknownRespondent, storeNotInSample, storeForgetOnlyWhenClosed, storeSQLiteOnly, storeCopyTargetNotEmpty, storeCopyIncomplete, migrateNeedsURL, migrated, initVersionChange, initOnlyWording
    case initResponsesSoFar, initStarted, initNext, initUpdated, letterStillNeeds, settingsSchool, settingsGroups
    case settingsContact, settingsContactInfo, settingsDeadline, settingsWhy, settingsLogo, yes, settingsLogoType
    case settingsLogoUnreadable, settingsLogoTooLarge, closed, reopened, staffNameRule, staffPasswordPrompt
    case staffPasswordAgainPrompt, staffPasswordTooShort, staffPasswordsDiffer, staffAdded, staffPasswordChanged
    case staffNone, staffListed, staffNoPassword, staffBoardHasNoSchool, staffNeedsSchool, staffCoordinatorHasNoPeilingen
    case staffOtherSchool, staffPeilingWithoutSchool, staffScopeBoard, staffScopeSchool, staffScopeOwn
    case servePortRange, serveKioskIdle, serveNoStaff, serveFirstAccountInBrowser, serveNoPeiling, serveListening
    case servePortInUse, serveCannotListen, serveInstanceName, demoSimulated
    // roster, sample, invite, survey print (RosterTexts.swift)
    case rosterUnreadable, rosterRefused, rosterWindows1252, rosterLanguagesHeading, rosterDryRun
    case rosterImported, rosterChangedFields, rosterEmptyCellsKept, rosterTags, rosterCleared, rosterChanged
    case rosterEmpty, rosterAnswered, rosterInSample, rosterListHeader, rosterFamilies, rosterFamiliesWithTag
    case forgetReportsWithNames, forgetConfirm, forgetNothingDeleted, forgetDone, forgetStillToDelete
    case sampleDeclinedReplaced, sampleDeclinedNoReserve, sampleSizeTooSmall, sampleReserveNegative, rosterIsEmpty
    case sampleUnknownCoverTag, sampleWholeRoster, sampleDrawn, sampleWhatToDo, sampleNone, sampleCoverage
    case sampleCoverageHeader, sampleReserve, sampleDeclined, sampleInsteadOf, sampleHeading, inviteLinkTooLong
    case invitedLetters, inviteLinks, invitePrintAdvice, inviteLetterMissing, warningPrefix, invitePeilingClosed
    case inviteLocalLinks, inviteFallbackLanguage, inviteDraftLanguage, inviteNoSample, letterOne, letterMany
    case codeOne, codeMany, letterIs, lettersAre, letterUses, lettersUse, formOne, formMany, cannotWrite
    case printSampleNeedsCode, printCodeWithSurvey, printNoDatabase, printForms, printAdvice, printDraftLanguage
    case surveyLacksLanguage, printNoCodesInSample, printNoCodes
    // enter (EntryTexts.swift)
    case enterReplacePrompt, enterKeptEarlier, enterHeading, enterNoTranslation, enterSaved, enterCodeOrRespondent
    case enterMethodMissing, enterMethodUnknown, enterInterpreterWithoutOral, enterInterpreterMissing
    case enterInterpreterUnknown, verifyKeepsMethod, verifyStart, verifyFirst, verifySecond, verifyWhich, verifyDone
    case entryHelp, entrySavePrompt, entrySaveHint, entryLeftOpenHint, entrySummary, entryNotAnswered
    case entryControlCharacter, conflictChanged, conflictShowDifferences, conflictReplace, conflictKept
    case conflictStored, conflictTyped, conflictNoDifferences
    // status, report, export (ReportTexts.swift)
    case statusPeiling, statusOpen, statusClosed, statusResponse, statusInProgress, statusAnonymous, statusSample
    case statusMethodHeader, statusGroupHeader, statusTagHeader, statusUntranslated, statusRepresentativeness
    case statusPartialsHeader, statusEveryoneAnswered, statusNotAnswered, statusMissingHeader, reportLanguage
    case reportMinGroup, reportOpenAnswers, reportRemovedUnfinished, reportWithNames, reportNotWritten
    case reportWorkbook, reportSummary, exportFormat, exportMinGroup, exportWarning, exportRows, exportOpenIncluded
    case exportOpenLeftOut, exportSeed, exportFile, overviewWritten
    // survey validate, show, translate (SurveyTexts.swift)
    case problemOne, problemMany, surveyValid, surveySummary, surveyDraftMark, surveyTextsPerLanguage, surveyToFix
    case surveyTranslations, surveyNoLanguage, surveyHasProblems, translationTableHeader, surveyTextBackground
    case surveyTextRequired, surveyTextOnlyWhen, surveyTextOr, surveyTextNumber, surveyTextSetsTag, sideBySideDraft
    case sideBySideMissingEnglish, sideBySideMissing, translateLanguage, translateCannotWriteExport
    case translateExported, translateRefused, translateWouldBeInvalid, translateDryRun, translateNothingToChange
    case translateCannotWrite, translateWritten, importHeading, importLanguageAdded, importNew, importChanged
    case importMissing, importKept, importUnchanged, importMore, importTooLong
    // backup, restore (BackupTexts.swift)
    case backupWritten, restored, backupExists, backupNoCopy, backupNotADatabase, backupDamaged, backupNewerSchema
    case backupInUse, backupCannotWrite
}

extension CLIText {
    /// Every text, by key (the tables by command merged; a key is in exactly one of them).
    static let table: [CLIText: Phrase] = [general, roster, entry, report, survey, backup].reduce(into: [:]) { all, part in
        all.merge(part) { first, _ in first }
    }

    /// The text in `language`, each `{name}` replaced by `values[name]`.
    func text(_ values: [String: Any] = [:], in language: CLILanguage = .current) -> String {
        guard let phrase = Self.table[self] else { return rawValue }
        var text = phrase.text(in: language)
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: "\(value)") }
        return text
    }

    /// The `{name}` placeholders of a text, for checking both languages against each other.
    static func placeholders(in text: String) -> Set<String> {
        Set(text.matches(of: #/\{([A-Za-z]+)\}/#).map { String($0.output.1) })
    }
}

/// The text for `key` in the language of this run: `say(.rosterImported, ["count": 30, "file": file])`.
func say(_ key: CLIText, _ values: [String: Any] = [:]) -> String {
    key.text(values)
}

/// A table header from a text whose columns are separated by '|'.
func columns(_ key: CLIText) -> [String] {
    say(key).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
}

/// The singular or the plural word for `count`: `plural(3, .letterOne, .letterMany)` is "brieven".
func plural(_ count: Int, _ one: CLIText, _ many: CLIText) -> String {
    say(count == 1 ? one : many)
}

/// The Dutch or the English of a value that carries both (a method's label, who changed a response).
func pick(_ dutch: String, _ english: String) -> String {
    CLILanguage.current == .dutch ? dutch : english
}

extension StoreError {
    /// The database's refusal in the teacher's language, with the command that fixes it.
    var cliMessage: String {
        switch self {
        case .noDatabase(let path): say(.storeNoDatabase, ["path": path])
        case .newerDatabase(let path, let steps): say(.storeNewerDatabase, ["path": path, "steps": steps.joined(separator: ", ")])
        case .noPeiling: say(.storeNoPeiling)
        case .unknownPeiling(let name, let choices): say(.storeUnknownPeiling, ["name": name, "choices": PeilingNames.list(choices)])
        case .choosePeiling(let choices): say(.storeChoosePeiling, ["choices": PeilingNames.list(choices)])
        case .alreadyInitialized(let survey): say(.storeAlreadyInitialized, ["survey": survey])
        case .otherSurvey(let existing, let new): say(.storeOtherSurvey, ["existing": existing, "new": new])
        case .unknownCode: say(.storeUnknownCode)
        case .codeTypo: say(.storeCodeTypo)
        case .closed: say(.storeClosed)
        case .alreadyAnswered(let code): say(.storeAlreadyAnswered, ["code": code])
        case .notAnswered(let code): say(.storeNotAnswered, ["code": code])
        case .unknownRespondent(let id): say(.storeUnknownRespondent, ["id": id])
        case .notInSample(let id): say(.storeNotInSample, ["id": id])
        case .rosterForgottenOnlyWhenClosed: say(.storeForgetOnlyWhenClosed)
        case .copyTargetNotEmpty(let target): say(.storeCopyTargetNotEmpty, ["target": target])
        case .copyIncomplete(let table, let source, let target):
            say(.storeCopyIncomplete, ["table": table, "source": source, "target": target])
        case .sqliteOnly(let work, let database):
            say(.storeSQLiteOnly, ["what": pick(work.dutch, work.english), "database": database])
        }
    }
}
