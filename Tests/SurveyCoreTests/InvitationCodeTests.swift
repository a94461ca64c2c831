import Foundation
import SurveyCore
import Testing

/// Personal codes are typed from paper or read aloud: they must be unguessable and every common typo
/// must be caught instead of opening someone else's form.
@Suite("Invitation codes")
struct InvitationCodeTests {
    static let alphabet = InvitationCode.alphabet

    func parses(_ typed: String) -> InvitationCode.Problem? {
        do {
            _ = try InvitationCode(parsing: typed)
            return nil
        } catch {
            return error
        }
    }

    /// A valid code with the given 17 characters, found by trying every check character.
    func valid(body: [Character]) throws -> String {
        let codes = Self.alphabet.map { String(body) + String($0) }.filter { parses($0) == nil }
        try #require(codes.count == 1, "exactly one check character fits \(String(body))")
        return codes[0]
    }

    @Test func generatedCodeRoundTripsThroughPrintAndTyping() throws {
        for _ in 0..<200 {
            let code = InvitationCode.generate()
            #expect(code.value.count == 18)
            #expect(code.value.allSatisfy(Self.alphabet.contains))
            // Printed in six groups of three.
            let groups = code.description.split(separator: "-")
            #expect(groups.count == 6 && groups.allSatisfy { $0.count == 3 })
            #expect(groups.joined() == code.value)
            #expect(try InvitationCode(parsing: code.description) == code)
            #expect(try InvitationCode(parsing: code.value.lowercased()) == code)
            let spoken = groups.map { $0.lowercased() }.joined(separator: " ")
            #expect(try InvitationCode(parsing: "  \(spoken) ") == code)
            #expect(try InvitationCode(parsing: groups.joined(separator: " - ")) == code)
        }
    }

    @Test func alphabetLeavesOutLookalikesAndGivesAtLeast80Bits() throws {
        #expect(Self.alphabet.count == 32)
        #expect(Set(Self.alphabet).count == 32)
        for lookalike in "01IO" { #expect(!Self.alphabet.contains(lookalike)) }
        // 17 random characters of 32 (5 bits each) before the check character.
        let codes = (0..<2000).map { _ in InvitationCode.generate().value }
        #expect(Set(codes).count == codes.count)
        for position in 0..<17 {
            let used = Set(codes.map { Array($0)[position] })
            #expect(used.count == 32, "position \(position) uses only \(used.count) characters")
        }
        #expect(Double(17) * log2(Double(Self.alphabet.count)) >= 80)
    }

    @Test func everySingleSubstitutionIsCaught() throws {
        for _ in 0..<40 {
            let code = Array(InvitationCode.generate().value)
            for position in code.indices {
                for replacement in Self.alphabet where replacement != code[position] {
                    var typed = code
                    typed[position] = replacement
                    #expect(parses(String(typed)) == .typo, "\(String(typed)) from \(String(code))")
                }
                for lookalike in "01IO" {
                    var typed = code
                    typed[position] = lookalike
                    #expect(parses(String(typed)) == .malformed)
                }
            }
        }
    }

    @Test func everyAdjacentTranspositionOfGeneratedCodesIsCaught() throws {
        for _ in 0..<300 {
            let code = Array(InvitationCode.generate().value)
            for position in 0..<(code.count - 1) where code[position] != code[position + 1] {
                var typed = code
                typed.swapAt(position, position + 1)
                #expect(parses(String(typed)) == .typo, "\(String(typed)) from \(String(code))")
            }
        }
    }

    /// Random codes rarely hold a given pair of neighbours (Luhn mod 32 missed "2Z" <-> "Z2"), so every pair of
    /// characters is tried at the start, middle and end.
    @Test func everyPairOfNeighboursSwappedIsCaught() throws {
        let base = Array(InvitationCode.generate().value.prefix(17))
        for position in stride(from: 0, to: 16, by: 5) {
            for first in Self.alphabet {
                for second in Self.alphabet where second != first {
                    var body = base
                    body[position] = first
                    body[position + 1] = second
                    var typed = Array(try valid(body: body))
                    typed.swapAt(position, position + 1)
                    #expect(parses(String(typed)) == .typo, "\(first)\(second) at \(position)")
                }
            }
        }
        // Swapping the last random character with the check character.
        for last in Self.alphabet {
            var body = base
            body[16] = last
            var typed = Array(try valid(body: body))
            guard typed[16] != typed[17] else { continue }
            typed.swapAt(16, 17)
            #expect(parses(String(typed)) == .typo, "\(String(typed))")
        }
    }

    @Test func wrongLengthOrCharactersIsMalformed() {
        let code = InvitationCode.generate().value
        #expect(parses(String(code.dropLast())) == .malformed)
        #expect(parses(code + "A") == .malformed)
        #expect(parses("") == .malformed)
        #expect(parses(String(code.dropLast()) + "!") == .malformed)
    }
}
