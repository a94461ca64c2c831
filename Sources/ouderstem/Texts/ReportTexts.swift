/// The texts of `status`, `report` and `export`. Table headers are columns separated by '|'.
extension CLIText {
    static let report: [CLIText: Phrase] = [
        // status
        .statusPeiling: Phrase(nl: "Peiling '{name}' ({survey}), {state}", en: "Peiling '{name}' ({survey}), {state}"),
        .statusOpen: Phrase(nl: "open", en: "open"),
        .statusClosed: Phrase(nl: "gesloten", en: "closed"),
        .statusResponse: Phrase(
            nl: "Respons: {responded} van {roster} gezinnen ({percent})",
            en: "Response: {responded} of {roster} families ({percent})"),
        .statusInProgress: Phrase(nl: ", {count} nog bezig met invullen", en: ", {count} still filling in"),
        .statusAnonymous: Phrase(nl: ", {count} zonder code", en: ", {count} without code"),
        .statusSample: Phrase(nl: "Steekproef: {answered} van {size} ingevuld", en: "Sample: {answered} of {size} answered"),
        .statusMethodHeader: Phrase(nl: "afnamewijze|n", en: "method|n"),
        .statusGroupHeader: Phrase(nl: "groep|op de lijst|ingevuld|%", en: "group|roster|answered|%"),
        .statusTagHeader: Phrase(nl: "kenmerk|op de lijst|ingevuld|%", en: "tag|roster|answered|%"),
        .statusUntranslated: Phrase(nl: "Talen zonder vertaling:", en: "Languages without a translation:"),
        .statusRepresentativeness: Phrase(nl: "Representativiteit: {meaning}", en: "Representativeness: {meaning}"),
        .statusPartialsHeader: Phrase(
            nl: "wiens stem ontbreekt|op de lijst|ingevuld|partiële R",
            en: "whose voice is missing|roster|answered|partial R"),
        .statusEveryoneAnswered: Phrase(
            nl: "Iedereen op de ouderlijst heeft ingevuld.",
            en: "Everyone on the roster has answered."),
        .statusNotAnswered: Phrase(nl: "Nog niet ingevuld ({count}):", en: "Not answered yet ({count}):"),
        .statusMissingHeader: Phrase(
            nl: "id|groep|kind|ouders|taal|kenmerken|steekproef|partiële R|probeer|waarom",
            en: "id|groep|kind|ouders|taal|kenmerken|sample|partial R|try|why"),

        // report
        .reportLanguage: Phrase(nl: "--lang moet nl of en zijn.", en: "--lang must be nl or en."),
        .reportMinGroup: Phrase(nl: "--min-group moet 1 of meer zijn.", en: "--min-group must be 1 or more."),
        .reportOpenAnswers: Phrase(
            nl: "--open-answers moet none, text of with-groups zijn.",
            en: "--open-answers must be none, text or with-groups."),
        .reportRemovedUnfinished: Phrase(
            nl: "{file} verwijderd: een onaf Excel-bestand van een onderbroken rapport (er kunnen alle antwoorden in staan).",
            en: "Removed {file}: an unfinished workbook left by an interrupted report (it may hold all answers)."),
        .reportWithNames: Phrase(
            nl: "Waarschuwing: --with-names zet namen van ouders in het rapport (blad Respons). Houd het binnen het team en verwijder het na het overleg.",
            en: "Warning: --with-names puts parents' names in the report (sheet Respons). Keep it inside the team and delete it after the meeting."),
        .reportNotWritten: Phrase(nl: "Het rapport kon niet geschreven worden: {error}", en: "The report could not be written: {error}"),
        .reportWorkbook: Phrase(nl: "Excel-bestand: {path}", en: "Workbook: {path}"),
        .reportSummary: Phrase(nl: "Samenvatting:  {path}", en: "Summary:  {path}"),
        .overviewWritten: Phrase(
            nl: "Overzicht (scholen: {schools}, peilingen: {peilingen}): {path}",
            en: "Overview (schools: {schools}, peilingen: {peilingen}): {path}"),

        // export
        .exportFormat: Phrase(nl: "--format moet xlsx of csv zijn.", en: "--format must be xlsx or csv."),
        .exportMinGroup: Phrase(
            nl: "--min-group moet 2 of meer zijn: bij 1 kan een rij voor één gezin staan.",
            en: "--min-group must be 2 or more: with 1, a row could stand for one family."),
        .exportWarning: Phrase(
            nl: "Waarschuwing: dit bestand heeft één rij per ouder; deel het alleen met de onderzoeker of coach voor wie het is.",
            en: "Warning: this file has one row per parent; share it only with the researcher or coach it is for."),
        .exportRows: Phrase(
            nl: "  k = {k}: {written} van {responses} antwoorden geschreven, {dropped} weggelaten (niet {k}-anoniem te maken).",
            en: "  k = {k}: {written} of {responses} responses written, {dropped} left out (could not be made {k}-anonymous)."),
        .exportOpenIncluded: Phrase(
            nl: "  Open antwoorden staan erin: daarin kunnen namen of details staan waaraan een gezin te herkennen is; lees ze voordat u het bestand deelt.",
            en: "  Open answers are included: they may contain names or details that identify a family; read them before sharing."),
        .exportOpenLeftOut: Phrase(
            nl: "  Open antwoorden weggelaten (voeg --with-open-answers toe om ze mee te nemen).",
            en: "  Open answers left out (add --with-open-answers to include them)."),
        .exportSeed: Phrase(
            nl: "  --seed legt de volgorde van de rijen vast: gebruik het alleen voor tests.",
            en: "  --seed fixes the row order: use it only for tests."),
        .exportFile: Phrase(nl: "Export: {path}", en: "Export: {path}"),
    ]
}
