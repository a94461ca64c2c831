import Foundation
import Testing
@testable import SurveyReports

@Suite("QR code (libqrencode)")
struct PrintablesQRCodeTests {
    static let link = "https://ouders.example.nl/s/K7QM4XRT9PWAHC3NZB"

    @Test("The symbol is 17 + 4 x version modules wide, and the SVG adds the quiet zone")
    func moduleCount() throws {
        for text in ["A", Self.link, String(repeating: "https://ouders.example.nl/", count: 8)] {
            let qr = try QRCode(encoding: text)
            #expect(qr.width == 17 + 4 * qr.version)
            #expect(qr.modules.count == qr.width && qr.modules.allSatisfy { $0.count == qr.width })
            let side = qr.width + 2 * QRCode.quietZone
            #expect(qr.svg().contains("viewBox=\"0 0 \(side) \(side)\""))
        }
        // A longer text needs a larger symbol.
        #expect(try QRCode(encoding: String(repeating: "x", count: 300)).version > QRCode(encoding: Self.link).version)
    }

    @Test("The SVG draws exactly the dark modules, and the same text gives the same SVG")
    func svgMatchesModules() throws {
        let qr = try QRCode(encoding: Self.link)
        let svg = qr.svg()
        #expect(svg == (try QRCode(encoding: Self.link)).svg())
        // Sum the widths of the runs in the path: that is the number of dark modules.
        let path = svg.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
        let runs = path.split(separator: "z").map { run in Int(run.split(separator: "h")[1].split(separator: "v")[0])! }
        #expect(runs.reduce(0, +) == qr.modules.joined().filter { $0 }.count)
        // Finder patterns: the three corners are dark, the module inside the ring light.
        let last = qr.width - 1
        #expect(qr.modules[0][0] && qr.modules[0][last] && qr.modules[last][0])
        #expect(!qr.modules[1][1] && !qr.modules[1][last - 1] && !qr.modules[last - 1][1])
        // The light separators beside the finders; the bottom-right corner has no finder.
        #expect(!qr.modules[last][7] && !qr.modules[7][last] && !qr.modules[7][0])
    }

    @Test("Quartile correction makes a symbol at least as large as medium")
    func correctionLevel() throws {
        let medium = try QRCode(encoding: Self.link, correction: .medium)
        let quartile = try QRCode(encoding: Self.link, correction: .quartile)
        #expect(quartile.version >= medium.version)
        #expect(quartile.modules != medium.modules)
    }

    @Test("A text too long for any QR code is refused, not truncated")
    func tooLong() {
        #expect(throws: QRCode.Failure.self) { try QRCode(encoding: String(repeating: "é", count: 5000)) }
    }

    @Test("Known answer: the matrix of a fixed link, checked once with a decoder (zbarimg)")
    func knownAnswer() throws {
        let qr = try QRCode(encoding: Self.knownText)
        #expect(qr.version == 2)
        #expect(qr.pattern == Self.knownPattern)
    }

    @Test("A phone's scanner reads the link back from the rendered SVG",
          .enabled(if: PrintablesHTML.canDecodeQR, "zbarimg (zbar-tools) or rsvg-convert (librsvg2-bin) is not installed"))
    func scans() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for text in [Self.link, Self.knownText, "http://192.168.1.20:8080/s/22222222222222222A"] {
            let svg = try QRCode(encoding: text).svg()
            #expect(try PrintablesHTML.decodeQR(svg: svg, in: folder) == text)
        }
    }

    static let knownText = "https://example.org/s/ABC"
    /// Generated once with libqrencode 4.1.1 (level M), drawn to a bitmap from this text alone and read back
    /// with zbarimg as "https://example.org/s/ABC".
    static let knownPattern = """
        #######....###....#######
        #.....#.#.####..#.#.....#
        #.###.#.##.#....#.#.###.#
        #.###.#.#...##.##.#.###.#
        #.###.#..###....#.#.###.#
        #.....#..##.###...#.....#
        #######.#.#.#.#.#.#######
        ........#####.###........
        #.....#.##.#.#...##..###.
        ##..#..####..#####.#####.
        ###...##.#.#.####..#.#.##
        ..###..####.#.#.#.##.#..#
        #.#.#.#######..##.##....#
        #...##..#.#...###..#...#.
        #.#.###.##.###.#..####.##
        #.#.#......#.....###.##.#
        #.##..#.######..#####.#..
        ........#.#.##..#...#....
        #######..###....#.#.#...#
        #.....#...###.###...#..##
        #.###.#.....#.#######.#..
        #.###.#.......#.###....##
        #.###.#..##.#..#.....##.#
        #.....#...###.####.##...#
        #######.##.###..#.#..#..#
        """
}
