/// The texts of `roster`, `sample`, `invite` and `survey print`.
extension CLIText {
    static let roster: [CLIText: Phrase] = [
        // roster import
        .rosterUnreadable: Phrase(
            nl: "Het ouderlijstbestand {file} kan niet gelezen worden; controleer het pad.",
            en: "Cannot read the roster file {file}; check the path."),
        .rosterRefused: Phrase(nl: "{file}: {problem} Er is niets ingelezen.", en: "{file}: {problem} Nothing was imported."),
        .rosterWindows1252: Phrase(
            nl: "Let op: {file} is geen UTF-8; het is gelezen als Windows-1252 (oudere Excel). Kijk hieronder of namen met accenten goed staan.",
            en: "Note: {file} is not UTF-8; it was read as Windows-1252 (older Excel). Check that names with accents look right below."),
        .rosterLanguagesHeading: Phrase(
            nl: "Thuistalen in {file} en de vragenlijst '{survey}':",
            en: "Home languages in {file} and the survey '{survey}':"),
        .rosterDryRun: Phrase(
            nl: "Proefrun, er is niets geschreven. Inlezen van {file} zou geven: {added} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
            en: "Dry run, nothing was written. Importing {file} would give {added} new, {updated} updated, {unchanged} unchanged."),
        .rosterImported: Phrase(
            nl: "{count} gezinnen ingelezen uit {file}: {added} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
            en: "Imported {count} families from {file}: {added} new, {updated} updated, {unchanged} unchanged."),
        .rosterChangedFields: Phrase(nl: "Gewijzigde velden:", en: "Changed fields:"),
        .rosterEmptyCellsKept: Phrase(
            nl: "Bij lege cellen is bewaard wat er al stond; voeg --replace-empty toe om die velden leeg te maken.",
            en: "Empty cells kept what was stored; add --replace-empty to clear those fields."),
        .rosterTags: Phrase(nl: "Kenmerken: {tags}", en: "Tags: {tags}"),
        .rosterCleared: Phrase(nl: "gewist", en: "cleared"),
        .rosterChanged: Phrase(nl: "gewijzigd", en: "changed"),
        .rosterEmpty: Phrase(nl: "(leeg)", en: "(empty)"),

        // roster list
        .rosterAnswered: Phrase(nl: "ingevuld", en: "answered"),
        .rosterInSample: Phrase(nl: "ja", en: "yes"),
        .rosterListHeader: Phrase(
            nl: "id|groep|kind|ouders|taal|kenmerken|steekproef|code|status",
            en: "id|groep|kind|ouders|taal|kenmerken|sample|code|status"),
        .rosterFamilies: Phrase(nl: "{count} gezinnen.", en: "{count} families."),
        .rosterFamiliesWithTag: Phrase(nl: "{count} gezinnen met kenmerk {tag}.", en: "{count} families with tag {tag}."),

        // roster forget
        .forgetReportsWithNames: Phrase(
            nl: "Deze rapporten zijn gemaakt met --with-names en bevatten nog namen van ouders; verwijder ze zelf:",
            en: "These reports were written with --with-names and still hold parents' names; delete them yourself:"),
        .forgetConfirm: Phrase(
            nl: "Dit wist alle namen en contactgegevens voorgoed. Typ 'ja' om door te gaan: ",
            en: "This deletes all names and contacts for good. Type 'ja' to go on: "),
        .forgetNothingDeleted: Phrase(nl: "Er is niets gewist.", en: "Nothing was deleted."),
        .forgetDone: Phrase(
            nl: "Namen en contactgegevens van {count} gezinnen zijn gewist; de antwoorden en hun kenmerken blijven.",
            en: "Names and contacts of {count} families are deleted; the responses and their tags remain."),
        .forgetStillToDelete: Phrase(
            nl: "Nog te verwijderen: {count} rapportbestand(en) met namen, hierboven genoemd.",
            en: "Still to delete: {count} report file(s) with names, listed above."),

        // sample
        .sampleDeclinedReplaced: Phrase(
            nl: "{id} doet niet mee; reserve {reserve} neemt de plaats in.",
            en: "{id} declined; reserve {reserve} takes the place."),
        .sampleDeclinedNoReserve: Phrase(
            nl: "{id} doet niet mee; er is geen reserve meer.",
            en: "{id} declined; no reserve is left."),
        .sampleSizeTooSmall: Phrase(nl: "--size moet minstens 1 zijn.", en: "--size must be at least 1."),
        .sampleReserveNegative: Phrase(nl: "--reserve kan niet negatief zijn.", en: "--reserve cannot be negative."),
        .rosterIsEmpty: Phrase(
            nl: "De ouderlijst is leeg; lees hem eerst in met `ouderstem roster import BESTAND.csv`.",
            en: "The roster is empty; import it first with `ouderstem roster import FILE.csv`."),
        .sampleUnknownCoverTag: Phrase(
            nl: "Let op: geen gezin op de ouderlijst heeft het kenmerk '{tag}', dus de steekproef kan daar niet op letten.",
            en: "Note: no family on the roster has the tag '{tag}', so the sample cannot balance on it."),
        .sampleWholeRoster: Phrase(
            nl: "Let op: de ouderlijst heeft maar {count} gezinnen; ze zitten allemaal in de steekproef.",
            en: "Note: the roster has only {count} families; all of them are in the sample."),
        .sampleDrawn: Phrase(
            nl: "{drawn} van de {roster} gezinnen getrokken met seed {seed} (dezelfde seed geeft dezelfde steekproef); elk gezin had dezelfde kans, {drawn} op {roster}.",
            en: "Drew {drawn} of {roster} families with seed {seed} (the same seed gives the same sample); every family had the same chance, {drawn} in {roster}."),
        .sampleWhatToDo: Phrase(
            nl: "Geef --size N om een steekproef te trekken, --decline ID of --show.",
            en: "Give --size N to draw a sample, --decline ID, or --show."),
        .sampleNone: Phrase(
            nl: "Er is nog geen steekproef getrokken; gebruik --size N.",
            en: "No sample has been drawn yet; use --size N."),
        .sampleCoverage: Phrase(nl: "Dekking:", en: "Coverage:"),
        .sampleCoverageHeader: Phrase(
            nl: "kenmerk, taal|op de lijst|aandeel|verwacht|in steekproef",
            en: "tag, language|roster|share|expected|in sample"),
        .sampleReserve: Phrase(nl: "reserve", en: "reserve"),
        .sampleDeclined: Phrase(nl: "doet niet mee", en: "declined"),
        .sampleInsteadOf: Phrase(nl: "in plaats van {id}", en: "instead of {id}"),
        .sampleHeading: Phrase(nl: "Steekproef (seed {seed}):", en: "Sample (seed {seed}):"),

        // invite
        .inviteLinkTooLong: Phrase(
            nl: "De link {base}/s/... is te lang voor een QR-code; gebruik een kortere --base-url.",
            en: "The link {base}/s/... is too long for a QR code; use a shorter --base-url."),
        .invitedLetters: Phrase(
            nl: "{count} {letters} ({new} nieuwe {codes}, {kept} behouden) in {file}",
            en: "{count} {letters} ({new} new {codes}, {kept} kept) in {file}"),
        .inviteLinks: Phrase(nl: "Persoonlijke links in {file}", en: "Personal links in {file}"),
        .invitePrintAdvice: Phrase(
            nl: "Druk de brieven dubbelzijdig af op A4: elke brief is één vel (Nederlands op de voorkant), zodat elke ouder een eigen vel krijgt.",
            en: "Print the letters on A4, double-sided: each letter is one sheet (Dutch on the front), so every parent gets a sheet of their own."),
        .inviteLetterMissing: Phrase(
            nl: "waarschuwing: de brief noemt nog geen {fields}; vul ze in met `ouderstem settings` en voer `ouderstem invite` opnieuw uit.",
            en: "warning: the letter does not say {fields} yet; set them with `ouderstem settings` and run `ouderstem invite` again."),
        .warningPrefix: Phrase(nl: "waarschuwing: ", en: "warning: "),
        .invitePeilingClosed: Phrase(
            nl: "waarschuwing: de peiling is gesloten, dus deze codes openen geen formulier tot `ouderstem reopen`.",
            en: "warning: the peiling is closed, so these codes open no form until `ouderstem reopen`."),
        .inviteLocalLinks: Phrase(
            nl: "de links wijzen naar {base}, dat telefoons thuis niet kunnen bereiken; geef --base-url met het adres van de server dat ouders kunnen openen.",
            en: "the links point to {base}, which phones at home cannot reach; give --base-url with the address of the server parents can open."),
        .inviteFallbackLanguage: Phrase(
            nl: "{count} {lettersAre} voor ouders die '{language}' spreken, wat de vragenlijst (of de brieftekst) niet heeft: die tonen Engels naast Nederlands en bieden het gesprek met een tolk aan (enter --method oral_interpreter --language {language}).",
            en: "{count} {lettersAre} for parents who speak '{language}', which the survey (or its letter texts) lacks: they show English beside Dutch and offer the interview with an interpreter (enter --method oral_interpreter --language {language})."),
        .inviteDraftLanguage: Phrase(
            nl: "{count} {lettersUse} de conceptvertaling '{language}', nog niet gecontroleerd door een moedertaalspreker.",
            en: "{count} {lettersUse} the draft '{language}' translation, not yet checked by a native speaker."),
        .inviteNoSample: Phrase(
            nl: "Er is nog geen steekproef getrokken; trek er een met `ouderstem sample --size N`, of laat --sample weg.",
            en: "No sample has been drawn yet; draw one with `ouderstem sample --size N`, or leave out --sample."),
        .letterOne: Phrase(nl: "brief", en: "letter"),
        .letterMany: Phrase(nl: "brieven", en: "letters"),
        .codeOne: Phrase(nl: "code", en: "code"),
        .codeMany: Phrase(nl: "codes", en: "codes"),
        .letterIs: Phrase(nl: "brief is", en: "letter is"),
        .lettersAre: Phrase(nl: "brieven zijn", en: "letters are"),
        .letterUses: Phrase(nl: "brief gebruikt", en: "letter uses"),
        .lettersUse: Phrase(nl: "brieven gebruiken", en: "letters use"),
        .formOne: Phrase(nl: "formulier", en: "form"),
        .formMany: Phrase(nl: "formulieren", en: "forms"),
        .cannotWrite: Phrase(nl: "Kan {path} niet schrijven: {error}", en: "Could not write {path}: {error}"),

        // survey print
        .printSampleNeedsCode: Phrase(nl: "--sample werkt alleen samen met --code.", en: "--sample only works together with --code."),
        .printCodeWithSurvey: Phrase(
            nl: "--code drukt de vragenlijst van de peiling af; laat --survey weg.",
            en: "--code prints the peiling's survey; leave out --survey."),
        .printNoDatabase: Phrase(
            nl: "Er is geen database {path}; geef --survey BESTAND om een leeg formulier van een vragenlijstbestand af te drukken.",
            en: "There is no database at {path}; give --survey FILE to print a blank form of a survey file."),
        .printForms: Phrase(
            nl: "{count} papieren {forms} van '{survey}' in {file}",
            en: "{count} paper {forms} of '{survey}' in {file}"),
        .printAdvice: Phrase(
            nl: "Open het in een browser en druk dubbelzijdig af op A4: er zijn lege pagina's toegevoegd zodat elk formulier op een eigen vel begint.",
            en: "Open it in a browser and print on A4, double-sided: blank pages are added so every form starts on a sheet of its own."),
        .printDraftLanguage: Phrase(
            nl: "waarschuwing: de vertaling '{language}' is een concept, nog niet gecontroleerd door een moedertaalspreker.",
            en: "warning: the '{language}' translation is a draft, not yet checked by a native speaker."),
        .surveyLacksLanguage: Phrase(
            nl: "De vragenlijst heeft geen taal '{language}'; wel {languages}.",
            en: "The survey has no language '{language}'; it has {languages}."),
        .printNoCodesInSample: Phrase(
            nl: "Nog geen ouder in de steekproef heeft een code; voer eerst `ouderstem invite --sample` uit.",
            en: "No parent in the sample has a code yet; run `ouderstem invite --sample` first."),
        .printNoCodes: Phrase(
            nl: "Nog geen ouder heeft een code; voer eerst `ouderstem invite` uit.",
            en: "No parent has a code yet; run `ouderstem invite` first."),
    ]
}
