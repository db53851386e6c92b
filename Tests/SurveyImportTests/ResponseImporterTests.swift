import Foundation
import Testing
import SurveyModel
@testable import SurveyImport

/// A clean fixture: eight responses written the way one tool writes them.
struct CleanFixture: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: String
    var encoding: String
    var delimiter: String
    /// How the fixture writes numbers when not as feedback.yaml (`en`) declares.
    var numbers: NumberConvention? = nil
    var testDescription: String { input }
}

/// `ResponseImporter` on every fixture, through the library's callbacks.
@Suite struct ResponseImporterTests {
    static let clean: [CleanFixture] = [
        CleanFixture(input: "responses-utf8.csv", expected: "responses-expected.csv", encoding: "utf-8", delimiter: ","),
        CleanFixture(input: "responses-utf8-bom.csv", expected: "responses-expected.csv", encoding: "utf-8", delimiter: ","),
        CleanFixture(input: "responses-cp1251-semicolon.csv", expected: "responses-expected.csv", encoding: "windows-1251", delimiter: ";", numbers: .decimalComma),
        CleanFixture(input: "responses-utf16le.csv", expected: "responses-expected.csv", encoding: "utf-16le", delimiter: "tab"),
        CleanFixture(input: "responses-google-forms.csv", expected: "responses-google-forms-expected.csv", encoding: "utf-8", delimiter: ","),
        CleanFixture(input: "responses-kobo.csv", expected: "responses-kobo-expected.csv", encoding: "utf-8", delimiter: ";"),
    ]

