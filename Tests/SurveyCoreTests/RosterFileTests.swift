import Foundation
import SurveyCore
import Testing

/// Damaged roster files as teachers send them (issue 9, point 4), each a file in Fixtures/roster: refused
/// with the row to fix, never half-guessed.
@Suite("Roster files")
struct RosterFileTests {
    let tags = Tag.standard

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("roster/\(name)"))))
    }

    /// Decodes and parses a fixture; the error when it is refused.
    func refusal(_ name: String) throws -> RosterError? {
        do {
            let decoded = try RosterEncoding.decode(try bytes(name))
            _ = try RosterCSV.rows(decoded.text, knownTags: tags)
            return nil
        } catch let error as RosterError {
            return error
        }
    }

    @Test func aUTF8FileWithOneWindows1252ByteIsRefusedAtThatByte() throws {
        // Before: the whole file fell back to Windows-1252, the header became "ï»¿id" and 30 child names became ids.
        let problem = try #require(try refusal("bom-and-one-windows-1252-byte.csv"))
        #expect(problem.row == 10)
        let offset = try #require(try bytes("bom-and-one-windows-1252-byte.csv").firstIndex(of: 0xE9))
        #expect(problem.message.contains("byte \(offset + 1) of the file (0xE9) is not valid UTF-8"))
        #expect(problem.message.contains("\"CSV UTF-8\""))
    }

    @Test func aWholeWindows1252FileIsReadAsSuchAndSaysSo() throws {
        let decoded = try RosterEncoding.decode(try bytes("windows-1252.csv"))
        #expect(decoded.encoding == .windows1252)
        let rows = try RosterCSV.rows(decoded.text, knownTags: tags)
        #expect(rows.map(\.childName) == ["Chloé", "Zoë"])
        #expect(rows.map(\.parentNames) == ["Hélène Dubois", "Jörg Müller"])
    }

    @Test func aBOMInsideTheFileIsAnErrorByRow() throws {
        let problem = try #require(try refusal("bom-in-the-middle.csv"))
        #expect(problem.row == 5)
        #expect(problem.message.contains("byte-order mark (BOM)"))
    }

    @Test func anEmptyIdIsAnErrorByRow() throws {
        // Before: Daan's name silently became the id, a second family beside the real one.
        let problem = try #require(try refusal("empty-id.csv"))
        #expect(problem.row == 3)
        #expect(problem.message.contains("the id is empty"))
    }

    @Test func aTagListSplitByTheSeparatorIsAnErrorByRow() throws {
        // Row 3 quotes its list and is fine; row 4 does not, so "tweeverdieners" would be dropped.
        let problem = try #require(try refusal("unquoted-tags.csv"))
        #expect(problem.row == 4)
        #expect(problem.message.contains("has 6 cells but the header has 5"))
        #expect(problem.message.contains("double quotes"))
    }

    @Test func idsAreComparedWithoutCapitals() throws {
        let problem = try #require(try refusal("ids-differ-in-case.csv"))
        #expect(problem.row == 4)
        #expect(problem.message.contains("the id 'l01' is already used in row 2 as 'L01'"))
    }

    @Test func shortRowsLeaveFieldsEmptyInsteadOfDefaulted() throws {
        let decoded = try RosterEncoding.decode(try bytes("reimport-short-rows.csv"))
        let rows = try RosterCSV.rows(decoded.text, knownTags: tags)
        #expect(rows.count == 31)
        // Trimmed, case kept as written (the store matches it to L01).
        #expect(rows[0].id == "l01")
        #expect(rows.allSatisfy { $0.language == nil && $0.tags == nil && $0.contact == nil && $0.parentNames == nil })
        // As a new family, the defaults apply.
        #expect(rows[30].respondent.language == "nl")
    }
}
