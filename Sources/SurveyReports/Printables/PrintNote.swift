/// The note above a printed document, shown on screen and never printed: how to print it so that every
/// parent's pages start on a sheet of their own.
enum PrintNote {
    static let letters = """
        Afdrukken: A4, dubbelzijdig (lange kant). Elke brief is één vel: voor het Nederlands, achter de taal van \
        de ouder of een lege kant. Zo krijgt elke ouder een eigen vel. Enkelzijdig mag ook: dan zit er een leeg \
        vel tussen. / Print on A4, double-sided: each letter is one sheet, so every parent gets a sheet of their own.
        """

    static let formsWithScript = """
        Afdrukken: A4, dubbelzijdig (lange kant). Elke vragenlijst begint op een nieuw vel; waar nodig is een \
        lege kant toegevoegd. De code staat onderaan elke pagina. / Print on A4, double-sided: every form starts \
        on a new sheet (blank sides were added where needed); the code is at the foot of every page.
        """

    static let formsWithoutScript = """
        Afdrukken: A4, enkelzijdig. Zonder JavaScript kan deze pagina geen lege kanten toevoegen; dubbelzijdig \
        zou de volgende ouder op de achterkant zetten. / Print on A4, single-sided: without JavaScript this page \
        cannot add blank sides, and double-sided printing would put the next parent on the back.
        """

    /// The note as a paragraph; `variant` is an extra class (`with-script`, `without-script`).
    static func html(_ text: String, variant: String? = nil) -> String {
        "<p class=\"print-note\(variant.map { " " + $0 } ?? "")\" lang=\"nl\" dir=\"ltr\">\(PrintHTML.escape(text))</p>"
    }

    static let css = """

        .print-note { display: none; }
        @media screen {
          .print-note { display: block; max-width: 210mm; margin: 0 auto 6mm; padding: 4mm 6mm; background: #fff8d6; border: 1.5pt solid #8a6d00; border-radius: 2mm; font: 11pt/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        }
        """
}
