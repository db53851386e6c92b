import Foundation
import SurveyModel

/// How to read an input file when sniffing is not enough.
public struct ImportOptions: Sendable {
    /// Force an encoding instead of detecting it.
    public var encoding: TextEncoding?
    /// Force a delimiter instead of sniffing it: any one character, `§` and `；` included.
    public var delimiter: Unicode.Scalar?
    /// Header text → question id (or `respondent`, `timestamp`, `-` to ignore, `question/code` for a 0/1 column).
    public var columnMap: [String: String]
    /// The column holding respondent ids.
    public var idColumn: String?
    /// How numbers are written in these inputs, for every question, instead of the definition's
    /// `number_format:` (`--number-format`: an export from a spreadsheet in another locale).
    public var numberConvention: NumberConvention?
    /// Which way round slashed submission dates (`04/05/2021`) are written
    /// (`--timestamp-format mdy|dmy`); nil: worked out from the column, per file.
    public var timestampOrder: DayMonthOrder?
    /// The sheet of XLSX inputs to read (`--sheet`); nil: the first.
    public var sheet: String?

    public init(encoding: TextEncoding? = nil, delimiter: Unicode.Scalar? = nil, columnMap: [String: String] = [:], idColumn: String? = nil,
                numberConvention: NumberConvention? = nil, timestampOrder: DayMonthOrder? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.columnMap = columnMap
        self.idColumn = idColumn
        self.numberConvention = numberConvention
        self.timestampOrder = timestampOrder
    }

    /// Options with a one-byte (ASCII) delimiter.
    public init(encoding: TextEncoding? = nil, delimiter: UInt8, columnMap: [String: String] = [:], idColumn: String? = nil,
                numberConvention: NumberConvention? = nil) {
        self.init(encoding: encoding, delimiter: Unicode.Scalar(delimiter), columnMap: columnMap, idColumn: idColumn, numberConvention: numberConvention)
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

    /// Reads a `--delimiter` value: one character (any Unicode character: `,` `;` `|` `§` `¦`
    /// `；`), or `tab`, `comma`, `semicolon`. Nil when it cannot be one (`delimiterRefusal` says why).
    public static func delimiter(_ text: String) -> Unicode.Scalar? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return "\t"
        case "comma": return ","
        case "semicolon": return ";"
        default:
            let scalars = Array(text.unicodeScalars)
            guard scalars.count == 1, !["\"", "\n", "\r", "\0"].contains(scalars[0]) else { return nil }
            return scalars[0]
        }
    }

    /// Why `text` cannot be a `--delimiter`, for the usage error.
    public static func delimiterRefusal(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let shown = VisibleText.line(text)
        switch scalars.count {
        case 0:
            return "--delimiter is empty; give one character (, ; | § …) or `tab`"
        case 1 where scalars[0] == "\"":
            return "--delimiter must be one character other than the quote \", which encloses fields; not \"\\\"\""
        case 1:
            return "--delimiter must be one character, not a line break or NUL (\(shown))"
        default:
            let names = scalars.map { $0.properties.generalCategory == .nonspacingMark || VisibleText.needsEscape($0, for: .line)
                ? "U+" + String($0.value, radix: 16, uppercase: true) : String($0) }
            return "--delimiter must be one character (, ; | § …) or `tab`, not \"\(shown)\": that is \(scalars.count) characters (\(names.joined(separator: ", ")))"
        }
    }
}
