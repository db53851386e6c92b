import Foundation

/// Writing CSV fields the way RFC 4180 and spreadsheet users need them.
public enum CSVFormat {
    /// The field quoted when it holds the delimiter, a quote, CR or LF, or starts or ends with
    /// a space or tab (which libcsv, as most readers, trims around an unquoted field: an answer
    /// `"  x  "` came back as `x` from the file survey wrote); quotes doubled.
    ///
    /// Doubled byte by byte: Foundation's `replacingOccurrences` searched through NSString,
    /// which took a quote that a combining mark follows for part of one character and left it
    /// single, so the field's quoting ended there for every CSV reader.
    public static func quoted(_ field: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        let utf8 = field.utf8
        let (first, last) = (utf8.first, utf8.last)
        let padded = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        let needsQuotes = padded || utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// The field made safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`,
    /// tab or CR would run as a formula, so it gets a leading `'`.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    /// One CSV line (with LF) from fields.
    public static func line(_ fields: [String]) -> String {
        fields.map { quoted($0) }.joined(separator: ",") + "\n"
    }
}
