import CQRencode

/// A QR code symbol made by libqrencode: a square of dark and light modules, drawn as SVG for print.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol may be damaged (a crease, a coffee ring) and still scan.
    public enum ErrorCorrection: Sendable {
        /// About 15% of the symbol may be lost.
        case medium
        /// About 25% of the symbol may be lost.
        case quartile

        var level: QRecLevel { self == .medium ? QR_ECLEVEL_M : QR_ECLEVEL_Q }
    }

    /// Why a text could not be encoded.
    public enum Failure: Error, Sendable, Equatable {
        /// The text does not fit in the largest QR code (version 40) or libqrencode refused it.
        case notEncodable(String)
    }

    /// The QR version (1-40) libqrencode chose for the text: the symbol is 17 + 4 * version modules wide.
    public let version: Int
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row by row, `true` for a dark module.
    public let modules: [[Bool]]

    /// Encodes `text` (UTF-8; runs of digits and capitals are packed tighter by libqrencode).
    public init(encoding text: String, correction: ErrorCorrection = .medium) throws(Failure) {
        guard let symbol = QRcode_encodeString(text, 0, correction.level, QR_MODE_8, 1) else {
            throw .notEncodable(text)
        }
        // libqrencode allocates the struct and its data; free both whatever happens below.
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = symbol.pointee.data!
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
        modules = (0..<width).map { row in (0..<width).map { column in data[row * width + column] & 1 == 1 } }
        self.width = width
        version = Int(symbol.pointee.version)
    }

    /// The light border scanners need around the symbol, in modules (the standard asks for 4).
    public static let quietZone = 4

    /// The symbol as an SVG element measured in modules (quiet zone included), scaled by CSS to `size`
    /// (e.g. "4cm"). One path of horizontal runs keeps the markup small and the edges crisp.
    public func svg(size: String = "4cm", title: String? = nil) -> String {
        let side = width + 2 * Self.quietZone
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < width {
                guard row[x] else { x += 1; continue }
                let start = x
                while x < width, row[x] { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let label = title.map { "<title>\(PrintHTML.escape($0))</title>" } ?? ""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 \(side) \(side)" width="\(size)" height="\(size)" \
            shape-rendering="crispEdges" role="img">\(label)<rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }

    /// The modules as text, one row per line, `#` dark and `.` light: for tests and for eyes.
    public var pattern: String {
        modules.map { row in String(row.map { $0 ? "#" : "." }) }.joined(separator: "\n")
    }
}
