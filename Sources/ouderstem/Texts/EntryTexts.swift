/// The texts of `enter`: typing in a paper form or an oral interview, the double entry, a changed response.
/// The questions themselves are the survey's (in Dutch, the parent's language beside it), and the answer
/// checks speak both languages by design (`AnswerProblem`); these are the words around them.
extension CLIText {
    static let entry: [CLIText: Phrase] = [
        // enter
        .enterReplacePrompt: Phrase(
            nl: "Code {code} is al ingevuld ({method}, {when}). Vervangen? [j/n] ",
            en: "Code {code} already has a response ({method}, {when}). Replace it? [y/n] "),
        .enterKeptEarlier: Phrase(
            nl: "Er is niets opgeslagen; de eerdere antwoorden blijven zoals ze waren.",
            en: "Nothing was saved; the earlier response stays as it was."),
        .enterHeading: Phrase(
            nl: "Code {code}, groep {group}, taal {language}, {method}",
            en: "Code {code}, group {group}, language {language}, {method}"),
        .enterNoTranslation: Phrase(
            nl: "Let op: de vragenlijst heeft geen tekst in '{language}'; de vragen staan in het Nederlands, zodat de tolk ze vertaalt.",
            en: "Note: the survey has no '{language}' text; the questions are shown in Dutch for the interpreter to translate."),
        .enterSaved: Phrase(
            nl: "Opgeslagen: {count} antwoorden voor code {code}.",
            en: "Saved: {count} answers for code {code}."),
        .enterCodeOrRespondent: Phrase(
            nl: "Geef de code van de brief of --respondent ID (één van de twee).",
            en: "Give either the code from the letter or --respondent ID."),
        .enterMethodMissing: Phrase(
            nl: "Zeg met --method hoe de antwoorden verzameld zijn ({names}).",
            en: "Say how the answers were collected with --method ({names})."),
        .enterMethodUnknown: Phrase(
            nl: "Onbekende afnamewijze '{method}'; gebruik een van {names}.",
            en: "Unknown method '{method}'; use one of {names}."),
        .enterInterpreterWithoutOral: Phrase(
            nl: "--interpreter hoort alleen bij --method oral_interpreter.",
            en: "--interpreter only goes with --method oral_interpreter."),
        .enterInterpreterMissing: Phrase(
            nl: "Zeg met --interpreter wie er tolkte ({names}).",
            en: "Say who interpreted with --interpreter ({names})."),
        .enterInterpreterUnknown: Phrase(
            nl: "Onbekende tolk '{interpreter}'; gebruik een van {names}.",
            en: "Unknown interpreter '{interpreter}'; use one of {names}."),

        // enter --verify
        .verifyKeepsMethod: Phrase(
            nl: "Let op: --verify houdt de afnamewijze en de tolk van de eerste invoer.",
            en: "Note: --verify keeps the method and interpreter of the first entry."),
        .verifyStart: Phrase(
            nl: "Tweede invoer van code {code} (blind): typ het papieren formulier nog een keer in.",
            en: "Second entry of code {code} (blind): type the paper form again."),
        .verifyFirst: Phrase(nl: "  1: eerste invoer: {answer}", en: "  1: first entry:  {answer}"),
        .verifySecond: Phrase(nl: "  2: tweede invoer: {answer}", en: "  2: second entry: {answer}"),
        .verifyWhich: Phrase(nl: "Wat staat er op papier? [1/2] ", en: "Which is on the paper? [1/2] "),
        .verifyDone: Phrase(
            nl: "Gecontroleerd: {count} verschil(len) opgelost; de antwoorden staan als gecontroleerd door {name}.",
            en: "Verified: {count} difference(s) settled; the response is marked as checked by {name}."),

        // The entry session
        .entryHelp: Phrase(
            nl: """
                Typ het nummer van het antwoord (meer antwoorden: 1,3). Lege regel: overslaan.
                '-': niet ingevuld op papier (ook bij een verplichte vraag). '<' gaat een vraag terug,
                'stop' stopt zonder op te slaan. * = verplicht.
                """,
            en: """
                Type the number of the answer (several for 'meer antwoorden': 1,3). Empty line: skip.
                '-': not answered on paper (also for a required question). '<' goes back a question,
                'stop' stops without saving. * = required.
                """),
        .entrySavePrompt: Phrase(
            nl: "Opslaan? [j]a, [n]ee, of een vraagnummer (2.3) om te wijzigen: ",
            en: "Save? [y]es, [n]o, or a question number (2.3) to change: "),
        .entrySaveHint: Phrase(
            nl: "  ! Typ j, n of een vraagnummer zoals 2.3.",
            en: "  ! Type y, n or a question number such as 2.3."),
        .entryLeftOpenHint: Phrase(
            nl: "    Open gelaten op papier? Typ -",
            en: "    Left open on paper? Type -"),
        .entrySummary: Phrase(nl: "Samenvatting:", en: "Summary:"),
        .entryNotAnswered: Phrase(nl: "- (niet beantwoord)", en: "- (not answered)"),
        .entryControlCharacter: Phrase(
            nl: "  ! Die regel bevat een stuurteken (Esc, een pijltjestoets, NUL); typ hem opnieuw zonder.",
            en: "  ! That line holds a control character (Esc, an arrow key, NUL); type it again without it."),

        // A response changed while staff were typing
        .conflictChanged: Phrase(
            nl: "! Code {code} is intussen gewijzigd: {who}, {when}. Er is niets opgeslagen.",
            en: "! Code {code} was changed while you were typing: {who}, {when}. Nothing was saved."),
        .conflictShowDifferences: Phrase(nl: "Verschillen tonen? [j/n] ", en: "Show the differences? [y/n] "),
        .conflictReplace: Phrase(
            nl: "De opgeslagen antwoorden vervangen door wat u typte? [j/n] ",
            en: "Replace the stored response with what you typed? [y/n] "),
        .conflictKept: Phrase(
            nl: "Er is niets opgeslagen; de antwoorden blijven zoals {who} ze achterliet ({when}).",
            en: "Nothing was saved; the response stays as {who} left it ({when})."),
        .conflictStored: Phrase(nl: "      opgeslagen: {answer}", en: "      stored: {answer}"),
        .conflictTyped: Phrase(nl: "      getypt:     {answer}", en: "      typed:  {answer}"),
        .conflictNoDifferences: Phrase(nl: "  (geen verschillen in de antwoorden)", en: "  (no differences in the answers)"),
    ]
}
