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
