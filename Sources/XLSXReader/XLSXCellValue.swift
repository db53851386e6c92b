/// What a cell holds, as the file stores it: nothing is converted that a reader might want raw.
public enum XLSXCellValue: Sendable, Hashable {
    /// A shared, inline or formula-result string (`_x000D_`-style escapes decoded).
    case text(String)
    /// A number as written in the file (`4.25`, `1E-3`, `45292.5`): the literal, so no digit is
    /// lost to a binary round trip. When the cell's style is a date or time format, this is a
    /// date serial (`XLSXCell.isDate`, `XLSXDateSystem`).
    case number(String)
    /// `TRUE` or `FALSE` (`t="b"`).
    case boolean(Bool)
    /// An ISO 8601 date or time written as text with `t="d"` (strict Open XML).
    case isoDate(String)
    /// A formula error such as `#N/A` or `#DIV/0!` (`t="e"`).
    case error(String)

    /// The value as a person would type it in a CSV: text as is, numbers as written,
    /// booleans `TRUE`/`FALSE`, errors as their code.
    public var text: String {
        switch self {
        case .text(let text), .number(let text), .isoDate(let text), .error(let text): text
        case .boolean(let value): value ? "TRUE" : "FALSE"
        }
    }

    /// The number, for `.number`; nil otherwise.
    public var number: Double? {
        if case .number(let literal) = self { return Double(literal) }
        return nil
    }
}
