import Foundation
import SurveyModel
import Testing
@testable import SurveyEntry

/// The responses file as entry writes it: creation, appends, duplicates, torn lines, rewrites.
struct ResponseLogTests {
    let questionnaire: Questionnaire
    let folder: String
    let path: String
    static let header = "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date"

    init() throws {
        questionnaire = try EntryFixtures.feedback()
        folder = try EntryFixtures.scratch()
        path = folder + "/responses/feedback.csv"
    }

    func response(_ id: String, org: Int = 1, improve: String = "") -> Response {
        var answers = [Answer](repeating: .missing, count: questionnaire.questions.count)
        answers[0] = .choice(org)
        answers[questionnaire.index(of: "improve")!] = improve.isEmpty ? .missing : .text(improve)
        return Response(respondent: id, answers: answers)
    }

    func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/responses", withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func createsTheFileWithItsHeader() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n")
        #expect(log.count == 0)
        #expect(log.nextFreeRespondent == "1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/responses")
        #expect(leftovers == ["feedback.csv"])
    }

    @Test func appendsOneLinePerFormAndKnowsItsLine() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(try log.append(response("5", improve: "Say \"more\", please")).get() == 2)
        #expect(try log.append(response("6")).get() == 3)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n5,,ngo,,,,,,,\"Say \"\"more\"\", please\",,\n6,,ngo,,,,,,,,,\n")
        #expect(log.nextFreeRespondent == "7")
        #expect(try log.line(of: "6") == 3)
    }

    @Test func refusesDuplicateRespondents() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try log.append(response("5"))
        let refused = try log.append(response("5", org: 0))
        #expect(refused == .failure(.respondentTaken("5", line: 2)))
        #expect(EntryFixtures.text(of: path) == Self.header + "\n5,,ngo,,,,,,,,,\n")
    }

    @Test func seesFormsAnotherOperatorSaved() throws {
        let mine = try ResponseLog(path: path, questionnaire: questionnaire)
        let theirs = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try theirs.append(response("8"))
        #expect(try mine.line(of: "8") == 2)
        #expect(try mine.append(response("8")) == .failure(.respondentTaken("8", line: 2)))
        #expect(mine.nextFreeRespondent == "9")
    }

    @Test func nextFreeNumberFollowsTheHighestNumber() throws {
        try write(Self.header + "\n3,,ngo,,,,,,,,,\nA-7,,ngo,,,,,,,,,\n12,,gov,,,,,,,,,\n")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(log.count == 3)
        #expect(log.nextFreeRespondent == "13")
        #expect(log.respondents == ["3", "A-7", "12"])
    }

    @Test func aLineWithoutLineEndIsMovedToTheRecoveredFile() throws {
        try write(Self.header + "\n1,,ngo,,,,,,,,,\n2,,gov,head,,4,ye")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,,ngo,,,,,,,,,\n")
        #expect(log.count == 1)
        #expect(log.recoveries.count == 1)
        let torn = try #require(log.recoveries.first)
        #expect(torn.line == 3)
        #expect(torn.raw == "2,,gov,head,,4,ye")
        #expect(torn.respondent == "2")
        #expect(torn.movedTo == folder + "/responses/feedback.recovered.csv")
        let recovered = EntryFixtures.text(of: torn.movedTo)
        #expect(recovered == "file,line,reason,raw\n\(path),3,\"the line has no line end: a save was interrupted (crash, kill or power cut)\",\"2,,gov,head,,4,ye\"\n")
        // Appending afterwards goes on a fresh line.
        #expect(try log.append(response("2")).get() == 3)
    }

    @Test func aLastLineWithTheWrongFieldCountIsMoved() throws {
        try write(Self.header + "\n1,,ngo,,,,,,,,,\n2,,gov\n")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,,ngo,,,,,,,,,\n")
        #expect(log.recoveries.first?.reason == "the line has 3 fields but the header 12: a save was interrupted")
    }

    @Test func anOpenQuoteAtTheEndIsMoved() throws {
        try write(Self.header + "\n1,,ngo,,,,,,,\"More time\n")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n")
        #expect(log.recoveries.first?.line == 2)
        #expect(log.count == 0)
    }

    @Test func recoveriesAccumulateInTheRecoveredFile() throws {
        try write(Self.header + "\n1,,ngo")
        _ = try ResponseLog(path: path, questionnaire: questionnaire)
        try write(Self.header + "\n2,,gov")
        _ = try ResponseLog(path: path, questionnaire: questionnaire)
        let lines = EntryFixtures.text(of: folder + "/responses/feedback.recovered.csv").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasSuffix(",\"1,,ngo\""))
        #expect(lines[2].hasSuffix(",\"2,,gov\""))
    }

    @Test func anIntactFileIsLeftAlone() throws {
        let text = Self.header + "\n1,,ngo,,,,,,,\"two\nlines\",,\n"
        try write(text)
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(log.recoveries.isEmpty)
        #expect(EntryFixtures.text(of: path) == text)
        #expect(!FileManager.default.fileExists(atPath: folder + "/responses/feedback.recovered.csv"))
        #expect(try log.append(response("2")).get() == 4)
    }

    @Test func anEmptyFileGetsItsHeader() throws {
        try write("")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n")
        #expect(try log.append(response("1")).get() == 2)
    }

    @Test func aHeaderWithoutLineEndIsCompleted() throws {
        try write(Self.header)
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(log.recoveries.isEmpty)
        #expect(try log.append(response("1")).get() == 2)
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,,ngo,,,,,,,,,\n")
    }

    @Test func aTornLineNamesItsRespondentOnlyWhenTheIdIsWhole() throws {
        try write(Self.header + "\n1")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(log.recoveries.first?.raw == "1")
        #expect(log.recoveries.first?.respondent == nil)
    }

    @Test func refusesAFileWithAnotherHeader() throws {
        try write("respondent,a,b\n1,2,3\n")
        #expect(throws: EntryError.headerMismatch(path: path, expected: Self.header, found: "respondent,a,b")) {
            _ = try ResponseLog(path: path, questionnaire: questionnaire)
        }
    }

    @Test func acceptsAByteOrderMarkAndCRLF() throws {
        try write("\u{FEFF}" + Self.header + "\r\n1,,ngo,,,,,,,,,\r\n")
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        #expect(log.count == 1)
        #expect(try log.append(response("2")).get() == 3)
    }

    @Test func readsFormsBackAsAnswers() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try log.append(response("1", improve: "Tea"))
        let forms = try log.responses()
        #expect(forms == [response("1", improve: "Tea")])
    }

    @Test func anAutomaticNumberTakenMeanwhileBecomesTheNextFree() throws {
        let mine = try ResponseLog(path: path, questionnaire: questionnaire)
        let theirs = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try theirs.append(response("1"))
        #expect(try mine.append(response("1"), renumberingIfTaken: true).get() == ResponseLog.SavedForm(line: 3, respondent: "2"))
        #expect(try mine.append(response("1"), renumberingIfTaken: false) == .failure(.respondentTaken("1", line: 2)))
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,,ngo,,,,,,,,,\n2,,ngo,,,,,,,,,\n")
    }

    /// A correction rewrites the file in place: same inode, mode and hard links; no rollback
    /// record or temporary file left.
    @Test func replaceKeepsTheInodeModeAndLinks() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try log.append(response("1"))
        _ = try log.append(response("2"))
        #expect(chmod(path, 0o600) == 0)
        #expect(link(path, folder + "/responses/backup.csv") == 0)
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try log.replace([response("1", improve: "a longer answer than before")])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.systemFileNumber] as? Int == inode)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(EntryFixtures.text(of: folder + "/responses/backup.csv") == Self.header + "\n1,,ngo,,,,,,,a longer answer than before,,\n2,,ngo,,,,,,,,,\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/responses").sorted() == ["backup.csv", "feedback.csv"])
    }

    /// Another operator's correction shifts the bytes after it; this process notices and
    /// reads the file again instead of parsing from a stale offset.
    @Test func aRewriteByAnotherProcessIsNoticed() throws {
        let mine = try ResponseLog(path: path, questionnaire: questionnaire)
        let theirs = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try mine.append(response("1"))
        _ = try mine.append(response("2"))
        _ = try mine.append(response("3"))
        try theirs.replace([response("1", improve: "two\nlines, and longer")])
        #expect(try mine.line(of: "3") == 5)
        #expect(try mine.append(response("4")).get() == 6)
        #expect(mine.respondents == ["1", "2", "3", "4"])
    }

    @Test func replaceRewritesOneFormAndKeepsTheRest() throws {
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try log.append(response("1"))
        _ = try log.append(response("2"))
        _ = try log.append(response("3"))
        try log.replace([response("2", org: 0, improve: "fixed")])
        #expect(EntryFixtures.text(of: path) == Self.header + "\n1,,ngo,,,,,,,,,\n2,,gov,,,,,,,fixed,,\n3,,ngo,,,,,,,,,\n")
        #expect(try log.line(of: "3") == 4)
        #expect(try log.append(response("4")).get() == 5)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/responses")
        #expect(leftovers == ["feedback.csv"])
    }

    /// A copy read before another operator's rewrite is no longer what the file holds, so
    /// `--edit` and `--verify` do not write it back over their change.
    @Test func aCopyReadBeforeAnotherRewriteNoLongerHolds() throws {
        let mine = try ResponseLog(path: path, questionnaire: questionnaire)
        let theirs = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try mine.append(response("1"))
        _ = try mine.append(response("2"))
        let copy = try #require(try mine.form(of: "2"))
        #expect(try mine.stillHolds(copy))
        try theirs.replace([response("2", improve: "theirs")])
        #expect(try !mine.stillHolds(copy))
        #expect(try mine.form(of: "2") == response("2", improve: "theirs"))
        #expect(try !mine.stillHolds(response("9")))
        #expect(try mine.form(of: "9") == nil)
    }
}
