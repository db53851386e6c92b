import Testing
@testable import SurveyImport

/// Encoding detection from the first bytes of a file.
@Suite struct TextEncodingTests {
    struct Head: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var isWholeFile = true
        /// nil: the detector must say it is unsure.
        var encoding: TextEncoding?
        var bomLength = 0
        var testDescription: String { name }
    }

    static func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static func utf32(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar in
            let bytes = (0..<4).map { UInt8(scalar.value >> (8 * $0) & 0xFF) }
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    static let cyrillicCSV = "respondent,org_type,improve\n1,gov,Больше времени на работу в группах\n2,ngo,Раздавать материалы заранее\n"

    static let heads: [Head] = [
        Head(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF, 0x61], encoding: .utf8, bomLength: 3),
        Head(name: "UTF-16 LE BOM", bytes: [0xFF, 0xFE, 0x61, 0x00], encoding: .utf16LittleEndian, bomLength: 2),
        Head(name: "UTF-16 BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x61], encoding: .utf16BigEndian, bomLength: 2),
        Head(name: "UTF-32 LE BOM", bytes: [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], encoding: .utf32LittleEndian, bomLength: 4),
        Head(name: "UTF-32 BE BOM", bytes: [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61], encoding: .utf32BigEndian, bomLength: 4),
        Head(name: "ASCII", bytes: Array("respondent,org_type\n".utf8), encoding: .utf8),
        Head(name: "UTF-8 Cyrillic", bytes: Array("да,нет\n".utf8), encoding: .utf8),
        Head(name: "empty", bytes: [], encoding: .utf8),
        // "да" in Windows-1251 is E4 E0: E4 starts a 3-byte UTF-8 sequence that E0 cannot continue.
        Head(name: "Windows-1251 да", bytes: [0xE4, 0xE0, 0x0A], encoding: .windows1251),
        // «» are AB BB, lone continuation bytes in UTF-8, and punctuation in Latin-1 too.
        Head(name: "Windows-1251 «»", bytes: [0xAB, 0x61, 0xBB], encoding: .windows1251),
        Head(name: "overlong C0 80", bytes: [0x61, 0xC0, 0x80], encoding: .windows1251),
        Head(name: "Windows-1251 Russian text", bytes: Array(cyrillicCSV.utf8).windows1251, encoding: .windows1251),
        // A UTF-8 sequence cut off at the end of a chunk is not evidence against UTF-8 ...
        Head(name: "cut UTF-8 in a chunk", bytes: [0x61, 0xD0], isWholeFile: false, encoding: .utf8),
        Head(name: "cut 3-byte UTF-8 in a chunk", bytes: [0x61, 0xE2, 0x80], isWholeFile: false, encoding: .utf8),
        // ... but at the end of the whole file it is (after a comma: no Latin letter beside it).
        Head(name: "cut UTF-8 at the end of the file", bytes: [0x61, 0x2C, 0xD0], encoding: .windows1251),
        // One bad byte in UTF-8 Cyrillic text: still UTF-8 (the byte is reported, not obeyed).
        Head(name: "UTF-8 with one 0xFF byte", bytes: Array("1,gov,Боль".utf8) + [0xFF] + Array("ше времени\n".utf8), encoding: .utf8),
        Head(name: "UTF-8 with a cp1251 line", bytes: Array(cyrillicCSV.utf8) + Array("3,ngo,Да\n".utf8).windows1251, encoding: .utf8),
        // Without a BOM, NUL bytes in a steady pattern.
        Head(name: "UTF-16 LE without BOM", bytes: utf16(cyrillicCSV), encoding: .utf16LittleEndian),
        Head(name: "UTF-16 BE without BOM", bytes: utf16(cyrillicCSV, bigEndian: true), encoding: .utf16BigEndian),
        Head(name: "UTF-32 LE without BOM", bytes: utf32(cyrillicCSV), encoding: .utf32LittleEndian),
        Head(name: "UTF-32 BE without BOM", bytes: utf32(cyrillicCSV, bigEndian: true), encoding: .utf32BigEndian),
        // Latin-1 is not Windows-1251: é, ü, ñ alone between Latin letters.
        Head(name: "Latin-1 French", bytes: Array("1,gov,Très bien, le café était bon\n".unicodeScalars.map { UInt8($0.value) }), encoding: nil),
        Head(name: "Latin-1 German and Spanish", bytes: Array("2,ngo,Müller, año, señor\n".unicodeScalars.map { UInt8($0.value) }), encoding: nil),
    ]

    @Test(arguments: heads)
    func detect(_ head: Head) {
        let detection = TextEncoding.detect(head.bytes, isWholeFile: head.isWholeFile)
        #expect(detection.encoding == head.encoding, "\(detection)")
        if case .read(_, let bomLength, _) = detection { #expect(bomLength == head.bomLength) }
    }

    @Test func latin1IsExplained() {
        let bytes = Array("respondent,improve\n1,Très bien, le café était bon\n".unicodeScalars.map { UInt8($0.value) })
        guard case .unsure(let explanation) = TextEncoding.detect(bytes, isWholeFile: true) else {
            Issue.record("Latin-1 text was read without asking")
            return
        }
        #expect(explanation.contains("look like Latin-1 (or Windows-1252), not Windows-1251"))
        #expect(explanation.contains("line 2 reads `1,Très bien, le café était bon` in windows-1252 but `1,Trиs bien, le cafй йtait bon` in windows-1251"))
        #expect(explanation.contains("--encoding windows-1252 (or latin-1)"))
    }

    @Test func wideEncodingSaysWhy() {
        guard case .read(.utf16LittleEndian, 0, let reason?) = TextEncoding.detect(Self.utf16("respondent,org_type\n1,gov\n"), isWholeFile: true) else {
            Issue.record("not detected")
            return
        }
        #expect(reason.contains("no byte order mark"))
        #expect(reason.contains("UTF-16 little endian"))
    }

    @Test(arguments: [
        ("utf8", TextEncoding.utf8), ("UTF-8", .utf8), ("utf-16", .utf16LittleEndian), ("UTF_16LE", .utf16LittleEndian),
        ("utf-16be", .utf16BigEndian), ("cp1251", .windows1251), ("Windows-1251", .windows1251), ("1251", .windows1251),
        ("utf-32", .utf32LittleEndian), ("utf-32be", .utf32BigEndian), ("latin1", .latin1), ("ISO-8859-1", .latin1),
        ("latin-1", .latin1), ("cp1252", .windows1252), ("windows-1252", .windows1252),
    ] as [(String, TextEncoding)])
    func names(_ name: String, _ encoding: TextEncoding) {
        #expect(TextEncoding(name: name) == encoding)
    }

    @Test(arguments: ["koi8-r", "", "utf-7", "iso-8859-5"])
    func unknownNames(_ name: String) {
        #expect(TextEncoding(name: name) == nil)
    }

    @Test func forcedEncodingStillSkipsItsBOM() {
        #expect(TextEncoding.bomLength(of: [0xEF, 0xBB, 0xBF, 0x61], for: .utf8) == 3)
        #expect(TextEncoding.bomLength(of: [0xFF, 0xFE], for: .utf16LittleEndian) == 2)
        #expect(TextEncoding.bomLength(of: [0xFF, 0xFE], for: .utf16BigEndian) == 0)
        #expect(TextEncoding.bomLength(of: [0xEF, 0xBB, 0xBF], for: .windows1251) == 0)
        #expect(TextEncoding.bomLength(of: [0xFF, 0xFE, 0x00, 0x00], for: .utf32LittleEndian) == 4)
    }
}

extension Array where Element == UInt8 {
    /// UTF-8 bytes re-encoded as Windows-1251 (Russian letters only; tests).
    var windows1251: [UInt8] {
        String(decoding: self, as: UTF8.self).unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            case 0xAB: 0xAB
            case 0xBB: 0xBB
            default: 0x3F
            }
        }
    }
}
