import Foundation
import Hummingbird

/// A posted `multipart/form-data` body (a file upload from a plain HTML form, no JavaScript): text fields
/// and files by name. Strict like `FormBody`: a body that is not well-formed is a 400, never half-read.
struct MultipartBody: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    private(set) var parts: [Part] = []

    /// Reads the body of `request`, at most `limit` bytes (413 above it).
    static func read(_ request: Request, limit: Int) async throws -> MultipartBody {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = type.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count) else {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        let buffer = try await request.body.collect(upTo: limit)
        return try MultipartBody(bytes: Array(buffer.readableBytesView),
                                 boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
    }

    init(bytes: [UInt8], boundary: String) throws {
        let bad = HTTPError(.badRequest, message: "The form could not be read.")
        let delimiter = Array("--\(boundary)".utf8)
        var sections: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            if let start { sections.append(bytes[start..<found]) }
            index = found + delimiter.count
            if bytes[index...].starts(with: Array("--".utf8)) { start = nil; break }
            guard bytes[index...].starts(with: Array("\r\n".utf8)) else { throw bad }
            index += 2
            start = index
        }
        guard start == nil, !sections.isEmpty || bytes.isEmpty else { throw bad }
        for section in sections {
            guard let split = Self.find(Array("\r\n\r\n".utf8), in: Array(section), from: 0) else { throw bad }
            let all = Array(section)
            guard let head = String(validating: all[..<split], as: UTF8.self) else { throw bad }
            var body = Array(all[(split + 4)...])
            // Each part's content ends with the CRLF that precedes the next delimiter.
            guard body.suffix(2) == [13, 10] else { throw bad }
            body.removeLast(2)
            var name: String?
            var filename: String?
            for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                filename = Self.parameter("filename", in: line)
            }
            guard let name else { throw bad }
            parts.append(Part(name: name, filename: filename, bytes: body))
        }
    }

    /// The text of field `name` (UTF-8), or nil.
    subscript(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.flatMap { String(validating: $0.bytes, as: UTF8.self) }
    }

    /// The uploaded file of field `name`, or nil when none was chosen (browsers send an empty part then).
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.filename != nil && !($0.filename!.isEmpty && $0.bytes.isEmpty) }
    }

    /// The urlencoded-style fields, so `StaffAuth.checkCSRF` checks an upload like any other form.
    var fields: FormBody {
        FormBody(fields: parts.filter { $0.filename == nil }.compactMap { part in
            String(validating: part.bytes, as: UTF8.self).map { (part.name, $0) }
        })
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard piece.hasPrefix("\(key)=\"") else { continue }
            return String(piece.dropFirst(key.count + 2).dropLast())
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
