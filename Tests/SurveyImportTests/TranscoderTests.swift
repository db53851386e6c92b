import Foundation
import Testing
@testable import SurveyImport

/// Chunked conversion of UTF-16, UTF-32, Windows-1251, Windows-1252 and Latin-1 to UTF-8.
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

    /// A character that cannot be decoded is written as `Transcoder.undecodable`, a byte that
    /// is never UTF-8, so the reader finds it and the importer lists it (it reads as U+FFFD).
    @Test func undecodableIsMarkedNotSilentlyReplaced() {
        func raw(_ bytes: [UInt8], _ encoding: TextEncoding) -> [UInt8] {
            var transcoder = Transcoder(encoding: encoding)
            var output: [UInt8] = []
            transcoder.decode(bytes[...], into: &output)
            transcoder.finish(into: &output)
            return output
        }
        #expect(raw([0x3D, 0xD8, 0x61, 0x00], .utf16LittleEndian) == [0xFF, 0x61])
        #expect(raw([0x98], .windows1251) == [0xFF])
        #expect(raw([0x81], .windows1252) == [0xFF])
        #expect(raw([0x00, 0x00, 0x11, 0x00], .utf32LittleEndian) == [0xFF], "past U+10FFFF")
        #expect(raw([0x00, 0xD8, 0x00, 0x00], .utf32LittleEndian) == [0xFF], "a surrogate")
        #expect(raw([0x61, 0x00, 0x00], .utf32LittleEndian) == [0xFF], "a cut unit")
    }

    /// The whole upper half against Python's cp1251 codec (`make-cp1251-oracle.py`); the
    /// unassigned 0x98 reads as U+FFFD (it is written as the undecodable marker).
    @Test func windows1251MatchesPython() throws {
        let expected = try Fixture.bytes("windows-1251-upper-half.txt")
        #expect(Self.decode([Array(UInt8(0x80)...UInt8(0xFF))[...]], .windows1251) == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: [false, true])
    func utf32SplitAnywhere(bigEndian: Bool) {
        let text = "a😀б\n"
        let bytes = text.unicodeScalars.flatMap { scalar -> [UInt8] in
            let little = (0..<4).map { UInt8(scalar.value >> (8 * $0) & 0xFF) }
            return bigEndian ? little.reversed() : little
        }
        let encoding: TextEncoding = bigEndian ? .utf32BigEndian : .utf32LittleEndian
        for split in 0...bytes.count {
            #expect(Self.decode([bytes[..<split], bytes[split...]], encoding) == text, "split at \(split)")
        }
    }

    /// Windows-1252 0x80–0x9F are its own (Python's cp1252); above, it is Latin-1.
    @Test(arguments: [
        (0x80, "€"), (0x8A, "Š"), (0x93, "“"), (0x9F, "Ÿ"), (0xE9, "é"), (0xFC, "ü"), (0xF1, "ñ"), (0xD7, "×"), (0x81, "\u{FFFD}"),
    ] as [(UInt8, String)])
    func windows1252HandChecked(_ byte: UInt8, _ character: String) {
        #expect(Self.decode([[byte][...]], .windows1252) == character)
    }

    @Test func latin1IsTheByteItself() {
        #expect(Self.decode([Array(UInt8(0x80)...UInt8(0xFF))[...]], .latin1) == String(String.UnicodeScalarView((0x80...0xFF).map { Unicode.Scalar(UInt8($0)) })))
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
