import Testing
@testable import SurveyImport

/// Bytes that are not UTF-8, and NUL: found, repaired with U+FFFD one for one, listed.
@Suite struct TextDefectsTests {
    static func repair(_ bytes: [UInt8]) -> (text: String, defects: [TextDefects.Defect])? {
        bytes.withUnsafeBufferPointer { TextDefects.repair($0) }.map { (String(decoding: $0.bytes, as: UTF8.self), $0.defects) }
    }

    /// The repair agrees with Swift's own decoding (maximal subparts, Unicode §3.9), so the
    /// problems listed and the U+FFFD written match one to one.
    @Test(arguments: [
        [0xFF], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
        [0xE2, 0x82], [0xC2], [0x80, 0x80], [0xE4, 0xE0, 0x3B], [0x61, 0xF5, 0x62], [0xF0, 0x9F, 0x98, 0x80, 0xFF],
    ] as [[UInt8]])
    func repairMatchesSwiftDecoding(_ bytes: [UInt8]) throws {
        let repaired = try #require(Self.repair(bytes))
        #expect(repaired.text == String(decoding: bytes, as: UTF8.self))
        #expect(repaired.defects.count == repaired.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
    }

    @Test func oneBadByteInCyrillic() throws {
        let bytes = Array("Боль".utf8) + [0xFF] + Array("ше".utf8)
        let repaired = try #require(Self.repair(bytes))
        #expect(repaired.text == "Боль\u{FFFD}ше")
        #expect(repaired.defects == [TextDefects.Defect(bytes: [0xFF], character: 5)])
    }

    @Test func nulBecomesAReplacementCharacterToo() throws {
        let repaired = try #require(Self.repair(Array("a\u{0}b".utf8)))
        #expect(repaired.text == "a\u{FFFD}b")
        #expect(repaired.defects == [TextDefects.Defect(bytes: [0], character: 2)])
        #expect(repaired.defects[0].isNUL)
    }

    /// `isClean` skips ASCII eight bytes at a time and validates what is between: on 3,000
    /// random mixes of ASCII, Cyrillic, 3- and 4-byte characters and bad sequences (stray
    /// continuation bytes, overlong forms, surrogates, cut characters, NUL) at every offset from
    /// a word's start, it says what Swift's own validation says.
    @Test func cleanCheckAgreesWithSwiftValidation() {
        let pieces: [[UInt8]] = [
            Array("plain text, ".utf8), Array("Больше ".utf8), Array("время".utf8), Array("€".utf8), Array("😀".utf8), [0x20], [0x61],
            [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xD0], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0x00],
        ]
        var random = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            var bytes = [UInt8](repeating: 0x61, count: round % 9)
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                // Mostly good pieces, so that a bad one is often alone in a long buffer.
                let index = Int.random(in: 0..<(round % 3 == 0 ? pieces.count : 7), using: &random)
                bytes += pieces[index]
            }
            let swift = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
            #expect(bytes.withUnsafeBufferPointer { TextDefects.isClean($0) } == swift, "\(bytes)")
        }
    }

    @Test func cleanTextHasNoDefects() {
        for text in ["", "plain", "Больше времени", "😀 «»", "\u{FFFD} written as such"] {
            let bytes = Array(text.utf8)
            #expect(Self.repair(bytes) == nil)
            #expect(bytes.withUnsafeBufferPointer { TextDefects.isClean($0) })
        }
        #expect(![UInt8]([0x61, 0x00]).withUnsafeBufferPointer { TextDefects.isClean($0) })
        #expect(![UInt8]([0x61, 0xFF]).withUnsafeBufferPointer { TextDefects.isClean($0) })
    }

    @Test func recordFieldsAreRepairedOneByOne() throws {
        var record = CSVRecord()
        record.append(Array("12".utf8))
        record.append(Array("да".utf8))
        record.append([0x78, 0x00, 0xE4, 0xE0])
        let (repaired, cells) = try #require(TextDefects.repair(record))
        #expect(repaired.strings == ["12", "да", "x\u{FFFD}\u{FFFD}\u{FFFD}"])
        #expect(Array(cells.keys) == [2])
        #expect(cells[2]?.raw == [0x78, 0x00, 0xE4, 0xE0])
        #expect(cells[2]?.defects.map(\.character) == [2, 3, 4])
    }
}

/// Excel's `sep=;` first line.
@Suite struct DelimiterDeclarationTests {
    @Test(arguments: [
        ("sep=;\r\nrespondent;x\r\n", ";", 7), ("sep=,\nrespondent,x\n", ",", 6), ("sep=\t\na\tb\n", "\t", 6),
        ("sep=\\t\na\tb\n", "\t", 7), ("\"sep=;\";;;\r\na;b\r\n", ";", 12), ("SEP=|\na|b\n", "|", 6),
        ("sep=§\na§b\n", "§", 7), ("sep=；\n", "；", 8), ("sep=;", ";", 5),
        // Excel's "CSV (Macintosh)": lone CRs.
        ("sep=;\rrespondent;x\r", ";", 6), ("\"sep=;\";;\ra;b\r", ";", 10),
    ] as [(String, Unicode.Scalar, Int)])
    func declarations(_ text: String, _ delimiter: Unicode.Scalar, _ length: Int) throws {
        let declaration = try #require(DelimiterDeclaration(Array(text.utf8)[...]))
        #expect(declaration.delimiter == delimiter)
        #expect(declaration.length == length)
    }

    /// A declaration followed by lone CRs is read like one followed by LFs.
    @Test func declarationWithLoneCRs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cr = try dir.write("cr.csv", "sep=;\rrespondent;org_type;usefulness\r1;ngo;5\r2;gov;4\r")
        let lf = try dir.write("lf.csv", "sep=;\nrespondent;org_type;usefulness\n1;ngo;5\n2;gov;4\n")
        let (withCR, withLF) = (try runImport(cr), try runImport(lf))
        #expect(withCR.responses.map(\.answers) == withLF.responses.map(\.answers))
        #expect(withCR.responses.count == 2)
        #expect(withCR.problems.isEmpty && withCR.rejects.isEmpty, "\(withCR.problems) \(withCR.rejects)")
    }

    @Test(arguments: ["respondent,sep=;\n", "sep=\n", "sep=;x\n", "sep=ab\n", "\"sep=;\n", "sep=\"\n", "separator=;\n", "sep\n"])
    func notDeclarations(_ text: String) {
        #expect(DelimiterDeclaration(Array(text.utf8)[...]) == nil)
    }
}
