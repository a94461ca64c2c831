/// The texts of `survey validate`, `survey show` and `survey translate`. The survey's own texts and the
/// validator's diagnostics (file, line, what is wrong) come from the survey library and are not here.
extension CLIText {
    static let survey: [CLIText: Phrase] = [
        .problemOne: Phrase(nl: "probleem", en: "problem"),
        .problemMany: Phrase(nl: "problemen", en: "problems"),

        // validate, show
        .surveyValid: Phrase(nl: "{file}: in orde: {summary}", en: "{file}: valid: {summary}"),
        .surveySummary: Phrase(
            nl: "{id} v{version}: {themes} thema's, {questions} vragen, talen {languages}",
            en: "{id} v{version}: {themes} themes, {questions} questions, languages {languages}"),
        .surveyDraftMark: Phrase(nl: " (concept)", en: " (draft)"),
        .surveyTextsPerLanguage: Phrase(
            nl: "Teksten per taal ({count} in totaal, schermteksten meegeteld):",
            en: "Texts per language ({count} in all, screen texts included):"),
        .surveyToFix: Phrase(nl: "{file}: {count} {problems} op te lossen.", en: "{file}: {count} {problems} to fix."),
        .surveyTranslations: Phrase(nl: "Vertalingen:", en: "Translations:"),
        .surveyNoLanguage: Phrase(
            nl: "De vragenlijst heeft geen taal '{language}'; wel {languages}. Begin er een met `ouderstem survey translate export {file} --lang {language}`.",
            en: "The survey has no language '{language}'; it has {languages}. Start one with `ouderstem survey translate export {file} --lang {language}`."),
        .surveyHasProblems: Phrase(
            nl: "{file} heeft {count} {problems}; voer `ouderstem survey validate {file}` uit voor de lijst.",
            en: "{file} has {count} {problems}; run `ouderstem survey validate {file}` for the list."),
        .translationTableHeader: Phrase(
            nl: "taal||aanwezig|ontbreekt|concept|gecontroleerd",
            en: "language||present|missing|draft|checked"),

        // The survey as text
        .surveyTextBackground: Phrase(nl: "  [achtergrond, niet verplicht]", en: "  [background, optional]"),
        .surveyTextRequired: Phrase(nl: "verplicht", en: "required"),
        .surveyTextOnlyWhen: Phrase(nl: "(alleen als '{question}' is beantwoord met {answers})", en: "(only when '{question}' is {answers})"),
        .surveyTextOr: Phrase(nl: " of ", en: " or "),
        .surveyTextNumber: Phrase(nl: "getal {min}-{max}: ____", en: "number {min}-{max}: ____"),
        .surveyTextSetsTag: Phrase(nl: "geeft kenmerk '{tag}' bij: {options}", en: "sets tag '{tag}' for: {options}"),

        // Side by side
        .sideBySideDraft: Phrase(
            nl: " (concept: nog niet gecontroleerd door een moedertaalspreker)",
            en: " (draft: not checked by a native speaker yet)"),
        .sideBySideMissingEnglish: Phrase(
            nl: "(ontbreekt: het Engels wordt getoond: {text})",
            en: "(missing: English is shown: {text})"),
        .sideBySideMissing: Phrase(nl: "(ontbreekt: geen tekst)", en: "(missing: no text)"),

        // translate export
        .translateLanguage: Phrase(
            nl: "--lang moet de code zijn van de taal waarin vertaald wordt, zoals pl, tr of uk (niet nl).",
            en: "--lang should be the code of the language to translate into, such as pl, tr or uk (not nl)."),
        .translateCannotWriteExport: Phrase(
            nl: "Kan {path} niet schrijven: {error}. Controleer of de map bestaat en beschreven mag worden.",
            en: "Cannot write {path}: {error}. Check that the folder exists and can be written to."),
        .translateExported: Phrase(
            nl: "{path}: {total} teksten te vertalen naar {name} ({language}): {present} vertaald, {missing} te doen.",
            en: "{path}: {total} texts into {name} ({language}): {present} translated, {missing} to do."),

        // translate import
        .translateRefused: Phrase(
            nl: "{translations} is geweigerd ({count} {problems}); er is niets geschreven naar {file}.",
            en: "{translations} was refused ({count} {problems}); nothing was written to {file}."),
        .translateWouldBeInvalid: Phrase(
            nl: "Met deze vertalingen zou {file} niet geldig zijn; er is niets geschreven.",
            en: "With these translations {file} would not be valid; nothing was written."),
        .translateDryRun: Phrase(nl: "Proefrun: er is niets geschreven.", en: "Dry run: nothing was written."),
        .translateNothingToChange: Phrase(nl: "Niets te veranderen in {file}.", en: "Nothing to change in {file}."),
        .translateCannotWrite: Phrase(nl: "Kan {file} niet schrijven: {error}.", en: "Cannot write {file}: {error}."),
        .translateWritten: Phrase(nl: "Gecontroleerd en geschreven: {file}.", en: "Validated and written: {file}."),
        .importHeading: Phrase(nl: "{source} -> {file}, {language}:", en: "{source} -> {file}, {language}:"),
        .importLanguageAdded: Phrase(
            nl: "  {language} is nieuw in de vragenlijst: als concept toegevoegd aan `languages`.",
            en: "  {language} is new in the survey: added to `languages` as a draft."),
        .importNew: Phrase(nl: "nieuw", en: "new"),
        .importChanged: Phrase(nl: "gewijzigd", en: "changed"),
        .importMissing: Phrase(nl: "ontbreekt (het Engels wordt getoond)", en: "missing (English is shown instead)"),
        .importKept: Phrase(
            nl: "niet in het bestand (de vragenlijst houdt zijn vertaling)",
            en: "not in the file (the survey keeps its translation)"),
        .importUnchanged: Phrase(nl: "  {count} ongewijzigd", en: "  {count} unchanged"),
        .importMore: Phrase(nl: ", ... ({count} meer)", en: ", ... ({count} more)"),
        .importTooLong: Phrase(
            nl: "  waarschuwing: {unit} is langer dan {maximum} tekens en past misschien niet op de knop of het label.",
            en: "  warning: {unit} is longer than {maximum} characters and may not fit its button or label."),
    ]
}
