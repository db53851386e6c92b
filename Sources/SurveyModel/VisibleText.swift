/// Makes characters that act instead of showing visible, as `\u{1B}`, before user text
/// (answers, headers, ids, labels, file names) reaches a terminal or a report.
///
/// An answer is data, but a terminal obeys ESC and the other C0/C1 controls (clear the screen,
/// retitle the window, fake a prompt), a bidi override (U+202E) reorders the text after it,
/// and zero-width characters make two different values look the same. So every place that
/// shows user text passes it through here: `Terminal.error` for every message, `survey stats`
/// text, the terminal form's lines, and the report's HTML, SVG and Markdown escaping. Each
/// such character is written as `\u{HEX}` (Swift's spelling, upper-case hex), so nothing is
/// hidden and nothing is dropped. A backslash is left as it is: the result is plain text
/// whose control characters are gone, and escaping it again changes nothing.
public enum VisibleText {
    /// What is made visible, by where the text goes.
    public enum Audience: Sendable {
        /// A message on the terminal (stderr): every control, bidi and zero-width character
        /// except the line feed, which separates the lines of a message.
        case message
        /// One line on the terminal (`survey stats` cells, the form): like `.message`, and the
        /// line feed too.
        case line
        /// A report (HTML, SVG, Markdown): controls that XML 1.0 forbids or that a reader
        /// cannot see, and bidi controls, which could reorder the text after an answer. Tab,
        /// line feed and carriage return are kept (the renderers lay them out); the joiners
        /// U+200C and U+200D are kept too, because emoji and several scripts are written with
        /// them and they cannot reorder or hide text.
        case report
    }

    /// `text` with every character that `audience` must not receive raw written as `\u{HEX}`.
    /// Returns `text` itself (no copy) when there is nothing to change.
    public static func escaped(_ text: String, for audience: Audience) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, for: audience) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, for: audience) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A message for stderr: see `Audience.message`.
    public static func message(_ text: String) -> String { escaped(text, for: .message) }

    /// One terminal line: see `Audience.line`.
    public static func line(_ text: String) -> String { escaped(text, for: .line) }

    /// Text for a report: see `Audience.report`.
    public static func report(_ text: String) -> String { escaped(text, for: .report) }

    /// Whether `scalar` is shown as `\u{HEX}` to `audience`.
    public static func needsEscape(_ scalar: Unicode.Scalar, for audience: Audience) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        switch value {
        case 0x0A:
            return audience == .line
        case 0x09, 0x0D:
            return audience != .report
        case 0x00...0x1F, 0x7F...0x9F:
            return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            // Bidi marks, embeddings, overrides and isolates.
            return true
        case 0x200B, 0x2060, 0xFEFF:
            // Zero-width space, word joiner, zero-width no-break space (a stray BOM).
            return true
        case 0x200C, 0x200D:
            // Zero-width non-joiner and joiner.
            return audience != .report
        case 0x2028, 0x2029, 0xFFFE, 0xFFFF:
            // Line and paragraph separators break a terminal line invisibly; U+FFFE and
            // U+FFFF are not characters in XML 1.0.
            return true
        default:
            return false
        }
    }
}
