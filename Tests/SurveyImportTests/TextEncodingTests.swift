import Testing
@testable import SurveyImport

/// Encoding detection from the first bytes of a file.
@Suite struct TextEncodingTests {
    struct Head: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var isWholeFile = true
        var encoding: TextEncoding
        var bomLength: Int
        var testDescription: String { name }
    }

    static let heads: [Head] = [
        Head(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF, 0x61], encoding: .utf8, bomLength: 3),
        Head(name: "UTF-16 LE BOM", bytes: [0xFF, 0xFE, 0x61, 0x00], encoding: .utf16LittleEndian, bomLength: 2),
        Head(name: "UTF-16 BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x61], encoding: .utf16BigEndian, bomLength: 2),
        Head(name: "ASCII", bytes: Array("respondent,org_type\n".utf8), encoding: .utf8, bomLength: 0),
        Head(name: "UTF-8 Cyrillic", bytes: Array("да,нет\n".utf8), encoding: .utf8, bomLength: 0),
        Head(name: "empty", bytes: [], encoding: .utf8, bomLength: 0),
        // "да" in Windows-1251 is E4 E0: E4 starts a 3-byte UTF-8 sequence that E0 cannot continue.
        Head(name: "Windows-1251 да", bytes: [0xE4, 0xE0, 0x0A], encoding: .windows1251, bomLength: 0),
        // «» are AB BB, lone continuation bytes in UTF-8.
        Head(name: "Windows-1251 «»", bytes: [0xAB, 0x61, 0xBB], encoding: .windows1251, bomLength: 0),
        Head(name: "overlong C0 80", bytes: [0x61, 0xC0, 0x80], encoding: .windows1251, bomLength: 0),
        // A UTF-8 sequence cut off at the end of a chunk is not evidence against UTF-8 ...
        Head(name: "cut UTF-8 in a chunk", bytes: [0x61, 0xD0], isWholeFile: false, encoding: .utf8, bomLength: 0),
        Head(name: "cut 3-byte UTF-8 in a chunk", bytes: [0x61, 0xE2, 0x80], isWholeFile: false, encoding: .utf8, bomLength: 0),
        // ... but at the end of the whole file it is.
        Head(name: "cut UTF-8 at the end of the file", bytes: [0x61, 0xD0], encoding: .windows1251, bomLength: 0),
    ]

    @Test(arguments: heads)
    func detect(_ head: Head) {
        let (encoding, bomLength) = TextEncoding.detect(head.bytes, isWholeFile: head.isWholeFile)
        #expect(encoding == head.encoding)
        #expect(bomLength == head.bomLength)
    }

    @Test(arguments: [
        ("utf8", TextEncoding.utf8), ("UTF-8", .utf8), ("utf-16", .utf16LittleEndian), ("UTF_16LE", .utf16LittleEndian),
        ("utf-16be", .utf16BigEndian), ("cp1251", .windows1251), ("Windows-1251", .windows1251), ("1251", .windows1251),
    ] as [(String, TextEncoding)])
    func names(_ name: String, _ encoding: TextEncoding) {
        #expect(TextEncoding(name: name) == encoding)
    }

    @Test(arguments: ["latin1", "koi8-r", "", "utf-32"])
    func unknownNames(_ name: String) {
        #expect(TextEncoding(name: name) == nil)
    }

    @Test func forcedEncodingStillSkipsItsBOM() {
        #expect(TextEncoding.bomLength(of: [0xEF, 0xBB, 0xBF, 0x61], for: .utf8) == 3)
        #expect(TextEncoding.bomLength(of: [0xFF, 0xFE], for: .utf16LittleEndian) == 2)
        #expect(TextEncoding.bomLength(of: [0xFF, 0xFE], for: .utf16BigEndian) == 0)
        #expect(TextEncoding.bomLength(of: [0xEF, 0xBB, 0xBF], for: .windows1251) == 0)
    }
}
