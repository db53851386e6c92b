import Foundation
import Testing
@testable import SurveyImport

/// Writing fields and whole canonical files.
@Suite struct CSVFormatTests {
    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""), ("a;b", "a;b"), ("  spaces  ", "  spaces  "), ("Обсудить «Письмо»", "Обсудить «Письмо»"),
    ] as [(String, String)])
    func quoted(_ field: String, _ written: String) {
        #expect(CSVFormat.quoted(field) == written)
    }

    @Test func quotedForAnotherDelimiter() {
        #expect(CSVFormat.quoted("a;b", delimiter: UInt8(ascii: ";")) == "\"a;b\"")
        #expect(CSVFormat.quoted("a,b", delimiter: UInt8(ascii: ";")) == "a,b")
        #expect(CSVFormat.quoted("a\tb", delimiter: 0x09) == "\"a\tb\"")
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+7 700", "'+7 700"), ("-5", "'-5"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("a=b", "a=b"), ("", ""), ("director", "director"), ("2+2", "2+2"),
    ] as [(String, String)])
    func neutralized(_ field: String, _ written: String) {
        #expect(CSVFormat.neutralized(field) == written)
    }

    @Test func line() {
        #expect(CSVFormat.line(["1", "a,b", "", "x\"y"]) == "1,\"a,b\",,\"x\"\"y\"\n")
        #expect(CSVFormat.line([]) == "\n")
    }
}

/// The atomically written, appendable CSV file behind `--into`.
@Suite struct CSVTableFileTests {
    static let header = ["respondent", "org_type"]

    @Test func newFileAppearsOnlyOnCommit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("out/responses.csv")
        let table = try CSVTableFile(path: path, header: Self.header)
        try table.write(["1", "gov"])
        try table.write(["2", "a, \"b\""])
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is visible before commit")
        try table.commit()
        #expect(dir.read("out/responses.csv") == Array("respondent,org_type\n1,gov\n2,\"a, \"\"b\"\"\"\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out")) == ["responses.csv"], "no temporary file left")
    }

    @Test func appendsUnderTheSameHeader() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "respondent,org_type\n1,gov")  // no final newline
        let table = try CSVTableFile(path: path, header: Self.header)
        try table.write(["2", "ngo"])
        try table.commit()
        #expect(dir.read("responses.csv") == Array("respondent,org_type\n1,gov\n2,ngo\n".utf8))
        #expect(try CSVTableFile.firstColumn(of: path) == ["1", "2"])
    }

    @Test func acceptsAnExistingHeaderWithBOMAndCRLF() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "\u{FEFF}respondent,org_type\r\n1,gov\r\n")
        let table = try CSVTableFile(path: path, header: Self.header)
        try table.write(["2", "ngo"])
        try table.commit()
        #expect(dir.read("responses.csv") == Array("\u{FEFF}respondent,org_type\r\n1,gov\r\n2,ngo\n".utf8))
    }

    @Test func refusesADifferentHeaderAndLeavesTheFileAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = "respondent,org_type,role\n1,gov,head\n"
        let path = try dir.write("responses.csv", original)
        #expect(throws: ImportError.headerMismatch(path: path, expected: "respondent,org_type", found: "respondent,org_type,role")) {
            _ = try CSVTableFile(path: path, header: Self.header)
        }
        #expect(dir.read("responses.csv") == Array(original.utf8))
        #expect(dir.listing() == ["responses.csv"], "no temporary file left")
    }

    @Test func discardLeavesTheTargetAsItWas() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "respondent,org_type\n1,gov\n")
        let table = try CSVTableFile(path: path, header: Self.header)
        try table.write(["2", "ngo"])
        table.discard()
        #expect(dir.read("responses.csv") == Array("respondent,org_type\n1,gov\n".utf8))
        #expect(dir.listing() == ["responses.csv"])
    }

    @Test func formulasAreNeutralizedWhenAsked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let table = try CSVTableFile(path: dir.path("problems.csv"), header: ["value"], neutralizeFormulas: true)
        try table.write(["=HYPERLINK(\"x\")"])
        try table.commit()
        #expect(dir.read("problems.csv") == Array("value\n\"'=HYPERLINK(\"\"x\"\")\"\n".utf8))
    }

    @Test func firstColumnOfAMissingFileIsEmpty() throws {
        #expect(try CSVTableFile.firstColumn(of: "/nonexistent/responses.csv") == [])
    }
}
