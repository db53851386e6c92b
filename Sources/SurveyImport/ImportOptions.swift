import Foundation

/// How to read an input file when sniffing is not enough.
public struct ImportOptions: Sendable {
    /// Force an encoding instead of detecting it.
    public var encoding: TextEncoding?
    /// Force a delimiter byte instead of sniffing it.
    public var delimiter: UInt8?
    /// Header text → question id (or `respondent`, `timestamp`, `-` to ignore, `question/code` for a 0/1 column).
    public var columnMap: [String: String]
    /// The column holding respondent ids.
    public var idColumn: String?

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, columnMap: [String: String] = [:], idColumn: String? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.columnMap = columnMap
        self.idColumn = idColumn
    }

    /// Parses `--map 'Header text=question_id'` values; the last `=` splits, so headers may contain `=`.
    public static func columnMap(_ values: [String]) throws(ImportError) -> [String: String] {
        var map: [String: String] = [:]
        for value in values {
            guard let split = value.lastIndex(of: "=") else { throw .badMapping(value) }
            let header = String(value[..<split]).trimmingCharacters(in: .whitespaces)
            let target = String(value[value.index(after: split)...]).trimmingCharacters(in: .whitespaces)
            guard !header.isEmpty else { throw .badMapping(value) }
            map[header] = target
        }
        return map
    }

    /// Reads a `--delimiter` value: one character, or `tab`.
    public static func delimiter(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else { return nil }
            return byte
        }
    }
}
