/// The CSS of the invitation letters: one A4 page each, calm typography, a large code and a 4 cm QR code.
enum LetterStyle {
    static let css = """
        @page { size: A4; margin: 16mm 18mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #1d1d1b; font: 12pt/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        [lang="ar"], [lang="fa"], [lang="ur"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Arial, sans-serif; font-size: 13pt; line-height: 1.7; }
        .letter { break-after: page; page-break-after: always; position: relative; }
        .letter:last-child { break-after: auto; page-break-after: auto; }
        .for { display: flex; justify-content: space-between; font-size: 9pt; color: #6b6b6b; border-bottom: 1px solid #d0d0d0; padding-bottom: 2mm; margin-bottom: 8mm; }
        .texts { display: grid; grid-template-columns: 1fr; gap: 0 10mm; }
        .texts.two { grid-template-columns: 1fr 1fr; }
        .text h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 5mm; font-weight: 700; }
        .text p { margin: 0 0 3.2mm; }
        .text .greeting { font-weight: 600; }
        .text .link, .card .link { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 0.88em; overflow-wrap: anywhere; unicode-bidi: isolate; direction: ltr; }
        .card { display: flex; align-items: center; gap: 9mm; margin-top: 12mm; padding: 7mm 8mm; border: 1.5pt solid #1d1d1b; border-radius: 4mm; break-inside: avoid; }
        .card .qr { flex: none; width: 46mm; height: 46mm; margin: -3mm -2mm; }
        .card .code-side { flex: 1; min-width: 0; }
        .card .label { font-size: 11pt; color: #444; margin: 0 0 1.5mm; }
        .card .label .sep { color: #999; }
        .nowrap { white-space: nowrap; }
        .card .code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 20pt; font-weight: 700; letter-spacing: 0.06em; word-spacing: 0.2em; white-space: nowrap; direction: ltr; margin: 0 0 4mm; }
        .card .code .dash { color: #9a9a9a; font-weight: 400; padding: 0 0.05em; }
        .card .link { font-size: 9.5pt; color: #333; margin: 0; }
        @media screen {
          body { background: #e9e9e6; padding: 8mm 0; }
          .letter { width: 210mm; min-height: 297mm; margin: 0 auto 8mm; padding: 16mm 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
        }
        """
}
