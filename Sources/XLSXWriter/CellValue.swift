/// What a cell holds. Text stays text even when it looks like a number or a formula
/// (`=SUM(A1)`, `0012`): a workbook of answers never computes anything a respondent typed.
public enum CellValue: Sendable, Equatable {
    /// A string cell, written as given (control characters escaped the way Excel does).
    case text(String)
    /// A numeric cell; its style's number format decides how it looks (`0.0%` shows 0.25 as 25.0%).
    case number(Double)
}

/// One written cell: its value and its look.
public struct Cell: Sendable, Equatable {
    public var value: CellValue
    public var style: CellStyle

    public init(_ value: CellValue, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// A text cell.
    public static func text(_ text: String, _ style: CellStyle = .plain) -> Cell { Cell(.text(text), style: style) }
    /// A number cell.
    public static func number(_ number: Double, _ style: CellStyle = .plain) -> Cell { Cell(.number(number), style: style) }
    /// A whole-number cell.
    public static func number(_ number: Int, _ style: CellStyle = .plain) -> Cell { Cell(.number(Double(number)), style: style) }
}
