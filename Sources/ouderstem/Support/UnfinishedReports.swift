import Foundation

/// Workbooks that an interrupted `ouderstem report` left behind. The report library writes the workbook
/// to a hidden `.<peiling>.<UUID>.xlsx.tmp` beside the final file and renames it when complete; a killed
/// run leaves that hidden file, with every answer in it, in the output folder.
enum UnfinishedReports {
    /// The report library's temporary naming, and nothing else.
    static func isTemporaryWorkbook(_ name: String) -> Bool {
        name.wholeMatch(of: #/\..+\.[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\.xlsx\.tmp/#) != nil
    }

    /// Deletes such files in `folder` that have not been written to for a minute (a report being written
    /// right now keeps its file only during the last second or so) and returns their names.
    static func removeStale(in folder: URL, now: Date = Date()) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isTemporaryWorkbook).sorted().filter { name in
            let path = folder.appendingPathComponent(name).path
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date ?? now
            guard now.timeIntervalSince(modified) > 60 else { return false }
            return (try? FileManager.default.removeItem(atPath: path)) != nil
        }
    }
}
