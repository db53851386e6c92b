/// How the numbers of a questionnaire (or of one question) are written: which character is the
/// decimal mark and which ones separate thousands.
///
/// Declared in the definition (`number_format:`), by default from `language`: `en` writes
/// `1,500.25` or `1 500.25`, `ru` writes `1 500,25` or `1.500,25`. A value is read by the declared
/// convention and checked against the other one, so that `1,500` is never silently 1.5 where it
/// may be 1500 (`DecimalNumber.read(_:in:)`).
public struct NumberConvention: Sendable, Hashable {
    /// `.` or `,`.
    public var decimalMark: Character
    /// Thousands separators, any of ` ` (also no-break and narrow no-break spaces), `,` and `.`,
    /// never the decimal mark.
    public var grouping: Set<Character>

    public init(decimalMark: Character, grouping: Set<Character>) {
        self.decimalMark = decimalMark
        self.grouping = grouping.subtracting([decimalMark])
    }

    /// Decimal point, thousands by comma or space: `1,500.25`, `1 500.25` (English).
    public static let decimalPoint = NumberConvention(decimalMark: ".", grouping: [",", " "])
    /// Decimal comma, thousands by space or point: `1 500,25`, `1.500,25` (Russian, most of Europe).
    public static let decimalComma = NumberConvention(decimalMark: ",", grouping: [" ", "."])

    /// Languages that write a decimal comma; every other language gets the decimal point.
    public static let decimalCommaLanguages: Set<String> = [
        "ru", "uk", "be", "kk", "ky", "uz", "tg", "az", "hy", "ka", "mn", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk",
        "tr", "ro", "bg", "sr", "hr", "sl", "hu", "fi", "sv", "da", "nb", "no", "lt", "lv", "et", "el", "id",
    ]

    /// The convention of `language` (`en`, `ru`, `ru-KG`…).
    public static func of(language: String) -> NumberConvention {
        let base = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return decimalCommaLanguages.contains(base) ? .decimalComma : .decimalPoint
    }

    /// `decimal_point`, `decimal_comma` or a language code (`en`, `ru`, `pt-BR`) as
    /// `number_format:` and `--number-format` take them; nil for anything else.
    public init?(name: String) {
        switch name {
        case "decimal_point": self = .decimalPoint
        case "decimal_comma": self = .decimalComma
        default:
            guard name.count >= 2, name.count <= 8, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
            self = .of(language: name)
        }
    }

    /// The convention with the other decimal mark: what a value that fails this one was
    /// probably written in.
    public var other: NumberConvention {
        decimalMark == "." ? .decimalComma : .decimalPoint
    }

    /// How numbers look in this convention, for messages: `1,500.25 or 1 500.25`.
    public var example: String {
        let order: [Character] = decimalMark == "." ? [",", " ", "."] : [" ", ".", ","]
        let separators = order.filter { grouping.contains($0) }
        let fraction = "\(decimalMark)25"
        guard !separators.isEmpty else { return "1500\(fraction)" }
        return separators.map { "1\($0)500\(fraction)" }.joined(separator: " or ")
    }

    /// `decimal point` or `decimal comma`.
    public var name: String {
        decimalMark == "." ? "decimal point" : "decimal comma"
    }
}
