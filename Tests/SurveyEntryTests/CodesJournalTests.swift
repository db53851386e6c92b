import Foundation
import Testing
@testable import SurveyEntry

/// The hand codes file as `survey code` writes it: header, one synced row per answer, torn
/// lines, last row wins, coder-added themes, files that are not codes files, the session lock.
struct CodesJournalTests {
    let folder: String
    let path: String
    static let header = "respondent,question,themes,coder,coded_at,label"
    /// 2026-11-30 03:12:45 UTC.
    static let moment = Date(timeIntervalSince1970: 1_796_008_365)

    init() throws {
        folder = try EntryFixtures.scratch()
        path = folder + "/responses/feedback.codes.csv"
    }

    func write(_ text: String, to file: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: folder + "/responses", withIntermediateDirectories: true)
        try text.write(toFile: file ?? path, atomically: true, encoding: .utf8)
    }

    @Test func createsTheFileWithTheLabelHeaderAndAppendsOneRowPerAnswer() throws {
        let journal = try CodesJournal(path: path)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n")
        #expect(try journal.save(respondent: "5", question: "improve", themes: ["more_time", "venue"], coder: "anna", at: Self.moment) == 2)
        #expect(try journal.save(respondent: "6", question: "improve", themes: [], coder: "anna", at: Self.moment) == 3)
        let stamp = CodesJournal.timestamp(Self.moment)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n5,improve,more_time;venue,anna,\(stamp),\n6,improve,,anna,\(stamp),\n")
        #expect(journal.code(respondent: "6", question: "improve")?.themes == [])
        #expect(journal.code(respondent: "7", question: "improve") == nil)
    }

    @Test func timestampsCarryTheirOffset() {
        let stamp = CodesJournal.timestamp(Self.moment)
        #expect(stamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:45[+-]\d\d:\d\d/) != nil, "\(stamp)")
    }

    @Test func theLastRowWinsAndEachCoderKeepsTheirOwn() throws {
        try write(Self.header + "\n1,improve,venue,anna,2026-11-30T09:00:00+06:00,\n1,improve,food,boris,2026-11-30T09:05:00+06:00,\n1,improve,more_time,anna,2026-11-30T09:10:00+06:00,\n")
        let journal = try CodesJournal(path: path)
        #expect(journal.code(respondent: "1", question: "improve")?.themes == ["more_time"])
        #expect(journal.code(respondent: "1", question: "improve", coder: "boris")?.themes == ["food"])
        #expect(journal.codes(question: "improve", coder: "anna") == ["1": ["more_time"]])
        #expect(journal.coders(question: "improve") == ["anna", "boris"])
    }

    @Test func aTornLastLineIsMovedToTheRecoveredFile() throws {
        try write(Self.header + "\n1,improve,venue,anna,2026-11-30T09:00:00+06:00,\n2,improve,mo")
        let journal = try CodesJournal(path: path)
        let torn = try #require(journal.recoveries.first)
        #expect(torn.line == 3)
        #expect(torn.raw == "2,improve,mo")
        #expect(torn.movedTo == folder + "/responses/feedback.codes.recovered.csv")
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,improve,venue,anna,2026-11-30T09:00:00+06:00,\n")
        #expect(journal.code(respondent: "2", question: "improve") == nil)
        // The next save goes after the last whole row.
        #expect(try journal.save(respondent: "2", question: "improve", themes: ["venue"], coder: "anna") == 3)
    }

    @Test func coderAddedThemesAreThemeRowsWithTheirLabel() throws {
        let journal = try CodesJournal(path: path)
        try journal.addTheme(id: "translation", label: "Interpretation, translation", question: "improve", coder: "anna", at: Self.moment)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n#theme,improve,translation,anna,\(CodesJournal.timestamp(Self.moment)),\"Interpretation, translation\"\n")
        let again = try CodesJournal(path: path)
        #expect(again.addedThemes(question: "improve") == [.init(id: "translation", label: "Interpretation, translation", coder: "anna")])
        #expect(again.code(respondent: "#theme", question: "improve") == nil)
    }

    @Test func aFileWithTheShortHeaderIsAcceptedButTakesNoNewThemes() throws {
        try write("respondent,question,themes,coder,coded_at\n1,improve,venue,anna,2026-11-30T09:00:00+06:00\n")
        let journal = try CodesJournal(path: path)
        #expect(journal.code(respondent: "1", question: "improve")?.themes == ["venue"])
        try journal.save(respondent: "2", question: "improve", themes: [], coder: "anna", at: Self.moment)
        #expect(EntryFixtures.text(of: path).hasSuffix("\n2,improve,,anna,\(CodesJournal.timestamp(Self.moment))\n"))
        #expect(throws: EntryError.self) { try journal.addTheme(id: "x", label: "X", question: "improve", coder: "anna") }
    }

    /// A responses file named as the codes file by mistake is refused and left byte for byte.
    @Test func aFileThatIsNotACodesFileIsRefusedUntouched() throws {
        let responses = "respondent,submitted_at,org_type,improve\n1,,ngo,More time\n2,,gov,Longer breaks"
        try write(responses)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(throws: EntryError.notACodesFile(path: path, found: "respondent,submitted_at,org_type,improve")) { try CodesJournal(path: path) }
        #expect(EntryFixtures.text(of: path) == responses)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/responses") == ["feedback.codes.csv"])
    }

    @Test func aSecondSessionOnTheSameFileIsRefused() throws {
        let first = try CodingDesk(question: "improve", answers: [CodingAnswer(respondent: "1", text: "More time")], themes: [CodingTheme(id: "more_time", label: "More time")],
                                   suggest: { _ in [] }, journal: try CodesJournal(path: path), coder: "anna")
        #expect(throws: EntryError.codesFileInUse(path: path, holder: nil)) {
            try CodingSessionLockProbe.open(path)
        }
        first.close()
        try CodingSessionLockProbe.open(path)
    }
}

/// Takes and drops the session lock, as a second `survey code` would at its start. Within one
/// process the open-file-description lock still excludes another descriptor's, like another process.
enum CodingSessionLockProbe {
    static func open(_ path: String) throws(EntryError) {
        let lock = try CodingSessionLock(path: path)
        lock.release()
    }
}
