import Foundation
import SurveyCore
import SurveyReports
import SurveyStore

/// A real peiling in a temporary SQLite file: the shipped survey, four families (Dutch, Arabic, Turkish,
/// English) and their codes.
struct PrintablesFixture {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let surveyPath = repoRoot.appendingPathComponent("Surveys/behoeften-ouders.yaml").path

    let folder: URL
    let db: SurveyDatabase
    let survey: Survey
    let invitations: [InvitationLetters.Invitation]

    static let roster = [
        Respondent(id: "L01", group: "5B", language: "nl", tags: ["tweeverdieners"]),
        Respondent(id: "L02", group: "5B", language: "ar", tags: ["nt2"]),
        Respondent(id: "L03", group: "5B", language: "tr", tags: ["nt2", "alleenstaand"]),
        Respondent(id: "L04", group: "5A", language: "en"),
    ]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("printables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = try SurveyDatabase(path: folder.appendingPathComponent("peiling.sqlite").path, create: true)
        let yaml = try String(contentsOfFile: Self.surveyPath, encoding: .utf8)
        let loaded = try SurveyLoader.load(yaml: yaml, file: Self.surveyPath).survey
        try db.initialize(name: "Groep 5", survey: loaded, yaml: yaml)
        _ = try db.importRoster(Self.roster)
        invitations = try db.invite(Self.roster.map(\.id)).map { InvitationLetters.Invitation(respondent: $0.respondent, code: $0.code) }
        survey = try db.currentSurvey()
    }

    func invitation(_ id: String) -> InvitationLetters.Invitation {
        invitations.first { $0.respondent.id == id }!
    }

    /// Removes the temporary folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Test helpers for reading generated HTML.
enum PrintablesHTML {
    /// The parts of `html` between each `<section class="...">` and its `</section>`.
    static func sections(_ html: String, class name: String) -> [String] {
        html.components(separatedBy: "<section class=\"\(name)\"").dropFirst().map { $0.components(separatedBy: "</section>")[0] }
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Runs a tool found on PATH, returning its standard output, or nil when it is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let path = which(tool) else { return nil }
        let (status, data) = try ProgramOutput.run(path, arguments)
        return (status, String(decoding: data, as: UTF8.self))
    }

    static func which(_ tool: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Whether SVG to PNG (rsvg-convert) and QR decoding (zbarimg) are installed.
    static var canDecodeQR: Bool { which("zbarimg") != nil && which("rsvg-convert") != nil }

    /// Decodes the QR code in an SVG by rendering it to PNG and scanning it, as a phone would.
    static func decodeQR(svg: String, in folder: URL) throws -> String? {
        let svgFile = folder.appendingPathComponent("qr-\(UUID().uuidString).svg")
        let pngFile = svgFile.deletingPathExtension().appendingPathExtension("png")
        // Standalone SVG: a fixed pixel size instead of the CSS size used in print.
        let standalone = svg.replacingOccurrences(of: #"width="[^"]*" height="[^"]*""#, with: #"width="400" height="400""#,
                                                  options: .regularExpression)
        try Data(standalone.utf8).write(to: svgFile)
        guard let converted = try run("rsvg-convert", ["-w", "400", "-h", "400", "-b", "white", "-o", pngFile.path, svgFile.path]),
              converted.status == 0 else { return nil }
        guard let scanned = try run("zbarimg", ["--raw", "-q", pngFile.path]), scanned.status == 0 else { return nil }
        return scanned.output.trimmingCharacters(in: .newlines)
    }
}
