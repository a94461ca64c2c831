/// A roster row that cannot be imported, named by its row number in the file (the header is row 1).
public struct RosterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var row: Int
    public var message: String
    /// The same in Dutch, for a teacher's dashboard and a Dutch terminal.
    public var dutch: String

    public init(row: Int, message: String, dutch: String) {
        self.row = row
        self.message = message
        self.dutch = dutch
    }

    public var description: String { text(dutch: false) }

    /// "Rij 3: ..." or "Row 3: ...".
    public func text(dutch inDutch: Bool) -> String {
        let message = inDutch ? dutch : self.message
        return row > 0 ? (inDutch ? "Rij \(row): " : "Row \(row): ") + message : message
    }
}

/// Reads a class roster from CSV as teachers export it: comma or semicolon separated (Dutch Excel writes
/// semicolons), UTF-8 with or without BOM (or Windows-1252, see `RosterEncoding`), Dutch or English column names.
public enum RosterCSV {
    /// Column names that are understood, per field.
    static let columns: [(field: String, names: [String])] = [
        ("id", ["id", "nummer", "leerlingnummer", "code", "number"]),
        ("child", ["kind", "naam kind", "leerling", "child", "child name", "naam"]),
        ("group", ["groep", "klas", "group", "class", "stamgroep"]),
        ("parents", ["ouder", "ouders", "naam ouder", "namen ouders", "parent", "parents", "parent names"]),
        ("language", ["taal", "thuistaal", "voorkeurstaal", "language"]),
        ("contact", ["contact", "e-mail", "email", "telefoon", "phone", "mail"]),
        ("tags", ["kenmerken", "kenmerk", "tags", "tag"]),
    ]

    /// Parses the whole file into families with defaults for empty cells (language `nl`, no tags);
    /// throws the first bad row and imports nothing then.
    public static func parse(_ text: String, knownTags: [Tag]) throws(RosterError) -> [Respondent] {
        try rows(text, knownTags: knownTags).map(\.respondent)
    }

