import SurveyCore

/// The CSS of the paper form: A4, large enough to read without glasses, boxes big enough for a pen.
enum PaperStyle {
    static let css = """
        @page { size: A4; margin: 15mm 16mm 15mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #1d1d1b; font: 11pt/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        [lang="ar"], [lang="fa"], [lang="ur"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Arial, sans-serif; font-size: 12pt; }
        .form { break-after: page; page-break-after: always; }
        .form:last-of-type { break-after: auto; page-break-after: auto; }
        .small { font-size: 8.5pt; color: #666; margin: 0; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        span.small { margin: 0 0.4em; unicode-bidi: isolate; }
        .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 2mm 6mm; padding-bottom: 3mm; border-bottom: 1.2pt solid #1d1d1b; margin-bottom: 5mm; }
        .code-field { display: flex; flex-wrap: wrap; align-items: center; gap: 1mm 4mm; max-width: 100%; }
        /* A label in two languages takes a line of its own rather than pushing the boxes past the margin. */
        .code-label { font-weight: 600; white-space: nowrap; }
        .code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 15pt; font-weight: 700; letter-spacing: 0.05em; direction: ltr; unicode-bidi: isolate; white-space: nowrap; }
        .code .dash { color: #999; font-weight: 400; padding: 0 0.1em; }
        .code.blank { display: inline-flex; align-items: center; }
        .cbox { display: inline-block; width: 6.5mm; height: 8mm; border: 1pt solid #1d1d1b; background: #fff; }
        .cbox + .cbox { margin-left: -1pt; }
        .code.blank .dash { padding: 0 1.2mm; }
        .for { font-size: 9pt; color: #666; white-space: nowrap; }
        h1 { font-size: 18pt; line-height: 1.25; margin: 0 0 1mm; }
        header .small { margin-bottom: 2mm; }
        .intro { margin: 2mm 0 2mm; }
        .school { margin: 0 0 1mm; font-weight: 600; color: #444; }
        .deadline { font-weight: 700; margin: 0 0 4mm; }
        .instructions { font-weight: 600; margin: 0 0 4mm; padding: 2.5mm 4mm; background: #f1f1ee; border-radius: 2mm; }
        .theme { margin-top: 6mm; }
        h2 { font-size: 13.5pt; margin: 0 0 1mm; padding-top: 2mm; border-top: 0.8pt solid #bbb; break-after: avoid; page-break-after: avoid; }
        .theme-intro { margin: 1mm 0 2mm; font-style: italic; break-after: avoid; }
        .theme.background { border: 1pt dashed #888; border-radius: 3mm; padding: 0 5mm 3mm; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        .theme.background h2 { border-top: none; }
        .opt { font-weight: 400; font-size: 0.85em; color: #555; }
        .theme-head { break-inside: avoid; page-break-inside: avoid; }
        .num, .n { unicode-bidi: isolate; }
        [dir="rtl"] p.nl { text-align: right; }
        .q { break-inside: avoid; page-break-inside: avoid; padding: 2mm 0 2.5mm; border-bottom: 0.5pt solid #e0e0e0; }
        .q:last-child { border-bottom: none; }
        h3 { display: flex; gap: 2.5mm; font-size: 11.5pt; margin: 0; font-weight: 600; }
        h3 .num { flex: none; min-width: 9mm; font-weight: 700; }
        .q > .small, .q > .help, .q > .hint, .q > .options, .q > .number, .q > .lines { margin-inline-start: 11.5mm; }
        .cond { margin: 0 0 1mm; font-style: italic; font-weight: 600; color: #1d1d1b; }
        .cond::before { content: "\\2192\\00a0"; }
        [dir="rtl"] .cond::before { content: "\\2190\\00a0"; }
        .help { margin: 0.5mm 0 0; font-size: 9.5pt; color: #444; }
        .hint { margin: 0.5mm 0 1mm; font-size: 9pt; color: #555; font-style: italic; }
        .options { list-style: none; padding: 0; margin-top: 0; margin-bottom: 0; }
        .options li { display: flex; align-items: baseline; gap: 2mm; padding: 0.45mm 0; }
        .box { flex: none; display: inline-block; width: 4.6mm; height: 4.6mm; border: 1.1pt solid #1d1d1b; background: #fff; position: relative; top: 0.8mm; }
        .n { flex: none; min-width: 4mm; font-size: 9pt; color: #555; font-weight: 600; }
        .other .fill { flex: 1; border-bottom: 0.8pt solid #1d1d1b; min-width: 40mm; height: 1.2em; }
        .options.scale { display: grid; grid-template-columns: repeat(var(--points), 1fr); gap: 2mm; }
        .options.scale li { flex-direction: column; align-items: center; text-align: center; gap: 0.5mm; }
        .options.scale li .box { top: 0; }
        .options.scale .label { font-size: 9.5pt; line-height: 1.25; }
        .options.scale .label .small { display: block; margin: 0.5mm 0 0; }
        .number { display: flex; padding-top: 1mm; }
        .lines { display: flex; flex-direction: column; }
        .lines .line { display: block; height: 9mm; border-bottom: 0.8pt solid #1d1d1b; }
        .thanks { margin-top: 6mm; font-weight: 600; font-size: 12pt; }
        @media screen {
          body { background: #e9e9e6; padding: 8mm 0; }
          .form { width: 210mm; margin: 0 auto 8mm; padding: 15mm 16mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
        }
        """

    /// What the page margins show: on a form with a code, that code at the foot of every page, so a page
    /// that comes loose still belongs to its parent; a single blank form gets page numbers instead.
    static func pageMargins(codes: [InvitationCode?]) -> String {
        let footer = "font: 9pt \"DejaVu Sans Mono\", Consolas, monospace; color: #555;"
        guard codes.contains(where: { $0 != nil }) else {
            return codes.count == 1 ? "@page { @bottom-right { content: counter(page) \" / \" counter(pages); \(footer) } }" : ""
        }
        // The code alphabet is letters and digits only, safe inside a CSS string.
        return codes.enumerated().compactMap { index, code in
            code.map { "@page copy\(index) { @bottom-right { content: \"\($0.description)\"; \(footer) } }" }
        }.joined(separator: "\n")
    }
}
