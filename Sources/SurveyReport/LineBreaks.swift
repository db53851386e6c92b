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
