import Foundation
import Testing
@testable import SurveyImport

/// Walking a canonical file's ids without loading it.
@Suite struct CSVRecordScannerTests {
    func scan(_ text: String, chunk: Int? = nil) throws -> (CSVRecordScanner.Result, [String], [Int]) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("f.csv", text)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var ids: [String] = []
        var lines: [Int] = []
        let result = try CSVRecordScanner.scan(descriptor, path: path) { first, line in
            ids.append(String(decoding: first, as: UTF8.self))
            lines.append(line)
            return true
        }
        return (result, ids, lines)
    }

    @Test func firstFieldsLinesAndTheEnd() throws {
        let text = "respondent,a\n1,x\n\"2,b\",\"two\nlines\"\n\"say \"\"3\"\"\",y\n"
        let (result, ids, lines) = try scan(text)
        #expect(ids == ["1", "2,b", "say \"3\""])
        #expect(lines == [2, 3, 5])
        #expect(result.header == Array("respondent,a".utf8))
        #expect(result.headerComplete)
        #expect(result.end == text.utf8.count)
        #expect(result.size == text.utf8.count)
        #expect(result.lines == 5)
        #expect(result.lastRecord?.fields == 2)
        #expect(result.lastRecord?.line == 5)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let (result, ids, _) = try scan("\u{FEFF}respondent,a\r\n1,x\r\n7\r\n")
        #expect(result.header == Array("respondent,a".utf8))
        #expect(ids == ["1", "7"])
        #expect(result.lastRecord?.fields == 1)
    }

    @Test func aTornTailIsNotARecord() throws {
        let text = "respondent,a\n1,x\n2,\"open"
        let (result, ids, _) = try scan(text)
        #expect(ids == ["1"])
        #expect(result.end == "respondent,a\n1,x\n".utf8.count)
        #expect(result.size == text.utf8.count)
        #expect(result.lines == 2)
    }

    @Test func emptyFileAndHeaderWithoutLineEnd() throws {
        let (empty, _, _) = try scan("")
        #expect(empty.header == nil)
        #expect(empty.size == 0)
        let (bare, ids, _) = try scan("respondent,a")
        #expect(bare.header == Array("respondent,a".utf8))
        #expect(!bare.headerComplete)
        #expect(ids.isEmpty)
        #expect(bare.end == 0)
    }

    @Test func recordsAcrossChunkBoundaries() throws {
        let rows = (1...80_000).map { "\($0),\"text, with \"\"quotes\"\"\nand a line\"" }
        let text = "respondent,a\n" + rows.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 2 * CSVRecordScanner.chunkSize)
        let (result, ids, lines) = try scan(text)
        #expect(ids.count == 80_000)
        #expect(ids.last == "80000")
        #expect(lines.last == 160_000)
        #expect(result.end == text.utf8.count)
    }
}
