/// Takes a translator's file back into a survey definition: checks every unit against the survey, writes
/// the translations into the YAML (only those texts change), and checks the result as `validate` does.
public enum TranslationImport {
    /// What an import changes, by unit id in the order of the survey.
    public struct Report: Sendable {
        public var language: String
        /// Translations the survey did not have.
        public var new: [String] = []
        /// Translations that differ from the survey's.
        public var changed: [String] = []
        /// Units without a translation in the file (left open or left out) that the survey lacks too.
        public var missing: [String] = []
        /// Units without a translation in the file whose existing translation in the survey is kept.
        public var kept: [String] = []
        public var unchanged = 0
        /// Translations longer than the place they are shown allows: (unit id, the maximum).
        public var tooLong: [(unit: String, maxLength: Int)] = []
        /// True when the survey did not declare the language yet; it is added as a draft.
        public var languageAdded = false
    }

    /// The new YAML text and the report. Throws `TranslationFileError` for a file that does not match the
    /// survey (unknown unit, another Dutch source, a lost placeholder), `SurveyDefinitionError` when the
    /// result would not validate, and `TranslationWriteError` for a text it cannot rewrite safely.
    public static func apply(_ file: TranslationFile, to catalog: TranslationCatalog) throws -> (yaml: String, report: Report) {
        let language = file.language
        var problems: [TranslationFileError.Problem] = []
        if language == "nl" {
            problems.append(.init(line: 1, "the target language is Dutch (nl): Dutch is the source and is edited in the YAML itself."))
        } else if !DefinitionReader.looksLikeLanguageCode(language) {
            problems.append(.init(line: 1, "the target language '\(language)' is not a language code such as pl, tr or uk."))
        }
        var targets: [String: String] = [:]
        var seen: [String: Int] = [:]
        for entry in file.entries {
            if let first = seen[entry.id] {
                problems.append(.init(line: entry.line, unit: entry.id, "appears twice (first at \(file.placeName) \(first)). Keep one."))
                continue
            }
            seen[entry.id] = entry.line
            guard let unit = catalog.unit(entry.id) else {
                problems.append(.init(line: entry.line, unit: entry.id, "is not a text of \(catalog.file). Export again with `ouderstem survey translate export` and translate that file."))
                continue
            }
            if normalized(entry.source) != normalized(unit.source) {
                problems.append(.init(line: entry.line, unit: entry.id, "the Dutch source is \"\(entry.source)\", but the survey now says \"\(unit.source)\". The survey changed after the export: export again and carry the translations over."))
                continue
            }
            guard let target = entry.target, !target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let lost = unit.placeholders.filter { !target.contains($0) }
            if !lost.isEmpty {
                problems.append(.init(line: entry.line, unit: entry.id, "the translation lacks \(lost.joined(separator: " and ")); keep these placeholders exactly as in the Dutch."))
                continue
            }
            targets[entry.id] = target
        }
        if !problems.isEmpty {
            throw TranslationFileError(path: file.path, problems: problems, placeName: file.placeName)
        }

        var report = Report(language: language)
        var writes: [String: String] = [:]
        for unit in catalog.units {
            let existing = unit.texts[language]
            guard let target = targets[unit.id] else {
                if existing == nil { report.missing.append(unit.id) } else { report.kept.append(unit.id) }
                continue
            }
            if let max = unit.maxLength, target.count > max { report.tooLong.append((unit.id, max)) }
            switch existing {
            case nil:
                report.new.append(unit.id)
                writes[unit.id] = target
            case target?:
                report.unchanged += 1
            default:
                report.changed.append(unit.id)
                writes[unit.id] = target
            }
        }
        // A language is declared only with at least one translation: an empty file changes nothing.
        report.languageAdded = catalog.survey.language(language) == nil && !writes.isEmpty
        var patch = TranslationPatch(catalog: catalog, language: language)
        let yaml = writes.isEmpty ? catalog.yaml : try patch.apply(writes)
        let written = try TranslationCatalog(yaml: yaml, file: catalog.file)
        try verify(written, against: catalog, writes: writes, language: language)
        return (yaml, report)
    }

    /// Every text of the new file is the old one or the translation written: a last check that the edit
    /// touched nothing else.
    private static func verify(_ written: TranslationCatalog, against old: TranslationCatalog, writes: [String: String], language: String) throws {
        for unit in old.units {
            var expected = unit.texts
            if let text = writes[unit.id] { expected[language] = text }
            if written.unit(unit.id)?.texts != expected {
                let line = old.places[unit.id]?.texts?.mark?.line ?? 1
                throw TranslationWriteError(file: old.file, line: line, unit: unit.id)
            }
        }
    }

    /// Line breaks and runs of spaces as one space: a translation tool may wrap the source.
    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
