import Foundation

/// The last day parents can answer: a calendar day without a time, written out in each language
/// ("vrijdag 18 december 2026").
public struct Deadline: Sendable, Equatable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// What is wrong with a typed date.
    public struct Problem: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "The deadline '\(text)' is not a date; write it as 2026-12-18 or 18-12-2026." }
    }

    /// Reads `2026-12-18` or the Dutch way, `18-12-2026` (also with slashes or dots).
    public init(parsing text: String) throws(Problem) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "-/.".contains($0) }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { throw Problem(text: text) }
        let (year, month, day) = a > 31 ? (a, b, c) : (c, b, a)
        let components = DateComponents(year: year, month: month, day: day)
        // A date the calendar does not have (31 November) is refused, never rolled over.
        guard (1...12).contains(month), (2000...2200).contains(year), let date = Self.calendar.date(from: components),
              Self.calendar.component(.day, from: date) == day else { throw Problem(text: text) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-12-18`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The day written out in `language`, with the weekday: "vrijdag 18 december 2026", "Friday 18 December 2026".
    public func text(in language: String) -> String {
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let date = Self.calendar.date(from: components) else { return description }
        let formatter = DateFormatter()
        formatter.calendar = Self.calendar
        formatter.timeZone = Self.calendar.timeZone
        formatter.locale = Locale(identifier: language == "en" ? "en_GB" : language)
        formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMMy")
        return formatter.string(from: date)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        return calendar
    }()
}
