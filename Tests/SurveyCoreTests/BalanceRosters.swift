import Foundation
import SurveyCore

/// The rosters on which the balance of the sample is checked (issue 11): a class of 30 and a school of 600.
enum BalanceRosters {
    /// The class of issue 11: 17 Dutch-speaking families, 13 with Arabic (5), Turkish (3), Polish (2),
    /// Ukrainian (2) or Tigrinya (1) at home; NT2 on 14 (the 13 and one Dutch-speaking family); the other
    /// tags spread as in a real class.
    static let classOf30: [Respondent] = {
        let languages = Array(repeating: "nl", count: 17) + ["ar", "ar", "ar", "ar", "ar", "tr", "tr", "tr", "pl", "pl", "uk", "uk", "ti"]
        return languages.enumerated().map { index, language in
            let number = index + 1
            var tags: [String] = []
            if language != "nl" || number == 17 { tags.append("nt2") }
            if number % 6 == 1 { tags.append("gescheiden") }
            if number % 7 == 3 { tags.append("samengesteld") }
            if number % 6 == 4 { tags.append("alleenstaand") }
            if number % 5 < 2 { tags.append("tweeverdieners") }
            return Respondent(id: "F\(number < 10 ? "0" : "")\(number)", group: number % 2 == 0 ? "5A" : "5B", language: language, tags: tags)
        }
    }()

    /// A school of 600 families in 20 groups, made with the seeded generator: 70% Dutch at home, then Arabic,
    /// Turkish, Polish, Ukrainian, Tigrinya, Somali and English; tags with their own frequencies, NT2 mostly
    /// among the families with another language at home.
    static let schoolOf600: [Respondent] = {
        var generator = SeededGenerator(seed: 600)
        func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
        let languages = Array(repeating: "nl", count: 70) + Array(repeating: "ar", count: 8) + Array(repeating: "tr", count: 8)
            + Array(repeating: "pl", count: 5) + Array(repeating: "uk", count: 3) + ["ti", "ti", "so", "so", "en", "en"]
        return (1...600).map { number in
            let language = languages[Int(generator.next() % UInt64(languages.count))]
            var tags: [String] = []
            if language == "nl" ? chance(4) : (language != "en" && chance(80)) { tags.append("nt2") }
            if chance(15) { tags.append("gescheiden") }
            if chance(8) { tags.append("samengesteld") }
            if chance(12) { tags.append("alleenstaand") }
            if chance(45) { tags.append("tweeverdieners") }
            return Respondent(id: String(format: "S%03d", number), group: "groep \(number % 20 + 1)", language: language, tags: tags)
        }
    }()
}
