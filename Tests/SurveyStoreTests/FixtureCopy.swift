import Foundation
import Testing

/// A copy of a database file from `Fixtures/` in a fresh temporary folder, as `ouderstem.sqlite`: opening it
/// migrates it, and the fixture itself stays as the release left it.
func copyOfFixture(_ name: String) throws -> String {
    let fixture = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "sqlite"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouderstem-migration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let copy = folder.appendingPathComponent("ouderstem.sqlite")
    try FileManager.default.copyItem(at: fixture, to: copy)
    return copy.path
}
