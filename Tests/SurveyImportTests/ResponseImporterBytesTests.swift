import Foundation
import Testing
import SurveyModel
@testable import SurveyImport

/// The importer on hostile bytes: bad bytes in UTF-8, a Windows-1251 tail, UTF-16/32 without
/// a BOM, Latin-1, NUL, Excel's `sep=` line and multi-byte delimiters (make-byte-fixtures.py).
@Suite struct ResponseImporterBytesTests {
    /// One 0xFF in an otherwise UTF-8 file: the file stays UTF-8, every other Cyrillic answer
    /// is intact, and the byte is one problem with its line, column, question and hex value.
    @Test func oneBadByteInUTF8() throws {
        let path = Fixture.path("responses-utf8-one-bad-byte.csv")
        let run = try runImport(path)
        #expect(run.summary.accepted == 8)
        #expect(run.canonicalCSV == (try Fixture.text("responses-utf8-one-bad-byte-expected.csv")))
        #expect(run.value(2, "why_not_useful") == "Мало практической информации о законе о миграции")
        #expect(run.problems.count == 1)
        let problem = try #require(run.problems.first)
        #expect((problem.line, problem.column, problem.respondent, problem.questionID) == (3, 10, "102", "improve"))
        #expect(problem.problem.kind == "invalid_encoding")
        #expect(problem.value == "Боль\u{FFFD}ше времени на работу в группах")
        #expect(problem.problem.message.hasPrefix("byte FF at character 5 is not valid UTF-8; shown as U+FFFD"), "\(problem.problem.message)")
        #expect(run.summary.warnings.first == "\(path): read as utf-8, delimiter ,")
        #expect(run.summary.warnings.contains { $0.contains("1 byte sequence on line 3 is not valid UTF-8") }, "\(run.summary.warnings)")
    }

