/// The line breaks of user text (`\r\n`, `\n` and a lone `\r`, each one break) replaced by
/// what a format writes for one, byte by byte.
///
/// Foundation's `replacingOccurrences` goes through NSString's UTF-16 search: with every
/// comment of 100,000 responses quoted (`--quotes all`, the default), its three calls per
/// answer in each format were a fifth of what `survey report` spent. It also skipped a break
/// that a combining mark or joiner follows (one "composed sequence" to NSString), which left
/// a raw line break inside a row of a Markdown table; every break is replaced here.
enum LineBreaks {
    static func replaced(in text: String, by replacement: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        let with = Array(replacement.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4 * with.count)
        var afterReturn = false
        for byte in utf8 {
            switch byte {
            case 0x0A:
                // The `\n` of `\r\n`: the `\r` stood for the break.
                if !afterReturn { out += with }
                afterReturn = false
            case 0x0D:
                out += with
                afterReturn = true
            default:
                out.append(byte)
                afterReturn = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension LineBreaks {
    /// `text` on one line, for a heading or an emphasis span: each run of line breaks as one
    /// space, and the whitespace at either end trimmed. A YAML block scalar (`title: |`) ends
    /// with a line break and may hold several, and a line break ends a Markdown heading and
    /// leaves `**…**` open; a space just inside the `**` makes it no emphasis at all. Nothing
    /// else in the text changes.
    static func joined(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var inBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !inBreak { out += " " }
                inBreak = true
            } else {
                out.unicodeScalars.append(scalar)
                inBreak = false
            }
        }
        let scalars = out.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
