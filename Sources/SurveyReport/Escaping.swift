import Foundation
import SurveyModel

/// Making user text (answers, labels, titles) safe in each output format.
///
/// Both formats first pass the text through `VisibleText.report`: control characters (which
/// XML 1.0 forbids even as `&#x1B;`, so one in a label would make `report.html` and the SVG
/// charts unreadable to an XML parser) and bidi controls (U+202E would reverse the report's
/// own text after an answer) become visible `\u{…}` escapes. The reader sees that the answer
/// held one, and nothing it held can change the rest of the page.
enum Escaping {
    /// Text for HTML element content and attribute values: `& < > " '` as entities, so an
    /// answer holding `<script>` is shown, never run.
    static func html(_ text: String) -> String {
        let text = VisibleText.report(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for Markdown: markup characters backslash-escaped and HTML neutralized, so answers
    /// cannot add links, emphasis, headings, tables or raw HTML to the annex. Characters that
    /// only mean something at the start of a line (`#`, `-`, `+`, `1.`) are escaped there only,
    /// which keeps ordinary sentences readable in the raw file.
    ///
    /// The rules are about characters (a `*` carrying a combining accent is a letter, not
    /// markup). Going through a text by characters means finding where each one ends, which
    /// was most of a report that quotes every comment of 100,000 responses; so a text whose
    /// characters are all single scalars (`isOneScalarPerCharacter`) goes by scalars, with the
    /// same rules (a test compares both ways on random texts).
    static func markdown(_ text: String) -> String {
        let text = VisibleText.report(text)
        var escaper = MarkdownEscaper(capacity: text.utf8.count)
        if MarkdownEscaper.isOneScalarPerCharacter(text) {
            var afterReturn = false
            for scalar in text.unicodeScalars {
                if afterReturn {
                    afterReturn = false
                    // "\r\n" is one character, neither a line feed nor a return.
                    if scalar == "\n" {
                        escaper.add(markup: nil, isNumber: false, "\r\n".utf8)
                        continue
                    }
                    escaper.add(markup: 0x0D, isNumber: false, CollectionOfOne(0x0D))
                }
                if scalar == "\r" {
                    afterReturn = true
                } else if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    escaper.add(markup: byte, isNumber: (0x30...0x39).contains(byte), CollectionOfOne(byte))
                } else {
                    // A number only matters at the start of a line.
                    let isNumber = escaper.atLineStart || escaper.digitsAtStart ? scalar.properties.numericType != nil : false
                    escaper.add(markup: nil, isNumber: isNumber, UTF8.encode(scalar)!)
                }
            }
            if afterReturn { escaper.add(markup: 0x0D, isNumber: false, CollectionOfOne(0x0D)) }
        } else {
            for character in text {
                let single = character.unicodeScalars.count == 1 && character.isASCII
                escaper.add(markup: single ? character.asciiValue : nil, isNumber: character.isNumber, character.utf8)
            }
        }
        return String(decoding: escaper.out, as: UTF8.self)
    }

    /// Markdown for a heading or an emphasis span (`**…**`, `_…_`): escaped, on one line and
    /// trimmed (`LineBreaks.joined`), since a line break ends a heading and leaves the span open.
    static func markdownInline(_ text: String) -> String {
        markdown(LineBreaks.joined(text))
    }

    /// `text` as a Markdown code span, shown exactly as written. A backslash is literal inside
    /// a code span, so nothing is escaped: the fence is one backtick longer than the longest
    /// run of backticks in the text (CommonMark), and a space pads both sides when the text
    /// starts or ends with a backtick (or starts and ends with a space, which CommonMark would
    /// strip). A line break, which a blank line would turn into a paragraph's end, is a space.
    static func markdownCode(_ text: String) -> String {
        let text = LineBreaks.replaced(in: VisibleText.report(text), by: " ")
        guard !text.isEmpty else { return "" }
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let spaces = text.unicodeScalars.allSatisfy { $0 == " " }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (!spaces && text.hasPrefix(" ") && text.hasSuffix(" ")) ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// Markdown for a table cell: escaped, and line breaks (which end a table row) as
    /// `lineBreak` (a form of `<br>`).
    static func markdownCell(_ text: String, lineBreak: String) -> String {
        LineBreaks.replaced(in: markdown(text), by: lineBreak)
    }

    /// Markdown for a block quote: each line prefixed with `> `.
    static func markdownQuote(_ text: String) -> String {
        lines(text).map { "> " + markdown(String($0)) }.joined(separator: "\n")
    }

    /// `text` split at each line feed that is a character of its own, as
    /// `split(separator: "\n")` splits it ("\r\n" is one character and stays in its line), but
    /// found in the bytes: a line feed never joins a character other than "\r\n".
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}

/// `Escaping.markdown`'s rules, one character at a time: its byte when it is one ASCII
/// scalar (nil for any other character, which is never markup), whether it is a number, and
/// its UTF-8.
struct MarkdownEscaper {
    private(set) var out: [UInt8] = []
    private(set) var atLineStart = true
    private(set) var digitsAtStart = false

    init(capacity: Int) {
        out.reserveCapacity(capacity + capacity / 8)
    }

    mutating func add(markup: UInt8?, isNumber: Bool, _ bytes: some Sequence<UInt8>) {
        switch markup.map(Unicode.Scalar.init) {
        case "\\", "`", "*", "_", "[", "]", "|", "~", "<", ">":
            out.append(UInt8(ascii: "\\"))
        case "#", "-", "+", "=":
            if atLineStart { out.append(UInt8(ascii: "\\")) }
        case ".", ")":
            if digitsAtStart { out.append(UInt8(ascii: "\\")) }
        case "&":
            out += "&amp;".utf8
            return update(markup: markup, isNumber: isNumber)
        default:
            break
        }
        out += bytes
        update(markup: markup, isNumber: isNumber)
    }

    private mutating func update(markup: UInt8?, isNumber: Bool) {
        if markup == 0x0A {
            atLineStart = true
            digitsAtStart = false
        } else if isNumber && (atLineStart || digitsAtStart) {
            digitsAtStart = true
            atLineStart = false
        } else if markup == UInt8(ascii: " ") && atLineStart {
            return
        } else {
            atLineStart = false
            digitsAtStart = false
        }
    }

    /// Whether every character of `text` is one Unicode scalar, "\r\n" apart: no scalar in it
    /// can join the one before it into a character (combining marks, joiners, variation
    /// selectors, emoji modifiers) or the one after it (Indic prepended marks). Only scripts
    /// and symbols known to have none such (Latin, Cyrillic, punctuation, arrows…) pass; any
    /// other text is read by characters.
    static func isOneScalarPerCharacter(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !scalar.isASCII {
            switch scalar.value {
            case 0x00A0...0x02FF,  // Latin-1, Latin Extended, spacing modifier letters
                 0x0400...0x0482, 0x048A...0x052F,  // Cyrillic without its combining marks
                 0x2010...0x2027, 0x2030...0x205E,  // punctuation: dashes, quotes, bullets, ‰
                 0x20A0...0x20C0,  // currency signs
                 0x2100...0x214F,  // letterlike symbols: №, ™, ℃
                 0x2190...0x21FF:  // arrows
                continue
            default:
                return false
            }
        }
        return true
    }
}
