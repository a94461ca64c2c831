import Foundation
import Hummingbird

/// A posted `application/x-www-form-urlencoded` body: every name with all its values, in order.
/// Strict: invalid percent-encoding or invalid UTF-8 is a forged request (400), never a crash.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []
    /// Name -> its values in order: a one-page form has a hundred fields, and each is looked up.
    private var byName: [String: [String]] = [:]

    init(fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
        for (name, value) in fields { byName[name, default: []].append(value) }
    }

    /// Reads and decodes the body of `request`, at most the context's upload limit (413 above it).
    static func read(_ request: Request, context: some RequestContext) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try FormBody(bytes: Array(buffer.readableBytesView))
    }

    init(bytes: [UInt8]) throws {
        var fields: [(String, String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
        self.init(fields: fields)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    throw HTTPError(.badRequest, message: "The form could not be read.")
                }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        // Control characters other than line breaks and tabs have no place in a form answer.
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? {
        byName[name]?.first
    }

    /// Every value of `name` (checkboxes).
    func all(_ name: String) -> [String] {
        byName[name] ?? []
    }

    /// Field names that start with `prefix`.
    func names(withPrefix prefix: String) -> Set<String> {
        Set(byName.keys.filter { $0.hasPrefix(prefix) })
    }
}
