/// Page breaks for the paper forms, so that every form starts on an odd page.
///
/// Browsers ignore `break-before: right` (Chromium prints it as a plain page break), so the page count of a
/// form cannot be known in CSS. This script, run when the document opens, lays the blocks of each form
/// (header, theme heading with its first question, each question; none is ever split) onto A4 pages with
/// some room to spare, forces a break before every block that starts a page, and adds a blank page after
/// a form that ends on an odd page. Without the script the note on screen says to print single-sided.
enum PaperPagination {
    /// The height the script fills per page: A4 (297 mm) minus the 15 mm margins at top and bottom, less
    /// 6% for the rounding and margins that differ between screen and print.
    static let script = """
        (function () {
          var mm = 96 / 25.4, room = (297 - 30) * mm * 0.94;
          document.documentElement.classList.add("paginated");
          var forms = document.querySelectorAll("section.form");
          for (var f = 0; f < forms.length; f++) {
            var form = forms[f], pages = 1, start = null;
            var blocks = form.querySelectorAll(":scope > header, :scope > .theme > .theme-head, :scope > .theme > .q, :scope > .thanks");
            for (var b = 0; b < blocks.length; b++) {
              var box = blocks[b].getBoundingClientRect();
              if (start === null) { start = box.top; continue; }
              if (box.bottom - start > room) { blocks[b].classList.add("page-start"); pages += 1; start = box.top; }
            }
            var blank = form.querySelector("template.blank-side");
            if (pages % 2 === 1 && blank) { form.appendChild(blank.content.cloneNode(true)); pages += 1; }
            form.setAttribute("data-pages", String(pages));
          }
        })();
        """

    static let css = """

        .page-start { break-before: page; page-break-before: always; }
        .blank-page { break-before: page; page-break-before: always; padding-top: 120mm; text-align: center; color: #777; font-size: 10pt; }
        .paginated .print-note.without-script, html:not(.paginated) .print-note.with-script { display: none; }
        @media screen { .blank-page { padding: 10mm 0 0; border-top: 1pt dashed #bbb; margin-top: 8mm; } }
        """
}