    /// A UTF-8 export with a Windows-1251 export appended after the first MiB: every tail row is
    /// read (U+FFFD), each bad cell listed with what it says in Windows-1251, and a note says
    /// where the tail starts and how to read it.
    @Test func windows1251TailAfterTheFirstMiB() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (bytes, utf8Rows) = Self.utf8WithWindows1251Tail()
        let path = try dir.write("joined.csv", bytes: bytes)
        let run = try runImport(path)
        #expect(run.summary.accepted == utf8Rows + 3)
        #expect(run.responses.prefix(utf8Rows).allSatisfy { $0.answers[7] == .text("Больше времени на работу в группах") })
        #expect(run.problems.count == 3)
        #expect(run.problems.map(\.line) == [utf8Rows + 2, utf8Rows + 3, utf8Rows + 4])
        #expect(run.problems.allSatisfy { $0.questionID == "improve" && $0.column == 9 && $0.problem.kind == "invalid_encoding" })
        #expect(run.problems[0].problem.message.contains("read as windows-1251, the cell says `Раздавать материалы заранее`"), "\(run.problems[0].problem.message)")
        let note = try #require(run.summary.warnings.first { $0.contains("are not UTF-8") }, "\(run.summary.warnings)")
        #expect(note.contains("bytes after line \(utf8Rows + 1) are not UTF-8"))
        #expect(note.contains("They look like windows-1251"))
        #expect(note.contains("split the file after line \(utf8Rows + 1) and import the rest with --encoding windows-1251"))
    }

    /// Header + UTF-8 rows past 1.1 MiB, then three rows in Windows-1251; returns the bytes and
    /// how many UTF-8 rows there are.
    static func utf8WithWindows1251Tail() -> ([UInt8], Int) {
        var bytes = Array("respondent,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\n".utf8)
        var rows = 0
        while bytes.count < 1_150_000 {
            rows += 1
            bytes += Array("\(rows),gov,head,brainstorm,4,yes,45,1,Больше времени на работу в группах,,2013-01-25\n".utf8)
        }
        for offset in 1...3 {
            bytes += Array("\(rows + offset),ngo,head,groups,5,yes,27,3,Раздавать материалы заранее,,2013-02-08\n".utf8).windows1251
        }
        return (bytes, rows)
    }

    @Test func nulByteIsAProblemAndNeverWritten() throws {
        let run = try runImport(Fixture.path("responses-nul-byte.csv"))
        #expect(run.canonicalCSV == (try Fixture.text("responses-nul-byte-expected.csv")))
        #expect(!run.canonicalCSV.utf8.contains(0))
        let problem = try #require(run.problems.first)
        #expect(run.problems.count == 1)
        #expect((problem.line, problem.column, problem.questionID, problem.problem.kind) == (2, 10, "improve", "nul_byte"))
        #expect(!problem.value.utf8.contains(0))
    }

    @Test(arguments: ["responses-utf16le-no-bom.csv", "responses-utf32le-no-bom.csv"])
    func wideEncodingWithoutBOM(_ name: String) throws {
        let run = try runImport(Fixture.path(name))
        #expect(run.problems.isEmpty)
        #expect(run.canonicalCSV == (try Fixture.text("responses-expected.csv")))
        #expect(run.summary.warnings.first?.contains("(no byte order mark, but ") == true, "\(run.summary.warnings)")
    }

    /// Latin-1 is not Windows-1251: the importer says so and asks; named, it reads right.
    @Test func latin1IsNotGuessedAsWindows1251() throws {
        let path = Fixture.path("responses-latin1.csv")
        do {
            _ = try runImport(path)
            Issue.record("a Latin-1 file was read without asking")
        } catch let error as ImportError {
            let message = error.errorDescription ?? ""
            #expect(message.contains("look like Latin-1 (or Windows-1252), not Windows-1251"), "\(message)")
            #expect(message.contains("--encoding windows-1252 (or latin-1)"))
            #expect(message.contains("line 2 reads `301,ngo,\"Très bien, le café était bon\"` in windows-1252 but `301,ngo,\"Trиs bien, le cafй йtait bon\"` in windows-1251"), "\(message)")
        }
        for encoding in [TextEncoding.latin1, .windows1252] {
            let run = try runImport(path, options: ImportOptions(encoding: encoding))
            #expect(run.canonicalCSV == (try Fixture.text("responses-latin1-expected.csv")))
        }
    }

    @Test func sepLineDeclaresTheDelimiter() throws {
        let path = Fixture.path("responses-sep-line.csv")
        let run = try runImport(path)
        #expect(run.canonicalCSV == (try Fixture.text("responses-expected.csv")))
        #expect(run.summary.warnings.first == "\(path): read as utf-8, delimiter ; (declared by the first line, sep=;)")
        #expect(run.responses.count == 8)
    }

    /// `--delimiter` wins over a `sep=` line, which is still not read as the header.
    @Test func delimiterOptionOverridesTheSepLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("sep.csv", "sep=;\nrespondent,org_type\n1,gov\n")
        let run = try runImport(path, options: ImportOptions(delimiter: ","))
        #expect(run.responses.map(\.respondent) == ["1"])
        #expect(run.summary.warnings.first == "\(path): read as utf-8, delimiter , (--delimiter; the first line declares sep=; and is skipped)")
    }

    @Test(arguments: ["§", "；", "¦"])
    func multiByteDelimiter(_ delimiter: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var text = try Fixture.text("responses-section-sign.csv")
        if delimiter != "§" { text = text.replacingOccurrences(of: "§", with: delimiter) }
        let path = try dir.write("input.csv", text)
        let run = try runImport(path, options: ImportOptions(delimiter: Unicode.Scalar(delimiter)))
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        let expected = try Fixture.text("responses-section-sign-expected.csv")
        #expect(run.canonicalCSV == (delimiter == "§" ? expected : expected.replacingOccurrences(of: "§", with: delimiter)))
    }

    /// A lone surrogate in UTF-16 is no longer a silent U+FFFD.
    @Test func undecodableUTF16IsListed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "respondent,improve\n1,ab".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [0x3D, 0xD8]
        for unit in "c\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let run = try runImport(try dir.write("broken.csv", bytes: bytes))
        #expect(run.value(0, "improve") == "ab\u{FFFD}c")
        let problem = try #require(run.problems.first)
        #expect((problem.line, problem.column, problem.problem.kind) == (2, 2, "invalid_encoding"))
        #expect(problem.problem.message.contains("character 3 could not be decoded as utf-16le"), "\(problem.problem.message)")
    }

    /// Bad bytes in the id column are listed under `respondent`; in an ignored column only the
    /// note counts them (the column is not kept).
    @Test func badBytesOutsideAnswers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bytes = Array("respondent,org_type,заметки\n".utf8) + [0x31, 0xFF] + Array(",gov,да\n2,ngo,".utf8) + [0xFE] + [0x0A]
        let run = try runImport(try dir.write("ids.csv", bytes: bytes))
        #expect(run.responses.map(\.respondent) == ["1\u{FFFD}", "2"])
        #expect(run.problems.map(\.questionID) == ["respondent"])
        #expect(run.summary.warnings.contains { $0.contains("2 byte sequences on lines 2–3 (2 lines) are not valid UTF-8") }, "\(run.summary.warnings)")
    }
}
