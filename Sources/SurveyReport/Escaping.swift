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
    static func markdown(_ text: String) -> String {
        let text = VisibleText.report(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
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

    /// Markdown for a table cell: escaped, and line breaks (which end a table row) as `<br>`.
    static func markdownCell(_ text: String) -> String {
        markdown(text).replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>").replacingOccurrences(of: "\r", with: "<br>")
    }

    /// Markdown for a block quote: each line prefixed with `> `.
    static func markdownQuote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + markdown(String($0)) }.joined(separator: "\n")
    }
}
