/// Errors every command can end with, and the texts of `peilingen`, `init`, `settings`, `close`, `reopen`, `staff`,
/// `serve` and `demo`.
extension CLIText {
    static let general: [CLIText: Phrase] = [
        // How an error is printed (ArgumentParser's own usage errors keep its English "Error:").
        .errorPrefix: Phrase(nl: "Fout: ", en: "Error: "),
        .endOfInput: Phrase(
            nl: "De invoer hield op voordat het formulier helemaal was ingevoerd: er is niets opgeslagen.",
            en: "The input ended before the entry was finished: nothing was saved."),
        .interrupted: Phrase(nl: "Gestopt: er is niets opgeslagen.", en: "Stopped: nothing was saved."),

        // StoreError, the database's refusals, each with the command that fixes it.
        .storeNoDatabase: Phrase(
            nl: "Er is geen database {path}; begin met `ouderstem init --survey BESTAND` (of geef --db).",
            en: "There is no database at {path}; start with `ouderstem init --survey FILE` (or give --db)."),
        .storeNewerDatabase: Phrase(
            nl: "{path} is het laatst gebruikt door een nieuwere versie van Ouderstem (schemastappen {steps}); gebruik die versie of een nieuwere.",
            en: "{path} was last used by a newer Ouderstem (schema steps {steps}); use that version or newer."),
        .storeNoPeiling: Phrase(
            nl: "Deze database heeft nog geen peiling; begin met `ouderstem init --survey BESTAND`.",
            en: "This database has no peiling yet; start with `ouderstem init --survey FILE`."),
        .storeAlreadyInitialized: Phrase(
            nl: "Deze peiling gebruikt deze versie van '{survey}' al; begin een andere peiling met --name NAAM.",
            en: "This peiling already uses this version of '{survey}'; start another peiling with --name NAME."),
        .storeUnknownPeiling: Phrase(
            nl: "Er is geen peiling '{name}' in deze database; kies uit: {choices} (zie `ouderstem peilingen`).",
            en: "There is no peiling '{name}' in this database; choose one of: {choices} (see `ouderstem peilingen`)."),
        .storeChoosePeiling: Phrase(
            nl: "Deze database heeft meerdere open peilingen; kies er een met --peiling: {choices}.",
            en: "This database has several open peilingen; choose one with --peiling: {choices}."),
        .storeOtherSurvey: Phrase(
            nl: "Deze peiling is van vragenlijst '{existing}', niet van '{new}'; begin een peiling van een andere vragenlijst met --name NAAM.",
            en: "This peiling is of survey '{existing}', not '{new}'; start a peiling of another survey with --name NAME."),
        .storeUnknownCode: Phrase(
            nl: "Geen ouder in deze peiling heeft die code; vergelijk hem met de brief.",
            en: "No parent in this peiling has that code; check it against the letter."),
        .storeCodeTypo: Phrase(
            nl: "Er zit een tikfout in die code (het controleteken klopt niet); vergelijk hem met de brief.",
            en: "That code has a typo (its check character does not match); check it against the letter."),
        .storeClosed: Phrase(
            nl: "De peiling is gesloten; open hem weer met `ouderstem reopen` om meer antwoorden te verzamelen.",
            en: "The peiling is closed; reopen it with `ouderstem reopen` to collect more answers."),
        .storeAlreadyAnswered: Phrase(
            nl: "Code {code} is al ingevuld; voeg --replace toe om die antwoorden te vervangen.",
            en: "Code {code} has already been answered; add --replace to replace that response."),
        .storeNotAnswered: Phrase(
            nl: "Code {code} heeft nog geen antwoorden om te controleren; voer het formulier eerst in zonder --verify.",
            en: "Code {code} has no response yet to verify; enter it first without --verify."),
        .storeUnknownRespondent: Phrase(
            nl: "Er staat geen '{id}' op de ouderlijst.",
            en: "There is no respondent '{id}' on the roster."),
        .storeNotInSample: Phrase(
            nl: "'{id}' zit niet in de huidige steekproef; zie `ouderstem sample --show`.",
            en: "'{id}' is not in the current sample; see `ouderstem sample --show`."),
        .storeForgetOnlyWhenClosed: Phrase(
            nl: "Namen kunnen pas gewist worden als de peiling gesloten is; voer eerst `ouderstem close` uit.",
            en: "Names can only be forgotten after the peiling is closed; run `ouderstem close` first."),
        .storeCopyTargetNotEmpty: Phrase(
            nl: "{target} bevat al peilingen of medewerkers; kopieer naar een nieuwe, lege database.",
            en: "{target} already holds peilingen or staff accounts; copy into a new, empty database."),
        .storeCopyIncomplete: Phrase(
            nl: "De kopie van tabel {table} heeft {target} rijen in plaats van {source}; er is niets gekopieerd.",
            en: "The copy of table {table} has {target} rows instead of {source}; nothing was copied."),
        .migrateNeedsURL: Phrase(
            nl: "--to verwacht een PostgreSQL-adres: postgres://GEBRUIKER:WACHTWOORD@SERVER:5432/DATABASE.",
            en: "--to takes a PostgreSQL URL: postgres://USER:PASSWORD@HOST:5432/DATABASE."),
        .migrated: Phrase(
            nl: "Gekopieerd naar {target}: {peilingen} peiling(en), {families} gezinnen, {responses} vragenlijsten, {staff} medewerker(s); aantallen gecontroleerd. Gebruik voortaan --database met dit adres.",
            en: "Copied into {target}: {peilingen} peiling(en), {families} families, {responses} responses, {staff} staff account(s); counts checked. From now on give --database with this URL."),
        .storeSQLiteOnly: Phrase(
            nl: "{what} werkt alleen met een SQLite-bestand; {database} is een PostgreSQL-database (gebruik daar de eigen middelen, zoals pg_dump).",
            en: "{what} works on an SQLite file only; {database} is a PostgreSQL database (use its own tools, e.g. pg_dump)."),

        // peilingen
        .peilingenHeader: Phrase(nl: "peiling|school|vragenlijst|status|gezinnen|respons", en: "peiling|school|survey|status|families|responses"),
        .peilingenNone: Phrase(
            nl: "Deze database heeft nog geen peiling; begin met `ouderstem init --survey BESTAND --school NAAM`.",
            en: "This database has no peiling yet; start with `ouderstem init --survey FILE --school NAME`."),
        .peilingenNoSchool: Phrase(nl: "(geen school)", en: "(no school)"),

        // init
        .initVersionChange: Phrase(nl: "Versie {from} → {to} van '{survey}':", en: "Version {from} → {to} of '{survey}':"),
        .initOnlyWording: Phrase(
            nl: "Alleen de tekst is veranderd; elk antwoord blijft staan waar het stond.",
            en: "Only wording changed; every answer stays where it was."),
        .initResponsesSoFar: Phrase(
            nl: "Antwoorden tot nu toe: {count} (die blijven bij de versie die ze beantwoordden).",
            en: "Responses so far: {count} (they keep the version they answered)."),
        .initStarted: Phrase(
            nl: "Peiling '{name}' is begonnen in {db}: {survey}.",
            en: "Peiling '{name}' started in {db}: {survey}."),
        .initNext: Phrase(
            nl: "Volgende stap: lees de ouderlijst in met `ouderstem roster import BESTAND.csv`.",
            en: "Next: import the class roster with `ouderstem roster import FILE.csv`."),
        .initChoosePeiling: Phrase(
            nl: "Deze database heeft meerdere open peilingen; geef met --name welke u bijwerkt, of de naam van een nieuwe: {choices}.",
            en: "This database has several open peilingen; give with --name the one to update, or the name of a new one: {choices}."),
        .initUpdated: Phrase(
            nl: "De peiling gebruikt nu versie {to} van '{survey}' (was {from}); eerdere antwoorden houden hun versie.",
            en: "The peiling now uses version {to} of '{survey}' (was {from}); earlier responses keep their version."),
        .letterStillNeeds: Phrase(
            nl: "De brief mist nog: {fields} (vul ze in met `ouderstem settings`).",
            en: "The letter still needs: {fields} (set them with `ouderstem settings`)."),

        // settings
        .settingsSchool: Phrase(nl: "School", en: "School"),
        .settingsGroups: Phrase(nl: "Groepen", en: "Groups"),
        .settingsContact: Phrase(nl: "Contactpersoon", en: "Contact"),
        .settingsContactInfo: Phrase(nl: "Bereikbaar via", en: "Contact info"),
        .settingsDeadline: Phrase(nl: "Uiterlijk", en: "Deadline"),
        .settingsWhy: Phrase(nl: "Waarom we het vragen", en: "Why we ask"),
        .settingsLogo: Phrase(nl: "Logo", en: "Logo"),
        .yes: Phrase(nl: "ja", en: "yes"),
        .settingsLogoType: Phrase(
            nl: "Het logo {path} moet een .png-, .jpg- of .svg-bestand zijn.",
            en: "The logo {path} must be a .png, .jpg or .svg file."),
        .settingsLogoUnreadable: Phrase(nl: "Het logo {path} kan niet gelezen worden.", en: "Could not read the logo {path}."),
        .settingsLogoTooLarge: Phrase(
            nl: "Het logo {path} is {size} kB; maak het hoogstens 300 kB (een logo wordt 3 cm groot afgedrukt).",
            en: "The logo {path} is {size} kB; make it at most 300 kB (a logo prints at 3 cm)."),

        // close, reopen
        .closed: Phrase(
            nl: "Peiling '{name}' is gesloten met {count} antwoorden. Open hem weer met `ouderstem reopen`.",
            en: "Peiling '{name}' is closed with {count} responses. Reopen it with `ouderstem reopen`."),
        .reopened: Phrase(nl: "Peiling '{name}' is weer open.", en: "Peiling '{name}' is open again."),

        // staff
        .staffNameRule: Phrase(
            nl: "Een naam voor een medewerker is 1 tot 64 letters, cijfers, '-', '_' of '.'.",
            en: "A staff name is 1 to 64 letters, digits, '-', '_' or '.'."),
        .staffPasswordPrompt: Phrase(nl: "Wachtwoord: ", en: "Password: "),
        .staffPasswordAgainPrompt: Phrase(nl: "Nog een keer: ", en: "Again: "),
        .staffPasswordTooShort: Phrase(
            nl: "Het wachtwoord moet minstens {minimum} tekens lang zijn.",
            en: "The password must be at least {minimum} characters."),
        .staffPasswordsDiffer: Phrase(
            nl: "De twee wachtwoorden zijn niet hetzelfde; er is niets veranderd.",
            en: "The two passwords are not the same; nothing was changed."),
        .staffAdded: Phrase(nl: "Account '{name}' is toegevoegd.", en: "Staff account '{name}' added."),
        .staffPasswordChanged: Phrase(nl: "Nieuw wachtwoord ingesteld voor '{name}'.", en: "New password set for '{name}'."),
        .staffNone: Phrase(
            nl: "Nog geen accounts: voeg er een toe met `ouderstem staff add NAAM`.",
            en: "No staff accounts yet: add one with `ouderstem staff add NAME`."),
        .staffListed: Phrase(nl: "{name}\t{scope}\t(toegevoegd {date})", en: "{name}\t{scope}\t(added {date})"),
        .staffScopeBoard: Phrase(nl: "bestuur: alle peilingen van alle scholen", en: "board: every peiling of every school"),
        .staffScopeSchool: Phrase(nl: "{role} van {school}: alle peilingen van de school", en: "{role} of {school}: every peiling of the school"),
        .staffScopeOwn: Phrase(nl: "leerkracht van {school}: alleen {peilingen}", en: "teacher of {school}: only {peilingen}"),
        .staffBoardHasNoSchool: Phrase(
            nl: "Een bestuursaccount ziet alle scholen; laat --school en --peiling weg.",
            en: "A board account sees every school; leave out --school and --peiling."),
        .staffNeedsSchool: Phrase(
            nl: "Een account als {role} heeft --school SCHOOL nodig (de school uit `ouderstem peilingen`).",
            en: "A {role} account needs --school SCHOOL (the school in `ouderstem peilingen`)."),
        .staffCoordinatorHasNoPeilingen: Phrase(
            nl: "Een coördinator ziet alle peilingen van de school; --peiling is alleen voor een leerkracht.",
            en: "A coordinator sees every peiling of the school; --peiling is only for a teacher."),
        .staffOtherSchool: Phrase(
            nl: "Peiling '{peiling}' hoort bij '{school}', niet bij '{expected}'; kies een peiling van die school.",
            en: "Peiling '{peiling}' belongs to '{school}', not to '{expected}'; choose a peiling of that school."),
        .staffPeilingWithoutSchool: Phrase(
            nl: "Peiling '{peiling}' heeft nog geen school; geef die met `ouderstem settings --peiling '{peiling}' --school SCHOOL`.",
            en: "Peiling '{peiling}' has no school yet; give it one with `ouderstem settings --peiling '{peiling}' --school SCHOOL`."),
        .staffNoPassword: Phrase(nl: "Er is geen wachtwoord gegeven (de invoer hield op).", en: "No password was given (input ended)."),

        // serve
        .servePortRange: Phrase(nl: "De poort moet tussen 1 en 65535 liggen.", en: "The port must be between 1 and 65535."),
        .serveKioskIdle: Phrase(nl: "--kiosk-idle moet minstens 30 seconden zijn.", en: "--kiosk-idle must be at least 30 seconds."),
        .serveNoStaff: Phrase(
            nl: "Nog geen account voor medewerkers: maak er een met `ouderstem staff add NAAM` om /staff en /kiosk te gebruiken.",
            en: "No staff account yet: create one with `ouderstem staff add NAME` to use /staff and /kiosk."),
        .serveFirstAccountInBrowser: Phrase(
            nl: "Of open http://localhost:{port}/staff op deze computer om het eerste account in de browser te maken.",
            en: "Or open http://localhost:{port}/staff on this computer to create the first account in the browser."),
        .serveNoPeiling: Phrase(
            nl: "Nog geen peiling: start er een in het dashboard (/staff) of met `ouderstem init --survey BESTAND`.",
            en: "No peiling yet: start one in the dashboard (/staff) or with `ouderstem init --survey FILE`."),
        .serveListening: Phrase(
            nl: "Ouderstem: peiling {name} op {url}  (medewerkers: /staff, kiosk: /kiosk; Ctrl-C stopt)",
            en: "Ouderstem: peiling {name} on {url}  (staff: /staff, kiosk: /kiosk; Ctrl-C stops)"),
        .servePortInUse: Phrase(
            nl: "Poort {port} op {host} is al in gebruik: stop de andere server of kies een andere poort met --port.",
            en: "Port {port} on {host} is already in use: stop the other server or choose another port with --port."),
        .serveCannotListen: Phrase(nl: "Kan niet luisteren op {host}:{port}: {error}.", en: "Cannot listen on {host}:{port}: {error}."),
        .serveInstanceName: Phrase(
            nl: "--instance moet 1 tot 64 letters, cijfers, '-', '_' of '.' zijn.",
            en: "--instance must be 1 to 64 letters, digits, '-', '_' or '.'."),

        // demo
        .demoSimulated: Phrase(
            nl: "{count} gesimuleerde antwoorden ingevuld (ingevoerd door 'demo').",
            en: "Simulated {count} responses (entered by 'demo')."),
    ]
}
