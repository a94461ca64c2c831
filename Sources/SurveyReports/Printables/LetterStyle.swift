/// The CSS of the invitation letters: every side exactly one A4 page (the page margin is the side's own
/// padding, so a side can never spill onto a second page), text at 12.5 pt, a large code and a QR code.
enum LetterStyle {
    static let css = """
        @page { size: A4; margin: 0; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #1d1d1b; font: 12.5pt/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        [lang="ar"], [lang="fa"], [lang="ur"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 13.5pt; line-height: 1.65; }
        .side { display: flex; flex-direction: column; width: 210mm; height: 296mm; padding: 14mm 20mm 14mm; overflow: hidden; break-after: page; page-break-after: always; }
        .letter:last-child .side:last-child { break-after: auto; page-break-after: auto; }
        .for { display: flex; justify-content: space-between; gap: 6mm; font: 9.5pt/1.4 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #555; border-bottom: 1px solid #c8c8c8; padding-bottom: 2mm; margin-bottom: 6mm; }
        .head { display: flex; align-items: center; gap: 6mm; margin: 0 0 5mm; }
        .logo { max-height: 22mm; max-width: 45mm; flex: none; }
        .head h1 { font-size: 21pt; line-height: 1.25; margin: 0; font-weight: 700; }
        .text p { margin: 0 0 3mm; }
        .text .greeting { font-weight: 600; }
        .text .deadline { font-weight: 700; }
        .text .why { font-style: italic; }
        .text .signature { margin-top: 4mm; }
        .link { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 0.86em; overflow-wrap: anywhere; }
        bdi.link { unicode-bidi: isolate; direction: ltr; }
        .card { display: flex; align-items: center; gap: 8mm; margin-top: auto; padding: 6mm 8mm; border: 1.5pt solid #1d1d1b; border-radius: 4mm; }
        .card .qr { flex: none; width: 42mm; height: 42mm; margin: -3mm -2mm; }
        .card .code-side { flex: 1; min-width: 0; }
        .card .label { font-size: 12pt; color: #333; margin: 0 0 1.5mm; }
        .nowrap { white-space: nowrap; }
        .card .code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 19pt; font-weight: 700; letter-spacing: 0.05em; white-space: nowrap; direction: ltr; margin: 0 0 3mm; }
        .card .code .dash { color: #8a8a8a; font-weight: 400; padding: 0 0.05em; }
        .card .link { font-size: 10pt; color: #333; margin: 0; }
        .side.blank { justify-content: flex-end; }
        .blank-note { font-size: 9pt; color: #777; text-align: center; margin: 0; }
        @media screen {
          body { background: #e9e9e6; padding: 8mm 0; }
          .side { margin: 0 auto 8mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
        }
        """
}
