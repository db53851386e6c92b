import SurveyModel

/// Guesses the field delimiter from the first lines of a file.
///
/// Excel writes `;` in locales whose decimal mark is a comma (Russian among them), Google
/// Forms and KoboToolbox write `,` or `;`, "Unicode text" exports use tabs. The delimiter that
/// appears in the header and the same number of times on most of the following lines wins.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static func sniff(_ text: ArraySlice<UInt8>, maxLines: Int = 30) -> UInt8 {
        let lines = logicalLines(text, maxLines: maxLines)
        guard let header = lines.first else { return UInt8(ascii: ",") }
        var best: (delimiter: UInt8, agreeing: Int, count: Int)?
        for delimiter in candidates {
            let headerCount = count(delimiter, in: header)
            guard headerCount > 0 else { continue }
            let agreeing = lines.dropFirst().filter { count(delimiter, in: $0) == headerCount }.count
            if best == nil || agreeing > best!.agreeing || (agreeing == best!.agreeing && headerCount > best!.count) {
                best = (delimiter, agreeing, headerCount)
            }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    /// Records' bytes (newlines inside quotes kept inside), up to `maxLines`.
    private static func logicalLines(_ text: ArraySlice<UInt8>, maxLines: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = text.startIndex
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex, lines.count < maxLines {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == 0x0A, !quoted {
                lines.append(text[start..<index])
                start = index + 1
            }
            index += 1
        }
        if lines.count < maxLines, start < text.endIndex, index == text.endIndex { lines.append(text[start..<text.endIndex]) }
        return lines.filter { !$0.allSatisfy { $0 == 0x0D || $0 == 0x20 } }
    }

    private static func count(_ delimiter: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var quoted = false
        var total = 0
        for byte in line {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == delimiter, !quoted { total += 1 }
        }
        return total
    }

    /// A readable name for messages: `,` `;` `tab` `|` `§`.
    static func name(_ delimiter: Unicode.Scalar) -> String {
        delimiter == "\t" ? "tab" : VisibleText.line(String(delimiter))
    }

    static func name(_ delimiter: UInt8) -> String { name(Unicode.Scalar(delimiter)) }
}
