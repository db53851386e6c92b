import Foundation
import Testing
@testable import SurveyImport

/// Record-by-record reading with physical line numbers and recovery from broken quoting.
@Suite struct CSVFileReaderTests {
    enum Seen: Equatable, CustomStringConvertible {
        case record(line: Int, [String])
        case malformed(line: Int, raw: String)

        var description: String {
            switch self {
            case .record(let line, let fields): "\(line): \(fields)"
            case .malformed(let line, let raw): "\(line): malformed \(raw.debugDescription)"
            }
        }
    }

    static func read(_ path: String) throws -> [Seen] {
        var seen: [Seen] = []
        try CSVFileReader(path: path, encoding: nil, delimiter: nil).read { event in
            switch event {
            case .record(let record, let line): seen.append(.record(line: line, record.strings))
            case .malformed(let line, let raw, _): seen.append(.malformed(line: line, raw: raw))
            }
        }
        return seen
    }

    static func read(text: String) throws -> [Seen] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try read(try dir.write("input.csv", text))
    }

    @Test func unclosedQuoteFixture() throws {
        let seen = try Self.read(Fixture.path("responses-unclosed-quote.csv"))
        #expect(seen.map { if case .record(let line, _) = $0 { line } else { -1 } } == [1, 2, -1, 4, 5, 7])
        #expect(seen[2] == .malformed(line: 3, raw: "202,gov,head,brainstorm,4,yes,45,1,\"The room was cold,,2013-01-25"))
        guard case .record(_, let fields) = seen[4] else { Issue.record("\(seen[4])"); return }
        #expect(fields[8] == "Send the slides\nby e-mail")
    }

    @Test func quotedNewlinesCountPhysicalLines() throws {
        let seen = try Self.read(text: "a,b\n1,\"x\ny\nz\"\n2,w\n")
        #expect(seen == [.record(line: 1, ["a", "b"]), .record(line: 2, ["1", "x\ny\nz"]), .record(line: 5, ["2", "w"])])
    }

    @Test func crlfRecords() throws {
        let seen = try Self.read(text: "a,b\r\n1,\"x, \"\"y\"\"\"\r\n2,3\r\n")
        #expect(seen == [.record(line: 1, ["a", "b"]), .record(line: 2, ["1", "x, \"y\""]), .record(line: 3, ["2", "3"])])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let seen = try Self.read(text: "a,b\n\n1,2\n\n\n3,4\n\n")
        #expect(seen == [.record(line: 1, ["a", "b"]), .record(line: 3, ["1", "2"]), .record(line: 6, ["3", "4"])])
    }

    @Test func lastLineWithoutNewline() throws {
        let seen = try Self.read(text: "a,b\n1,2")
        #expect(seen == [.record(line: 1, ["a", "b"]), .record(line: 2, ["1", "2"])])
    }

    @Test func textAfterAClosingQuote() throws {
        let seen = try Self.read(text: "a,b\n1,\"Good\"overall\n2,fine\n")
        #expect(seen == [.record(line: 1, ["a", "b"]), .malformed(line: 2, raw: "1,\"Good\"overall"), .record(line: 3, ["2", "fine"])])
    }

    @Test func fileEndsInsideAQuote() throws {
        let seen = try Self.read(text: "a,b\n1,ok\n2,\"open\n3,x\n4,y\n")
        #expect(seen == [
            .record(line: 1, ["a", "b"]), .record(line: 2, ["1", "ok"]), .malformed(line: 3, raw: "2,\"open"),
            .record(line: 4, ["3", "x"]), .record(line: 5, ["4", "y"]),
        ])
    }

    /// A quote that is never closed in a long file: after `maxRecordLines` lines the reader gives
    /// up on it, reports its first line and reads every line after it again.
    @Test func runawayQuoteIsCutOff() throws {
        let rows = CSVFileReader.maxRecordLines + 50
        var text = "a,b\n1,\"open\n"
        for i in 0..<rows { text += "\(i + 2),x\n" }
        let seen = try Self.read(text: text)
        #expect(seen.count == rows + 2)
        #expect(seen[1] == .malformed(line: 2, raw: "1,\"open"))
        #expect(seen[2] == .record(line: 3, ["2", "x"]))
        #expect(seen.last == .record(line: rows + 2, ["\(rows + 1)", "x"]))
    }

    @Test func forcedEncodingAndDelimiter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // "да;нет" in Windows-1251 that also happens to be readable as a comma file.
        let path = try dir.write("cp1251.csv", bytes: [0xE4, 0xE0, 0x3B, 0xED, 0xE5, 0xF2, 0x2C, 0x78, 0x0A])
        let reader = CSVFileReader(path: path, encoding: .windows1251, delimiter: UInt8(ascii: ","))
        var records: [[String]] = []
        try reader.read { if case .record(let record, _) = $0 { records.append(record.strings) } }
        #expect(records == [["да;нет", "x"]])
        #expect(reader.encoding == .windows1251)
    }

    static func read(text: String, delimiter: Unicode.Scalar) throws -> [Seen] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var seen: [Seen] = []
        try CSVFileReader(path: try dir.write("input.csv", text), encoding: nil, fieldDelimiter: delimiter).read { event in
            switch event {
            case .record(let record, let line): seen.append(.record(line: line, record.strings))
            case .malformed(let line, let raw, _): seen.append(.malformed(line: line, raw: raw))
            }
        }
        return seen
    }

    /// Excel's `sep=;` line names the delimiter and is not the header; lines still count from it.
    @Test func sepLineIsNotAHeader() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("sep.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("sep=;\r\nrespondent;improve\r\n1;a, b\r\n".utf8))
        let reader = CSVFileReader(path: path, encoding: nil, delimiter: nil)
        var seen: [Seen] = []
        try reader.read { if case .record(let record, let line) = $0 { seen.append(.record(line: line, record.strings)) } }
        #expect(seen == [.record(line: 2, ["respondent", "improve"]), .record(line: 3, ["1", "a, b"])])
        #expect(reader.declaredDelimiter == ";")
        #expect(reader.delimiter == ";")
    }

    /// A multi-byte delimiter splits outside quotes only; inside them (across lines too) it is text.
    @Test(arguments: ["§", "；", "¦"] as [Unicode.Scalar])
    func multiByteDelimiter(_ delimiter: Unicode.Scalar) throws {
        let d = String(delimiter)
        let text = "a\(d)b\(d)c\n1\(d)\"x\(d)y\"\(d)z\n2\(d)\"multi\nline \(d) here\"\(d)w\n3\(d) spaced \(d)\"\"\n"
        #expect(try Self.read(text: text, delimiter: delimiter) == [
            .record(line: 1, ["a", "b", "c"]), .record(line: 2, ["1", "x\(d)y", "z"]),
            .record(line: 3, ["2", "multi\nline \(d) here", "w"]), .record(line: 5, ["3", "spaced", ""]),
        ])
    }

    /// A line that already holds the first stand-in byte (not UTF-8, so also a listed defect)
    /// gets another one.
    @Test func multiByteDelimiterBesideABadByte() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("input.csv", bytes: Array("a§b\n1§".utf8) + [0xFE] + Array("x\n".utf8))
        var seen: [[String]] = []
        try CSVFileReader(path: path, encoding: .utf8, fieldDelimiter: "§").read { if case .record(let record, _) = $0 { seen.append(record.strings) } }
        #expect(seen == [["a", "b"], ["1", "\u{FFFD}x"]])
    }

    @Test func malformedQuotingWithAMultiByteDelimiter() throws {
        let seen = try Self.read(text: "a§b\n1§\"Good\"overall\n2§fine\n", delimiter: "§")
        #expect(seen == [.record(line: 1, ["a", "b"]), .malformed(line: 2, raw: "1§\"Good\"overall"), .record(line: 3, ["2", "fine"])])
    }

    /// Only the records holding bad bytes are marked, in any chunk.
    @Test func recordsWithDefectsAreMarked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("input.csv", bytes: Array("a,b\n1,ok\n2,\"x\n".utf8) + [0xFF] + Array("\"\n3,\u{0}\n4,ok\n".utf8))
        let reader = CSVFileReader(path: path, encoding: .utf8, delimiter: nil)
        var marked: [Int] = []
        try reader.read { if case .record(_, let line) = $0, reader.currentRecordHasDefects { marked.append(line) } }
        #expect(marked == [3, 5])
        #expect(reader.notes.count == 2, "\(reader.notes)")
    }
}