    /// Parses the whole file into rows that keep empty cells apart (nil), so a re-import can leave stored
    /// values alone. Strict: an empty id, a byte-order mark inside the file, ids that differ only in case,
    /// and a row with more cells than the header (an unquoted list split by the separator) are errors.
    public static func rows(_ text: String, knownTags: [Tag]) throws(RosterError) -> [RosterRow] {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let records = split(text)
        guard let header = records.first else { throw RosterError(row: 0, message: "The roster file is empty: it needs a header row and one row per family.",
                                                                   dutch: "Het bestand is leeg: het heeft een kopregel nodig en een regel per gezin.") }
        for record in records where record.cells.contains(where: { $0.contains("\u{FEFF}") }) {
            throw RosterError(row: record.row, message: "holds an invisible byte-order mark (BOM), usually where two files were pasted together; delete it, or save the file again from Excel as 'CSV UTF-8'.",
                              dutch: "bevat een onzichtbaar BOM-teken, meestal waar twee bestanden aan elkaar zijn geplakt; haal het weg, of sla het bestand opnieuw op uit Excel als 'CSV UTF-8'.")
        }
        var fieldIndex: [String: Int] = [:]
        for (index, name) in header.cells.enumerated() {
            let name = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let field = columns.first(where: { $0.names.contains(name) })?.field, fieldIndex[field] == nil {
                fieldIndex[field] = index
            }
        }
        guard fieldIndex["id"] != nil || fieldIndex["child"] != nil else {
            throw RosterError(row: 1, message: "The header has no column 'id' or 'kind' (child name): one of them identifies each family.",
                              dutch: "De kopregel heeft geen kolom 'id' of 'kind' (naam van het kind): een van de twee wijst elk gezin aan.")
        }
        guard fieldIndex["group"] != nil else {
            throw RosterError(row: 1, message: "The header has no column 'groep' (group or class).",
                              dutch: "De kopregel heeft geen kolom 'groep' (groep of klas).")
        }
        let separator = separator(of: text)
        var rows: [RosterRow] = []
        var seen: [String: (row: Int, id: String)] = [:]
        for record in records.dropFirst() where !record.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func cell(_ field: String) -> String? {
                guard let index = fieldIndex[field], index < record.cells.count else { return nil }
                let value = record.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            let row = record.row
            let extra = record.cells.dropFirst(header.cells.count)
            if extra.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw RosterError(row: row, message: "has \(record.cells.count) cells but the header has \(header.cells.count): a cell that holds the separator '\(separator)' (such as tags \"nt2\(separator) alleenstaand\") must be in double quotes, or save the file with ';' as Dutch Excel does.",
                                  dutch: "heeft \(record.cells.count) cellen, de kopregel \(header.cells.count): een cel met het scheidingsteken '\(separator)' (zoals kenmerken \"nt2\(separator) alleenstaand\") moet tussen dubbele aanhalingstekens staan, of sla het bestand op met ';' zoals de Nederlandse Excel doet.")
            }
            let id: String
            if fieldIndex["id"] != nil {
                guard let given = cell("id") else {
                    throw RosterError(row: row, message: "the id is empty; every family needs its own id (the child's name is not used instead when the file has an id column).",
                                      dutch: "de id is leeg; elk gezin heeft een eigen id nodig (de naam van het kind telt niet als id wanneer het bestand een kolom id heeft).")
                }
                id = given
            } else {
                guard let child = cell("child") else { throw RosterError(row: row, message: "no child name; without an id column the child's name identifies the family.",
                                                                           dutch: "geen naam van het kind; zonder kolom id wijst de naam van het kind het gezin aan.") }
                id = child
            }
            if let earlier = seen[id.lowercased()] {
                let same = earlier.id == id ? "" : " as '\(earlier.id)' (ids do not depend on capitals)"
                let sameDutch = earlier.id == id ? "" : " als '\(earlier.id)' (hoofdletters maken een id niet anders)"
                throw RosterError(row: row, message: "the id '\(id)' is already used in row \(earlier.row)\(same).",
                                  dutch: "de id '\(id)' staat al in rij \(earlier.row)\(sameDutch).")
            }
            seen[id.lowercased()] = (row, id)
            guard let group = cell("group") else { throw RosterError(row: row, message: "no group or class for '\(id)'.", dutch: "geen groep of klas bij '\(id)'.") }
            let language = try cell("language").map { value throws(RosterError) in try languageCode(value, row: row) }
            let tags = try cell("tags").map { text throws(RosterError) in
                try text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
                    .map { word throws(RosterError) in try tagID(String(word), knownTags: knownTags, row: row) }
            }
            rows.append(RosterRow(row: row, id: id, group: group, childName: cell("child"), parentNames: cell("parents"),
                                  language: language, contact: cell("contact"), tags: tags))
        }
        return rows
    }

    static func tagID(_ word: String, knownTags: [Tag], row: Int) throws(RosterError) -> String {
        let word = word.trimmingCharacters(in: .whitespaces).lowercased()
        if let tag = knownTags.first(where: { $0.id == word || $0.label.values.contains { $0.lowercased() == word } }) {
            return tag.id
        }
        let known = knownTags.map(\.id)
        throw RosterError(row: row, message: "unknown tag '\(word)'.\(Suggestion.hint(for: word, in: known)) Known tags: \(known.joined(separator: ", ")); declare others under `tags:` in the survey.",
                          dutch: "onbekend kenmerk '\(word)'.\(Suggestion.closest(to: word, in: known).map { " Bedoelt u '\($0)'?" } ?? "") Bekende kenmerken: \(known.joined(separator: ", ")); andere kenmerken komen onder `tags:` in de vragenlijst.")
    }

    static func languageCode(_ value: String, row: Int) throws(RosterError) -> String {
        let lower = value.lowercased()
        if let code = dutchLanguageNames[lower] ?? Language.nativeNames.first(where: { $0.value.lowercased() == lower })?.key { return code }
        if (2...3).contains(lower.count), lower.allSatisfy({ $0.isLetter && $0.isASCII }) { return lower }
        throw RosterError(row: row, message: "'\(value)' is not a language: write a code such as nl, ar or tr, or a name such as Arabisch.",
                          dutch: "'\(value)' is geen taal: schrijf een code zoals nl, ar of tr, of een naam zoals Arabisch.")
    }

    /// Dutch language names as teachers write them ("Arabisch"), to their codes.
    static let dutchLanguageNames: [String: String] = {
        var names = Dictionary(Language.dutchNames.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { a, _ in a })
        names["oekraiens"] = "uk"; names["tigrinja"] = "ti"; names["perzisch"] = "fa"; names["tamazight"] = "ber"
        return names
    }()

    // MARK: CSV

    /// Whichever of ';' and ',' the header line uses more.
    static func separator(of text: String) -> Character {
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r" }
        return headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
    }

    struct Record {
        var row: Int
        var cells: [String]
    }

    /// Splits CSV text into records, with quoted cells ("" for a quote) that may hold separators and line
    /// breaks. The separator is whichever of ';' and ',' the header line uses more. A record's row is counted as a
    /// spreadsheet counts it: a cell with a line break stays one row.
    static func split(_ text: String) -> [Record] {
        let separator = separator(of: text)
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let following = iterator.next()
                    if following == "\"" { cell.append("\"") } else { quoted = false; pending = following }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where cell.isEmpty: quoted = true
            case separator: cells.append(cell); cell = ""
            case "\n", "\r\n", "\r":
                cells.append(cell); cell = ""
                records.append(Record(row: records.count + 1, cells: cells)); cells = []
            default: cell.append(character)
            }
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            records.append(Record(row: records.count + 1, cells: cells))
        }
        return records
    }
}
