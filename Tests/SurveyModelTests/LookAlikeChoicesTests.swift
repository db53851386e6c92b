import Testing
@testable import SurveyModel

/// Issue 8: choices that readers cannot tell apart (Latin `a` and Cyrillic `а`, `a` and `a` +
/// a zero-width space) are definition errors that name the question, both codes and the
/// characters; codes and ids with invisible characters are refused outright.
@Suite struct LookAlikeChoicesTests {
    static func choices(_ lines: String...) -> String {
        (["title: T", "questions:", "  - id: q", "    type: single_choice", "    text: Q", "    choices:"] + lines).joined(separator: "\n") + "\n"
    }

    static func problems(_ text: String) throws -> [DefinitionProblem] {
        let error = try #require(definitionError(text), "the definition loaded although it is broken")
        guard case .invalid(let problems) = error else {
            Issue.record("expected a rule violation, got \(error)")
            return []
        }
        return problems
    }

    @Test func latinAndCyrillicCodesLookTheSame() throws {
        let problems = try Self.problems(Self.choices("      a: Apple", "      \"\u{0430}\": Apricot"))
        #expect(problems.map(\.description) == [
            "def.yaml:8:7: error: question `q`: choice codes `а` (U+0430 CYRILLIC SMALL LETTER A) and `a` look the same but are different text; readers cannot tell them apart, so answers to one would be read as the other; retype them in one alphabet without invisible characters",
        ])
    }

    @Test func aCodeWithAZeroWidthSpaceIsRefusedAndItsTwinNamed() throws {
        let problems = try Self.problems(Self.choices("      a: Apple", "      \"a\\u200B\": Avocado"))
        #expect(problems.map(\.description) == [
            "def.yaml:8:7: error: question `q`: choice code `a\\u{200B}` (U+200B ZERO WIDTH SPACE) contains invisible characters, so it looks the same as choice `a`; codes are written into data files and must look like what they are: retype it without them",
        ])
    }

    /// Every zero-width and bidirectional control the issue lists, in a code of its own.
    @Test(arguments: [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x00AD])
    func invisibleCharactersInCodesAreRefused(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let hex = String(value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        let problems = try Self.problems(Self.choices("      gov: Government", "      \"ngo\\u\(padded)\": NGO"))
        #expect(problems.count == 1)
        let message = try #require(problems.first?.message)
        #expect(message.hasPrefix("choice code `ngo\\u{\(padded)}` (U+\(padded) \(scalar.properties.name!)) contains invisible characters;"), "\(message)")
        #expect(!message.unicodeScalars.contains(scalar), "the message must show the character, not contain it")
    }

    @Test func labelsThatLookTheSameInOneLanguageAreRefused() throws {
        let problems = try Self.problems(Self.choices(
            "      y1: \"Yes\"", "      y2: \"Yes\\u200B\"",
            "      p: {en: Pear, ru: Груша}", "      q: {en: \"P\u{0435}ar\", ru: Слива}"))
        #expect(problems.map(\.description) == [
            "def.yaml:8:7: error: question `q`: the label `Yes\\u{200B}` (U+200B ZERO WIDTH SPACE) of choice `y2` looks the same as the label `Yes` of choice `y1` but is different text; readers cannot tell them apart, so answers to one would be read as the other; retype them in one alphabet without invisible characters",
            "def.yaml:10:7: error: question `q`: the label (en) `Pеar` (U+0435 CYRILLIC SMALL LETTER IE) of choice `q` looks the same as the label `Pear` of choice `p` but is different text; readers cannot tell them apart, so answers to one would be read as the other; retype them in one alphabet without invisible characters",
        ])
    }

    @Test func greekLettersCountToo() throws {
        let problems = try Self.problems(Self.choices("      o: Option", "      \"\u{03BF}\": Other"))
        #expect(problems.first?.message.hasPrefix("choice codes `ο` (U+03BF GREEK SMALL LETTER OMICRON) and `o` look the same") == true)
    }

    /// Russian option letters А, Б, В beside English A, B, C: `В` (Cyrillic Ve) looks like `B`,
    /// but the two never stand in one language, so this is no clash.
    @Test func bilingualLabelsAreComparedWithinOneLanguage() throws {
        let text = Self.choices(
            "      a: {en: A, ru: А}", "      b: {en: B, ru: Б}", "      c: {en: C, ru: В}", "      d: {en: D, ru: Г}")
        let questionnaire = try QuestionnaireLoader.parse(yaml: text, file: "def.yaml")
        #expect(questionnaire.questions[0].kind.choices.count == 4)
        let codes = Self.choices("      a: {ru: а}", "      b: {ru: б}", "      c: {ru: в}")
        #expect(try QuestionnaireLoader.parse(yaml: codes, file: "def.yaml").questions[0].kind.choices.count == 3)
    }

    @Test(arguments: [("q\\u200Bx", "q\\u{200B}x", "U+200B ZERO WIDTH SPACE"), ("\\u0440", "р", "U+0440 CYRILLIC SMALL LETTER ER"),
                      ("a\\u202Eb", "a\\u{202E}b", "U+202E RIGHT-TO-LEFT OVERRIDE")])
    func idsWithInvisibleOrLookAlikeCharactersNameThem(_ written: String, _ shown: String, _ name: String) throws {
        let problems = try Self.problems(yaml("title: T", "questions:", "  - id: \"\(written)\"", "    type: text", "    text: X"))
        #expect(problems.map(\.description) == [
            "def.yaml:3:9: error: question `\(shown)`: ids start with a lowercase letter and use only a-z, 0-9 and _ (they become CSV column names); `\(shown)` contains \(name), which looks like nothing or like a Latin letter",
        ])
    }

    @Test func skeletonsDropInvisiblesAndMapLookAlikes() {
        #expect(Confusables.skeleton("\u{0440}\u{0430}ss\u{200B}") == "pass")
        #expect(Confusables.skeleton("В\u{FEFF}") == "B")
        #expect(Confusables.skeleton("в") == "в")
        #expect(Confusables.visible("a\u{202E}b\u{1B}") == "a\\u{202E}b\\u{001B}")
        #expect(Confusables.suspects(in: "\u{0430}a\u{0430}\u{200D}") == ["U+0430 CYRILLIC SMALL LETTER A", "U+200D ZERO WIDTH JOINER"])
    }
}
