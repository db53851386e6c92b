import Foundation

/// Writing CSV fields the way RFC 4180 and spreadsheet users need them.
public enum CSVFormat {
    /// The field quoted when it holds the delimiter, a quote, CR or LF; quotes doubled.
    public static func quoted(_ field: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        let needsQuotes = field.utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
