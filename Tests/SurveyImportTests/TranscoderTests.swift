import Foundation
import Testing
@testable import SurveyImport

/// Chunked conversion of UTF-16 and Windows-1251 to UTF-8.
@Suite struct TranscoderTests {
    static func decode(_ chunks: [ArraySlice<UInt8>], _ encoding: TextEncoding) -> String {
        var transcoder = Transcoder(encoding: encoding)
        var output: [UInt8] = []
        for chunk in chunks { transcoder.decode(chunk, into: &output) }
        transcoder.finish(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// Every split point, including the ones between a surrogate pair's halves and inside a unit.
    @Test(arguments: [false, true])
    func surrogatePairSplitAnywhere(bigEndian: Bool) {
        let text = "a😀b𐐷\n"  // two astral characters: U+1F600 and U+10437
        let bytes = Self.utf16(text, bigEndian: bigEndian)
        let encoding: TextEncoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
        for split in 0...bytes.count {
            #expect(Self.decode([bytes[..<split], bytes[split...]], encoding) == text, "split at \(split)")
        }
        #expect(Self.decode(bytes.indices.map { bytes[$0...$0] }, encoding) == text, "one byte at a time")
    }

    @Test func cyrillicUTF16() {
        let text = "Очень полезен; «да»"
        #expect(Self.decode([Self.utf16(text, bigEndian: false)[...]], .utf16LittleEndian) == text)
    }

    @Test func brokenUTF16BecomesReplacementCharacters() {
        // High surrogate at the very end.
        #expect(Self.decode([[0x61, 0x00, 0x3D, 0xD8][...]], .utf16LittleEndian) == "a\u{FFFD}")
        // High surrogate followed by an ordinary unit.
        #expect(Self.decode([[0x3D, 0xD8, 0x61, 0x00][...]], .utf16LittleEndian) == "\u{FFFD}a")
        // Lone low surrogate.
        #expect(Self.decode([[0x00, 0xDE, 0x61, 0x00][...]], .utf16LittleEndian) == "\u{FFFD}a")
        // Odd number of bytes.
        #expect(Self.decode([[0x61, 0x00, 0x62][...]], .utf16LittleEndian) == "a\u{FFFD}")
    }

    /// The whole upper half against Python's cp1251 codec (`make-cp1251-oracle.py`).
    @Test func windows1251MatchesPython() throws {
        let expected = try Fixture.bytes("windows-1251-upper-half.txt")
        var transcoder = Transcoder(encoding: .windows1251)
        var output: [UInt8] = []
        transcoder.decode(Array(UInt8(0x80)...UInt8(0xFF))[...], into: &output)
        #expect(output == expected)
    }

    @Test(arguments: [
        (0xC0, "А"), (0xDF, "Я"), (0xE0, "а"), (0xFF, "я"), (0xA8, "Ё"), (0xB8, "ё"), (0xAB, "«"), (0xBB, "»"),
        (0xB9, "№"), (0x88, "€"), (0x96, "–"), (0x97, "—"), (0xA0, "\u{00A0}"), (0x80, "Ђ"), (0x98, "\u{FFFD}"),
    ] as [(UInt8, String)])
    func windows1251HandChecked(_ byte: UInt8, _ character: String) {
        #expect(Self.decode([[byte][...]], .windows1251) == character)
    }

    @Test func windows1251KeepsASCII() {
        let ascii = Array(UInt8(0)...UInt8(0x7F))
        #expect(Self.decode([ascii[...]], .windows1251) == String(decoding: ascii, as: UTF8.self))
        #expect(Self.decode([[0xE4, 0xE0, 0x3B, 0xED, 0xE5, 0xF2][...]], .windows1251) == "да;нет")
    }

    @Test func utf8PassesThrough() {
        let bytes = Array("да,\"нет\"\r\n".utf8)
        #expect(Self.decode([bytes[..<3], bytes[3...]], .utf8) == "да,\"нет\"\r\n")
    }
}
