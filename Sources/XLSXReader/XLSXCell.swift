/// One stored cell of a sheet: where it is, what it holds, and whether its style shows a date.
public struct XLSXCell: Sendable, Hashable {
    /// Where the cell is (`C7`).
    public var reference: XLSXCellReference
    /// The stored value.
    public var value: XLSXCellValue
    /// Whether the cell's number format is a date or time format, so that a `.number` is a
    /// date serial in the workbook's `XLSXDateSystem` (Excel stores dates as numbers and only
    /// the style tells them apart).
    public var isDate: Bool

    public init(reference: XLSXCellReference, value: XLSXCellValue, isDate: Bool = false) {
        self.reference = reference
        self.value = value
        self.isDate = isDate
    }
}
