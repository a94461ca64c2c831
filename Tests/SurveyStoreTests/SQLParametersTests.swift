@testable import SurveyStore
import Testing

/// The store writes its SQL once with `?` markers; PostgreSQL is sent `$1, $2, ...` in their place.
@Suite struct SQLParametersTests {
    @Test func markersAreNumberedInOrder() {
        #expect(SQLParameters.numbered("UPDATE response SET tags = ?, version = version + 1 WHERE id = ? AND peiling_id = ?")
                == "UPDATE response SET tags = $1, version = version + 1 WHERE id = $2 AND peiling_id = $3")
        #expect(SQLParameters.numbered("VALUES " + Array(repeating: "(?, ?)", count: 6).joined(separator: ", "))
                == "VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8), ($9, $10), ($11, $12)")
    }

    @Test func aQuestionMarkInTextANameOrACommentIsLeftAlone() {
        #expect(SQLParameters.numbered("SELECT 'Wat vindt u? ''Goed?''' AS \"vraag?\", ? -- waarom?\nFROM t WHERE a = ?")
                == "SELECT 'Wat vindt u? ''Goed?''' AS \"vraag?\", $1 -- waarom?\nFROM t WHERE a = $2")
    }

    @Test func textBeyondASCIIComesThroughWhole() {
        #expect(SQLParameters.numbered("SELECT 'één – ünïcode ✓ 🙂' WHERE naam = ? AND taal = 'العربية'")
                == "SELECT 'één – ünïcode ✓ 🙂' WHERE naam = $1 AND taal = 'العربية'")
    }
}
