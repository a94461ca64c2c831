import Foundation

/// A document printed to PDF by headless Chromium, as a school's browser prints it, read back page by page
/// with poppler (pdfinfo, pdftotext, pdftoppm) and zbarimg.
struct PrintedPDF {
    let file: URL
    let folder: URL

    /// Whether Chromium, poppler-utils and zbar-tools are installed.
    static var canPrint: Bool {
        ["chromium", "pdfinfo", "pdftotext", "pdftoppm", "zbarimg"].allSatisfy { PrintablesHTML.which($0) != nil }
    }

    /// Prints `html` (written to `folder`) to `name`.pdf.
    init(html: String, name: String, in folder: URL) throws {
        self.folder = folder
        let page = folder.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: page)
        file = folder.appendingPathComponent("\(name).pdf")
        _ = try PrintablesHTML.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                "--print-to-pdf=\(file.path)", page.absoluteString])
    }

    /// The number of pages, as pdfinfo reports it.
    func pageCount() throws -> Int {
        let info = try PrintablesHTML.run("pdfinfo", [file.path])?.output ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    /// The text of page `number` (from 1), with line breaks and runs of spaces made single spaces, so a
    /// sentence reads the same wherever it wrapped.
    func text(ofPage number: Int) throws -> String {
        let raw = try PrintablesHTML.run("pdftotext", ["-f", "\(number)", "-l", "\(number)", file.path, "-"])?.output ?? ""
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What the QR codes on page `number` say, scanned from a 150 dpi image as a phone would.
    func scan(page number: Int) throws -> [String] {
        let prefix = folder.appendingPathComponent("scan-\(number)").path
        _ = try PrintablesHTML.run("pdftoppm", ["-png", "-r", "150", "-f", "\(number)", "-l", "\(number)", "-singlefile", file.path, prefix])
        let scanned = try PrintablesHTML.run("zbarimg", ["--raw", "-q", prefix + ".png"])
        return (scanned?.output ?? "").split(separator: "\n").map(String.init)
    }
}
