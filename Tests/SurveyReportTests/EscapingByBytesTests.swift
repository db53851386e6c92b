import Foundation
import SurveyModel
@testable import SurveyStatistics
import Testing
@testable import SurveyReport

/// The escaping that reads bytes or scalars where it used to read characters or go through
/// NSString (`Escaping.markdown`, `Escaping.lines`, `LineBreaks`), against the way it was done
/// before, kept here as the reference, on random texts mixing markup, digits, line ends, Latin,
/// Cyrillic and the scalars that join characters (combining marks, joiners, emoji modifiers).
@Suite struct EscapingByBytesTests {
    /// Escaping.markdown as it was: character by character.
    static func referenceMarkdown(_ text: String) -> String {
        let text = VisibleText.report(text)
        var out = ""
        var atLineStart = true
        var digitsAtStart = false
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "<", ">":
                out.append("\\")
                out.append(character)
            case _ where atLineStart && "#-+=".contains(character):
                out.append("\\")
                out.append(character)
            case _ where digitsAtStart && (character == "." || character == ")"):
                out.append("\\")
                out.append(character)
            case "&": out += "&amp;"
            default: out.append(character)
            }
            if character == "\n" {
                atLineStart = true
                digitsAtStart = false
            } else if character.isNumber && (atLineStart || digitsAtStart) {
                digitsAtStart = true
                atLineStart = false
            } else if character == " " && atLineStart {
                continue
            } else {
                atLineStart = false
                digitsAtStart = false
            }
        }
        return out
    }

    /// Pieces of text: single scalars, "\r\n", and scalars that join the one before or after.
    static let plain = ["\\", "`", "*", "_", "[", "]", "|", "~", "<", ">", "#", "-", "+", "=", ".", ")", "&", " ", " ", "\n", "\r", "\r\n",
                        "1", "7", "0", "a", "Z", "ж", "Ө", "ң", "²", "½", "№", "—", "«", "»", "é", "\t"]
    static let joining = ["\u{301}", "\u{483}", "\u{200D}", "\u{FE0F}", "👍", "\u{1F3FD}", "٣", "\u{600}", "각", "ᄀ", "🇰", "🇬", "\u{0D4E}"]

    /// Texts from a fixed seed: half from the plain pieces (the scalar path), half from all.
    static func texts(count: Int) -> [String] {
        // The statistics' own SplitMix64: the same texts on every machine and run.
        var random = SeededGenerator(seed: 2026)
        return (0..<count).map { index in
            let pieces = index % 2 == 0 ? plain : plain + joining
            return (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    @Test func markdownIsTheSameAsByCharacters() {
        var scalarPath = 0
        for text in Self.texts(count: 40_000) {
            #expect(Escaping.markdown(text) == Self.referenceMarkdown(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if MarkdownEscaper.isOneScalarPerCharacter(VisibleText.report(text)) { scalarPath += 1 }
        }
        // Both paths were taken.
        #expect(scalarPath > 15_000 && scalarPath < 30_000)
    }

    @Test func markdownOfHandPickedTexts() {
        #expect(Escaping.markdown("1. *да*\r\n- нет & <b>") == "1\\. \\*да\\*\r\n- нет &amp; \\<b\\>")
        #expect(Escaping.markdown("  12) x\n# y") == "  12\\) x\n\\# y")
        // A star with a combining accent is a letter: left as it is.
        #expect(Escaping.markdown("*\u{301}x") == "*\u{301}x")
    }

    @Test func linesAreTheSameAsSplittingByCharacters() {
        for text in Self.texts(count: 20_000) {
            #expect(Escaping.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// As Foundation's `replacingOccurrences` replaced them, where no mark follows a break:
    /// NSString's search left a line break that a combining mark, joiner or emoji modifier
    /// follows (it reads them as one composed sequence), which left a raw line break inside a
    /// row of a Markdown table. Such a break is a break now too.
    @Test func lineBreaksAreTheSameAsReplacingThroughFoundation() {
        for (index, text) in Self.texts(count: 20_000).enumerated() where index % 2 == 0 {
            let foundation = text.replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>").replacingOccurrences(of: "\r", with: "<br>")
            #expect(LineBreaks.replaced(in: text, by: "<br>") == foundation)
        }
        #expect(LineBreaks.replaced(in: "a\r\r\nb\n\rc", by: "|") == "a||b||c")
        #expect(LineBreaks.replaced(in: "нет переносов", by: "|") == "нет переносов")
        #expect(LineBreaks.replaced(in: "a\n\u{301}b\r\n\u{200D}c", by: "|") == "a|\u{301}b|\u{200D}c")
    }
}
