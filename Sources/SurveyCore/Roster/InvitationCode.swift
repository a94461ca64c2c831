/// A personal invitation code: 17 random characters (85 bits) and a check character, written in groups
/// of three (`K7Q-M4X-RT9-PWA-HC3-NZB`) so it can be typed from paper or read aloud.
///
/// The alphabet leaves out 0, 1, I and O, which look alike on paper. The check character (a weighted sum
/// over GF(32)) catches every single mistyped character and every swap of two neighbours.
public struct InvitationCode: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters without separators, uppercase.
    public let value: String

    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let randomLength = 17

    /// What is wrong with a typed code.
    public enum Problem: Error, Sendable, Equatable {
        /// Not 18 characters from the alphabet.
        case malformed
        /// The check character does not match: a typo.
        case typo
    }

    /// A new code from the system's cryptographic random source.
    public static func generate() -> InvitationCode {
        var rng = SystemRandomNumberGenerator()
        let body = (0..<randomLength).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] }
        return InvitationCode(trusted: String(body) + String(checkCharacter(for: body)))
    }

    /// Parses what a person typed: case, spaces and dashes do not matter.
    public init(parsing typed: String) throws(Problem) {
        let cleaned = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
        let characters = Array(cleaned)
        guard characters.count == Self.randomLength + 1, characters.allSatisfy(Self.alphabet.contains) else {
            throw .malformed
        }
        guard Self.checkCharacter(for: characters.dropLast()) == characters.last else { throw .typo }
        value = cleaned
    }

    private init(trusted value: String) {
        self.value = value
    }

    /// Grouped for print and speech.
    public var description: String {
        stride(from: 0, to: value.count, by: 3).map { start in
            let from = value.index(value.startIndex, offsetBy: start)
            return String(value[from..<value.index(from, offsetBy: 3)])
        }.joined(separator: "-")
    }

    /// The character that makes the sum of `alphabet index × α^position` over the whole code zero in GF(32).
    /// Distinct non-zero weights catch every substitution; because α ≠ 1, every swap of two different
    /// neighbours changes the sum too. (Luhn mod 32, used before, missed a swap of '2' and 'Z'.)
    static func checkCharacter(for body: some Collection<Character>) -> Character {
        var sum = 0
        var weight = 1
        for character in body {
            sum ^= multiply(weight, alphabet.firstIndex(of: character)!)
            weight = multiply(weight, 2)
        }
        // weight · check = sum, so check = sum · weight⁻¹, and weight⁻¹ = weight³⁰ since weight³¹ = 1.
        var inverse = 1
        for _ in 0..<30 { inverse = multiply(inverse, weight) }
        return alphabet[multiply(sum, inverse)]
    }

    /// Multiplication in GF(32) = GF(2)[x] / (x⁵ + x² + 1), whose x (α = 2) generates every non-zero element.
    static func multiply(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b, product = 0
        while b > 0 {
            if b & 1 == 1 { product ^= a }
            b >>= 1
            a <<= 1
            if a & 0b100000 != 0 { a ^= 0b100101 }
        }
        return product
    }
}