    @Test(arguments: clean)
    func cleanFixtureGivesTheCanonicalRows(_ fixture: CleanFixture) throws {
        let path = Fixture.path(fixture.input)
        let run = try runImport(path, options: ImportOptions(numberConvention: fixture.numbers))
        #expect(run.summary.rowsRead == 8)
        #expect(run.summary.accepted == 8)
        #expect(run.summary.rejected == 0)
        #expect(run.summary.problemsByKind == [:])
        #expect(run.problems.isEmpty, "\(run.problems.map(\.description))")
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.canonicalCSV == (try Fixture.text(fixture.expected)))
        #expect(run.summary.warnings.first == "\(path): read as \(fixture.encoding), delimiter \(fixture.delimiter)")
    }

    @Test func googleFormsRowsAreNumberedAndKeepTheirTimestamps() throws {
        let run = try runImport(Fixture.path("responses-google-forms.csv"))
        #expect(run.responses.map(\.respondent) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(run.responses.first?.submittedAt?.description == "2013-01-25T16:41:07+06:00")
        #expect(run.summary.warnings.count == 1, "every column is a question or the timestamp: \(run.summary.warnings)")
    }

    @Test func koboIdsTimestampsAndMetadataColumns() throws {
        let run = try runImport(Fixture.path("responses-kobo.csv"))
        #expect(run.responses.map(\.respondent).prefix(2) == ["48213017", "48213022"], "`_id` wins over `_uuid`")
        #expect(run.responses.first?.submittedAt?.description == "2013-01-25T10:32:44")
        // `start` is reported; `end` (the time the form was finished on the device) is a time
        // column that loses to `_submission_time`, and says so; `_uuid`, `_validation_status`,
        // `_index` are Kobo's own.
        let unknown = run.summary.warnings.filter { $0.contains("matched no question") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.contains("start") == true)
        #expect(unknown.first?.contains("end") == false, "\(unknown)")
        #expect(run.summary.warnings.contains { $0.hasSuffix("submission times read from `_submission_time`; end also holds times and is not used (use --map 'HEADER=timestamp' to choose another)") },
                "\(run.summary.warnings)")
        #expect(unknown.first?.contains("_index") == false)
    }

    /// An ODK Central export names its server time `SubmissionDate`; a bare XLSForm export has only
    /// the device's `end`. Each is the submission time; with both, SubmissionDate is used and `end`
    /// is named as not used.
    @Test(arguments: [("end,org_type\n2013-01-25T16:32:41+06:00,ngo\n", "2013-01-25T16:32:41+06:00", false),
                      ("end,SubmissionDate,org_type\n2013-01-25T16:32:41+06:00,2013-01-25T10:40:00Z,ngo\n", "2013-01-25T10:40:00Z", true)])
    func odkTimeColumns(_ example: (text: String, time: String, named: Bool)) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("odk-\(UUID().uuidString).csv").path
        try example.text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try runImport(path)
        #expect(run.responses.first?.submittedAt?.description == example.time)
        #expect(run.summary.warnings.contains { $0.contains("submission times read from `SubmissionDate`; end also holds times") } == example.named, "\(run.summary.warnings)")
    }

    /// UTF-16 BE with BOM: the same file with every code unit's bytes swapped.
    @Test func utf16BigEndian() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bytes = try Fixture.bytes("responses-utf16le.csv")
        for i in stride(from: 0, to: bytes.count - 1, by: 2) { bytes.swapAt(i, i + 1) }
        let path = try dir.write("responses-utf16be.csv", bytes: bytes)
        let run = try runImport(path)
        #expect(run.canonicalCSV == (try Fixture.text("responses-expected.csv")))
        #expect(run.summary.warnings.first == "\(path): read as utf-16be, delimiter tab")
    }

    // MARK: The messy file

    @Test func messyFileMatchesItsHandCheckedOutcome() throws {
        let expected = try MessyExpectation.load()
        let path = Fixture.path("responses-messy.csv")
        let run = try runImport(path)
        #expect(run.summary.rowsRead == expected.rowsRead)
        #expect(run.summary.accepted == expected.accepted)
        #expect(run.summary.rejected == expected.rejected)
        #expect(run.summary.rowsRead == run.summary.accepted + run.summary.rejected)
        #expect(run.summary.problemsByKind == expected.problems)
        #expect(run.rejects.map(\.line) == expected.rejectedLines)
        #expect(run.rejects.map(\.line) == expected.rejects.map(\.line))
        #expect(run.responses.count == expected.accepted)

        let problems = run.problems.map {
            MessyExpectation.Problem(line: $0.line, respondent: $0.respondent, question: $0.questionID, value: $0.value, problem: $0.problem.kind)
        }
        #expect(problems == expected.problemList)

        for column in expected.unknownColumns {
            #expect(run.summary.warnings.contains { $0.contains("matched no question") && $0.contains(column) })
        }
        #expect(run.canonicalCSV == (try Fixture.text("responses-messy-expected.csv")))
    }

    @Test func messyProblemsPointAtTheirColumn() throws {
        let run = try runImport(Fixture.path("responses-messy.csv"))
        let header = try Fixture.text("responses-messy.csv").split(separator: "\n")[0].split(separator: ",").map(String.init)
        for problem in run.problems {
            #expect(problem.column == header.firstIndex(of: problem.questionID)! + 1, "\(problem.description)")
            #expect(problem.file == Fixture.path("responses-messy.csv"))
        }
        let role = try #require(run.problems.first)
        #expect(role.description == "\(Fixture.path("responses-messy.csv")):4:3: role (respondent 2): `director` is not one of the choices; use a code or label: head, specialist, other")
    }

    @Test func messyRejectsSayWhy() throws {
        let run = try runImport(Fixture.path("responses-messy.csv"))
        #expect(run.rejects.count == 3)
        guard run.rejects.count == 3 else { return }
        #expect(run.rejects[0].reason.contains("quot"))
        #expect(run.rejects[1].reason.contains("duplicate respondent id `1`"))
        #expect(run.rejects[2].reason.contains("13 fields"))
        #expect(run.rejects[0].raw == "9,ngo,specialist,groups,5,yes,33,,1,\"Good\"overall,,2013-01-25")
        #expect(run.rejects[1].raw == "1,gov,specialist,groups,4,yes,39,,2,,,2013-01-25")
    }

    /// A rejected row goes whole to the rejects file, so it can be fixed and imported again.
    @Test
    func rejectedRowsKeepTheirText() throws {
        let run = try runImport(Fixture.path("responses-messy.csv"))
        let lines = try Fixture.text("responses-messy.csv").split(separator: "\n", omittingEmptySubsequences: false)
        for reject in run.rejects {
            #expect(reject.raw == String(lines[reject.line - 1]), "line \(reject.line)")
        }
    }

    // MARK: Recovery and odd shapes

    @Test func unclosedQuoteRejectsOnlyItsOwnLine() throws {
        let run = try runImport(Fixture.path("responses-unclosed-quote.csv"))
        #expect(run.rejects.map(\.line) == [3])
        #expect(run.rejects.first?.raw == "202,gov,head,brainstorm,4,yes,45,1,\"The room was cold,,2013-01-25")
        #expect(run.responses.map(\.respondent) == ["201", "203", "204", "205"])
        #expect(run.summary.rowsRead == 5)
        #expect(run.summary.accepted == 4)
        #expect(run.summary.rejected == 1)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.description))")
        #expect(run.canonicalCSV == (try Fixture.text("responses-unclosed-quote-expected.csv")))
    }

    @Test func fileEndingInsideAQuoteRejectsOnlyTheLineWhereItOpened() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("eof.csv", """
            respondent,org_type,improve
            1,gov,fine
            2,ngo,"never closed
            3,ngo,also fine
            4,other,last

            """)
        let run = try runImport(path)
        #expect(run.rejects.map(\.line) == [3])
        #expect(run.rejects.first?.raw == "2,ngo,\"never closed")
        #expect(run.responses.map(\.respondent) == ["1", "3", "4"])
        #expect(run.problems.filter { $0.problem != .requiredMissing }.isEmpty)
    }

    @Test func lastLineOpeningAQuoteWithoutNewline() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("eof.csv", "respondent,org_type,improve\n1,gov,fine\n2,ngo,\"never closed")
        let run = try runImport(path)
        #expect(run.rejects.map(\.line) == [3])
        #expect(run.responses.map(\.respondent) == ["1"])
    }

    @Test func crlfBlankLinesAndLineNumbers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("crlf.csv", "respondent,org_type,age\r\n1,gov,34\r\n\r\n2,ngo,twenty\r\n\r\n\r\n3,other,40\r\n\r\n")
        let run = try runImport(path)
        #expect(run.responses.map(\.respondent) == ["1", "2", "3"])
        #expect(run.summary.rowsRead == 3)
        #expect(run.problems.map(\.line) == [4])
        #expect(run.problems.first?.value == "twenty")
        #expect(run.value(2, "age") == "40")
    }

    /// A required question whose value is bad has one problem (the value), not two.
    @Test func badRequiredValueIsNotAlsoRequiredMissing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try runImport(try dir.write("bad.csv", "respondent,org_type,age\n1,director,30\n2,,31\n"))
        #expect(run.problems.map(\.problem.kind) == ["unknown_choice", "required_missing"])
        #expect(run.problems.map(\.line) == [2, 3])
        #expect(run.summary.accepted == 2)
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (name, text) in [("lf.csv", "respondent,org_type\n"), ("no-newline.csv", "respondent,org_type"), ("crlf.csv", "\u{FEFF}respondent,org_type\r\n")] {
            let run = try runImport(try dir.write(name, text))
            #expect(run.summary.rowsRead == 0, "\(name)")
            #expect(run.summary.accepted == 0)
            #expect(run.responses.isEmpty && run.rejects.isEmpty && run.problems.isEmpty)
        }
    }

    @Test func emptyFileIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (name, bytes) in [("empty.csv", [UInt8]()), ("bom-only.csv", [0xEF, 0xBB, 0xBF]), ("blank-lines.csv", Array("\n\n\r\n".utf8))] {
            let path = try dir.write(name, bytes: bytes)
            #expect(throws: ImportError.empty(path: path), "\(name)") { try runImport(path) }
        }
    }

    @Test func missingFileIsUnreadable() {
        let path = Fixture.path("no-such-responses.csv")
        #expect(throws: ImportError.unreadable(path: path, reason: "no such file")) { try runImport(path) }
    }

    @Test func duplicateIdsAcrossFilesOfOneImport() throws {
        let run = try runImport(Fixture.path("responses-utf8.csv"), Fixture.path("responses-utf8-bom.csv"))
        #expect(run.summary.rowsRead == 16)
        #expect(run.summary.accepted == 8)
        #expect(run.summary.rejected == 8)
        #expect(run.rejects.allSatisfy { $0.reason.contains("duplicate respondent id") && $0.file == Fixture.path("responses-utf8-bom.csv") })
    }

    @Test func reservedRespondentsAreDuplicates() throws {
        let importer = ResponseImporter(questionnaire: try Fixture.feedback())
        importer.reserveRespondents(["101", "105"], source: "responses/old.csv")
        var rejected: [RejectedRow] = []
        importer.onReject = { rejected.append($0) }
        let summary = try importer.importFile(Fixture.path("responses-utf8.csv"))
        #expect(summary.accepted == 6)
        #expect(rejected.map(\.line) == [2, 6])
        #expect(rejected.first?.reason.contains("responses/old.csv") == true)
    }

    /// The byte source is read in 1 MiB chunks: a UTF-16 surrogate pair split across two chunks
    /// must come out as one character.
    @Test func utf16SurrogatePairAcrossTheChunkBoundary() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let questionnaire = Questionnaire(title: LocalizedText("T"), questions: [Question(id: "improve", kind: .text, text: LocalizedText("Improve?"))])
        let header = "respondent,improve\n"
        // BOM + header + "1," + padding puts the emoji's high surrogate in the last two bytes of the first chunk.
        let padding = (CSVFileReader.chunkSize - 2 - 2 - 2 * header.utf16.count - 4) / 2
        let text = header + "1," + String(repeating: "a", count: padding) + "😀\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let emojiOffset = 2 + 2 * (header.utf16.count + 2 + padding)
        #expect(emojiOffset == CSVFileReader.chunkSize - 2)
        let run = try runImport(try dir.write("big.csv", bytes: bytes), questionnaire: questionnaire)
        #expect(run.responses.count == 1)
        let answer = run.value(0, "improve")
        #expect(answer.hasSuffix("a😀"))
        #expect(answer.count == padding + 1)
        #expect(!answer.contains("\u{FFFD}"))
    }

    /// A UTF-8 file whose first chunk ends inside a character is still UTF-8, not Windows-1251.
    @Test func utf8CharacterAcrossTheChunkBoundary() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let questionnaire = Questionnaire(title: LocalizedText("T"), questions: [Question(id: "improve", kind: .text, text: LocalizedText("Improve?"))])
        let header = "respondent,improve\n"
        let padding = CSVFileReader.chunkSize - 1 - header.utf8.count - 2
        let path = try dir.write("big.csv", header + "1," + String(repeating: "a", count: padding) + "Жж\n")
        let run = try runImport(path, questionnaire: questionnaire)
        #expect(run.summary.warnings.first == "\(path): read as utf-8, delimiter ,")
        #expect(run.value(0, "improve").hasSuffix("aЖж"))
    }

    @Test func forcedEncodingAndDelimiter() throws {
        let run = try runImport(Fixture.path("responses-cp1251-semicolon.csv"), options: ImportOptions(encoding: .windows1251, delimiter: UInt8(ascii: ";"), numberConvention: .decimalComma))
        #expect(run.canonicalCSV == (try Fixture.text("responses-expected.csv")))
        // Forcing the wrong delimiter leaves one column that matches nothing.
        #expect(throws: ImportError.self) {
            try runImport(Fixture.path("responses-utf8.csv"), options: ImportOptions(delimiter: UInt8(ascii: "|")))
        }
    }

    @Test func summaryMergeAddsUp() {
        var a = ImportSummary()
        a.rowsRead = 3; a.accepted = 2; a.rejected = 1; a.problemsByKind = ["unknown_choice": 1]; a.warnings = ["x"]
        var b = ImportSummary()
        b.rowsRead = 5; b.accepted = 5; b.problemsByKind = ["unknown_choice": 2, "out_of_range": 1]; b.warnings = ["y"]
        a.merge(b)
        #expect(a.rowsRead == 8 && a.accepted == 7 && a.rejected == 1)
        #expect(a.problemsByKind == ["unknown_choice": 3, "out_of_range": 1])
        #expect(a.problems == 4)
        #expect(a.warnings == ["x", "y"])
    }

    @Test func companionFiles() {
        #expect(ResponseFile.companion(of: "responses/seminar.csv", suffix: "problems") == "responses/seminar.problems.csv")
        #expect(ResponseFile.companion(of: "out", suffix: "rejects") == "out.rejects.csv")
        #expect(ResponseFile.header(for: try! Fixture.feedback()).first == "respondent")
    }
}
