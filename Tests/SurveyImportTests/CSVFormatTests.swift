import Foundation
import Testing
@testable import SurveyImport

/// Writing fields and whole canonical files.
@Suite struct CSVFormatTests {
    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""), ("a;b", "a;b"), ("  spaces  ", "\"  spaces  \""), ("in between", "in between"), ("tab\t", "\"tab\t\""), ("Обсудить «Письмо»", "Обсудить «Письмо»"),
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

    /// Every line `CSVFormat.line` writes reads back through libcsv as the fields it was given,
    /// whatever follows a quote: a quote with a combining mark after it (`"\u{301}`) was left
    /// single by Foundation's `replacingOccurrences`, and the field's quoting ended there.
    /// Spaces and tabs at either end stay: such a field is quoted, since the reader trims them
    /// around an unquoted one.
    @Test func linesReadBackThroughLibcsvAsWritten() throws {
        let pieces = ["\"", "\"", ",", "\n", "\r\n", "\r", "a", "ж", " ", "\t", "\u{301}", "\u{200D}", "👍", "\u{1F3FD}", "=", "'"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let fields = (0..<3).map { _ in (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
            let parser = CSVParser(delimiter: UInt8(ascii: ","))
            let bytes = Array(CSVFormat.line(fields).utf8)
            var records = try bytes.withUnsafeBytes { try Array(parser.feed($0)) }
            records += try parser.finish()
            #expect(records.count == 1)
            #expect(records.first.map { record in (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) } } == fields, "\(fields)")
        }
    }

    @Test func line() {
        #expect(CSVFormat.line(["1", "a,b", "", "x\"y"]) == "1,\"a,b\",,\"x\"\"y\"\n")
        #expect(CSVFormat.line([]) == "\n")
    }
}
