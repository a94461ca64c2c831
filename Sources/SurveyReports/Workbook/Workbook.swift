import CXlsxWriter
import Foundation

/// A thin, checked wrapper over a libxlsxwriter workbook.
///
/// Every sheet is written row by row, top to bottom (`Sheet.row` only moves forward), so the same code works in
/// constant-memory mode, which a 100,000-response Data sheet needs. Every `lxw_error` is checked.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    let formats: Formats
    let constantMemory: Bool
    private var names: Set<String> = []

    init(path: String, constantMemory: Bool) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1  // a very large Data sheet can pass 4 GB uncompressed
        guard let handle = workbook_new_opt(path, &options) else {
            throw ReportError("Cannot create the workbook \(path); check that the folder exists and can be written to.")
        }
        self.handle = handle
        self.constantMemory = constantMemory
        formats = Formats(handle)
    }

    deinit {
        // A workbook that was never closed (an error on the way) is freed without writing.
        if let handle { lxw_workbook_free(handle) }
    }

    /// Adds a sheet; the name is made valid (at most 31 characters, no []:*?/\) and unique.
    func addSheet(_ wanted: String) throws -> Sheet {
        guard let handle else { throw ReportError("The workbook is already closed.") }
        var name = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        var n = 2
        while names.contains(name.lowercased()) {
            name = String(name.prefix(28)) + " \(n)"
            n += 1
        }
        names.insert(name.lowercased())
        guard let sheet = workbook_add_worksheet(handle, name) else { throw ReportError("Cannot add the sheet '\(name)'.") }
        return Sheet(sheet, name: name, workbook: self)
    }

    /// A new chart of a libxlsxwriter chart type (imported as UInt32, taken as UInt8).
    func addChart(_ type: lxw_chart_type) throws -> UnsafeMutablePointer<lxw_chart> {
        guard let handle, type.rawValue <= UInt32(UInt8.max), let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw ReportError("Cannot add a chart to the workbook.")
        }
        return chart
    }

    func setProperties(title: String, subject: String) {
        guard let handle else { return }
        title.withCString { t in
            subject.withCString { s in
                "Ouderstem".withCString { a in
                    var properties = lxw_doc_properties()
                    properties.title = UnsafeMutablePointer(mutating: t)
                    properties.subject = UnsafeMutablePointer(mutating: s)
                    properties.author = UnsafeMutablePointer(mutating: a)
                    _ = workbook_set_properties(handle, &properties)
                }
            }
        }
    }

    /// Writes the file and frees the workbook: exactly once.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try check(workbook_close(handle), "writing the workbook")
    }
}

/// Turns an `lxw_error` into a plain error.
func check(_ error: lxw_error, _ what: @autoclosure () -> String) throws {
    guard error.rawValue != LXW_NO_ERROR.rawValue else { return }
    throw ReportError("libxlsxwriter failed while \(what()): \(String(cString: lxw_strerror(error))).")
}
