import Foundation
import SurveyImport
import SurveyModel
import Testing

/// Issue 15: hand codes (`NAME.codes.csv`) are read strictly: the last row of an answer wins,
/// coder-added themes keep their labels, and a damaged or foreign file stops with its place.
@Suite struct ThemeCodesTests {
    static let header = "respondent,question,themes,coder,coded_at"

    /// Writes `text` to a fresh file and reads it as codes.
    static func read(_ text: String) throws(ImportError) -> ThemeCodes {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codes-\(UUID().uuidString).codes.csv")
        try? Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ThemeCodes.read(from: url)
    }

    /// The message of the error reading `text` gives, with the temporary path taken out.
    static func failure(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.localizedDescription.replacingOccurrences(of: #"^.*\.codes\.csv"#, with: "CODES", options: .regularExpression)
        }
    }

    @Test func theFixtureJournalKeepsTheLastRowOfEachAnswer() throws {
        let codes = try ThemeCodes.read(from: URL(fileURLWithPath: Fixture.path("themes/seminar-comments.codes.csv")))
        #expect(codes.themes(respondent: "24", question: "improve") == ["more_time"], "the correction on line 8 wins over line 3")
        #expect(codes.entry(respondent: "24", question: "improve")?.line == 8)
        #expect(codes.themes(respondent: "20", question: "improve") == [], "coded as no theme")
        #expect(codes.themes(respondent: "1", question: "improve") == nil, "not coded by hand")
        #expect(codes.themes(respondent: "36", question: "comments") == nil)
        #expect(codes.codedAnswers == 5)
        #expect(codes.addedThemes["improve"]?.map(\.id) == ["examples"])
        #expect(codes.addedThemes["improve"]?.map(\.label) == ["Practical examples, cases"])
        let questionnaire = try QuestionnaireLoader.load(path: Fixture.path("themes/seminar-comments.yaml"))
        try codes.check(against: questionnaire)
    }

    @Test func theCodesFileSitsBesideTheResponses() {
        #expect(ThemeCodes.defaultPath(forResponses: "responses/seminar-feedback.csv") == "responses/seminar-feedback.codes.csv")
        #expect(ThemeCodes.defaultPath(forResponses: "x.csv") == "x.codes.csv")
        #expect(ThemeCodes.defaultPath(forResponses: "data/export.xlsx") == "data/export.codes.csv")
    }

    @Test func severalThemesAreJoinedBySemicolonsAndAQuotedLabelMayHoldCommas() throws {
        let codes = try Self.read("""
        respondent,question,themes,coder,coded_at,label
        7,improve,more_time;venue,aigul,2026-11-30T03:15:00+06:00,
        #theme,improve,cases,aigul,2026-11-30T03:16:00Z,"Cases, ""real"" ones"

        """)
        #expect(codes.themes(respondent: "7", question: "improve") == ["more_time", "venue"])
        #expect(codes.addedThemes["improve"]?.first?.label == "Cases, \"real\" ones")
    }

