/// How a roster file's bytes became text. UTF-8 (with or without BOM) is the rule; Windows-1252 (older
/// Excel "CSV" on Windows) is accepted only when the whole file is plainly that: no BOM and no UTF-8 at
/// all in it. Anything in between is refused, never half-guessed.
public enum RosterEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    /// Decodes a roster file, or throws naming the row and byte of the first byte that is not UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(RosterError) -> (text: String, encoding: RosterEncoding) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        let scan = UTF8Scan(bytes)
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if !hasBOM, scan.multibyteSequences == 0, let text = windows1252(bytes) { return (text, .windows1252) }
        let offset = scan.firstInvalid ?? 0
        let row = bytes[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let why = hasBOM ? "the file starts as UTF-8 (with a BOM)" : "the rest of the file is UTF-8"
        let whyDutch = hasBOM ? "het bestand begint als UTF-8 (met een BOM)" : "de rest van het bestand UTF-8 is"
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        throw RosterError(row: row, message: "byte \(offset + 1) of the file (0x\(hex)) is not valid UTF-8, while \(why); the file mixes two encodings. Save it from Excel as \"CSV UTF-8\" (Opslaan als > CSV UTF-8) and import it again.",
                          dutch: "byte \(offset + 1) van het bestand (0x\(hex)) is geen geldige UTF-8, terwijl \(whyDutch); het bestand mengt twee coderingen. Sla het op uit Excel als \"CSV UTF-8\" (Opslaan als > CSV UTF-8) en lees het opnieuw in.")
    }

    /// The text of `bytes` read as Windows-1252, or nil when a byte is undefined there.
    static func windows1252(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                let mapped = high[Int(byte - 0x80)]
                guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252 0x80...0x9F; 0 where the code page defines nothing.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// Where a byte sequence stops being UTF-8, and how many multi-byte UTF-8 characters it holds (any at
/// all means the file was written as UTF-8, so a bad byte is damage, not another encoding).
struct UTF8Scan {
    var firstInvalid: Int?
    var multibyteSequences = 0

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = Self.sequenceLength(bytes, at: index)
            if length > 0 {
                multibyteSequences += 1
                index += length
            } else {
                if firstInvalid == nil { firstInvalid = index }
                index += 1
            }
        }
    }

    /// The length of a well-formed multi-byte sequence at `index`, or 0.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}
