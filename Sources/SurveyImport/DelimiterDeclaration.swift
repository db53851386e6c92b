/// Excel's `sep=;` first line: a declaration of the delimiter, not a header row.
///
/// Excel writes and reads `sep=X` as the first line to name the delimiter regardless of the
/// locale; when such a file is saved again the line becomes a cell of its own, quoted and
/// padded with delimiters (`"sep=;";;;`). Both forms are understood, after a BOM, with any
/// single character (`sep=§`), and with a tab written as the character itself or as `\t`.
struct DelimiterDeclaration: Equatable {
    /// The delimiter declared.
    var delimiter: Unicode.Scalar
    /// Bytes of the declaration line, with its line end.
    var length: Int

    /// Reads the declaration at the start of `text` (UTF-8, BOM already skipped), if it is one.
    init?(_ text: ArraySlice<UInt8>) {
        let prefix = text.prefix(5).map { $0 | 0x20 }
        guard prefix.starts(with: Array("sep=".utf8)) || prefix.starts(with: Array("\"sep=".utf8)) else { return nil }
        // The line ends at LF, CRLF or a lone CR (Excel's "CSV (Macintosh)").
        let lineEnd = text.firstIndex { $0 == 0x0A || $0 == 0x0D }
        var end = text.endIndex
        if let lineEnd {
            end = lineEnd + 1
            if text[lineEnd] == 0x0D, end < text.endIndex, text[end] == 0x0A { end += 1 }
        }
        var line = Substring(String(decoding: text[text.startIndex..<(lineEnd ?? text.endIndex)], as: UTF8.self)).unicodeScalars
        let quoted = line.first == "\""
        if quoted { line.removeFirst() }
        line.removeFirst(4)
        let delimiter: Unicode.Scalar
        if line.starts(with: "\\t".unicodeScalars) {
            delimiter = "\t"
            line.removeFirst(2)
        } else if let first = line.first, first != "\"" {
            delimiter = first
            line.removeFirst()
        } else {
            return nil
        }
        if quoted {
            guard line.first == "\"" else { return nil }
            line.removeFirst()
        }
        guard line.allSatisfy({ $0 == delimiter }), delimiter != "\n", delimiter != "\r" else { return nil }
        self.delimiter = delimiter
        length = text.distance(from: text.startIndex, to: end)
    }
}