    /// Saved again by Excel: a byte order mark and CRLF line ends.
    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let codes = try Self.read("\u{FEFF}\(Self.header)\r\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00\r\n8,improve,,aigul,2026-11-30T03:16:00+06:00\r\n")
        #expect(codes.themes(respondent: "7", question: "improve") == ["venue"])
        #expect(codes.themes(respondent: "8", question: "improve") == [])
        #expect(codes.entry(respondent: "8", question: "improve")?.line == 3)
    }

    @Test func aLastLineWithoutItsLineEndIsReadWhenWhole() throws {
        let codes = try Self.read("\(Self.header)\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00")
        #expect(codes.themes(respondent: "7", question: "improve") == ["venue"])
    }

    @Test(arguments: [
        // A wrong header: a responses file given as codes.
        ("respondent,submitted_at,org_type,improve\n1,,ngo,More time\n",
         "CODES:1: error: this is not a codes file: its header is `respondent,submitted_at,org_type,improve`, expected `respondent,question,themes,coder,coded_at`"),
        // A torn last line: the coder stopped mid-write.
        ("\(header)\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00\n8,improve,more_ti",
         "CODES:3: error: the last line is cut short (3 of 5 fields, and no line end)"),
        // Torn inside a quoted field.
        ("respondent,question,themes,coder,coded_at,label\n#theme,improve,cases,aigul,2026-11-30T03:16:00Z,\"Cases, re",
         "CODES:2: error: the file ends inside a quoted field: the last row was cut off"),
        // A torn time: all five fields, but the last one cut.
        ("\(header)\n7,improve,venue,aigul,2026-11-30T03:1",
         "CODES:2:5: error: coded_at `2026-11-30T03:1` is not an ISO 8601 time with its offset"),
        // A theme id with a comma, quoted so the field count is right.
        ("\(header)\n7,improve,\"more_time,venue\",aigul,2026-11-30T03:15:00+06:00\n",
         "CODES:2:3: error: theme `more_time,venue` in `more_time,venue`: theme ids are joined by `;`, not `,` (write `more_time;venue`)"),
        // The same comma unquoted: one field too many.
        ("\(header)\n7,improve,more_time,venue,aigul,2026-11-30T03:15:00+06:00\n",
         "CODES:2: error: this row has 6 fields, the header 5"),
        ("\(header)\n7,improve,More Time,aigul,2026-11-30T03:15:00+06:00\n",
         "CODES:2:3: error: theme `More Time` in `More Time`: theme ids use only a-z, 0-9 and _"),
        ("\(header)\n7,improve,venue,aigul,2026-11-30 03:15\n",
         "CODES:2:5: error: coded_at `2026-11-30 03:15` is not an ISO 8601 time with its offset"),
        ("\(header)\n,improve,venue,aigul,2026-11-30T03:15:00+06:00\n",
         "CODES:2:1: error: the respondent is empty"),
        ("\(header)\n#theme,improve,cases,aigul,2026-11-30T03:15:00+06:00\n",
         "CODES:2:1: error: a `#theme` row declares a new theme with its label, but the header has no `label` column"),
        ("", "CODES:1: error: the codes file is empty"),
    ])
    func damagedFilesStopWithTheirPlace(_ text: String, _ message: String) {
        let found = Self.failure(text)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "no error")")
    }

    @Test func codesForAClosedOrUnknownQuestionAreRefusedAgainstTheDefinition() throws {
        let questionnaire = try QuestionnaireLoader.load(path: Fixture.path("themes/seminar-comments.yaml"))
        let closed = try Self.read("\(Self.header)\n7,org_type,venue,aigul,2026-11-30T03:15:00+06:00\n")
        #expect(throws: ImportError.self) { try closed.check(against: questionnaire) }
        do {
            try closed.check(against: questionnaire)
        } catch {
            #expect(error.localizedDescription.contains(":2:2: error: question `org_type` is single_choice; only text questions are coded with themes"), "\(error.localizedDescription)")
        }
        let unknown = try Self.read("\(Self.header)\n7,improvements,venue,aigul,2026-11-30T03:15:00+06:00\n")
        do {
            try unknown.check(against: questionnaire)
            Issue.record("an unknown question passed")
        } catch {
            #expect(error.localizedDescription.contains(":2:2: error: question `improvements` is not in the questionnaire"), "\(error.localizedDescription)")
        }
    }

    @Test func addedThemesIncludeIdsUsedWithoutALabelRow() throws {
        let codes = try Self.read("\(Self.header)\n7,improve,more_time;cases,aigul,2026-11-30T03:15:00+06:00\n")
        let added = codes.addedThemes(for: "improve", declared: ["more_time", "venue"])
        #expect(added.map(\.id) == ["cases"])
        #expect(added.map(\.label) == ["cases"])
    }
}
