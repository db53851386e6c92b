/// One row of a sheet with its stored cells, left to right. Cells that the file does not
/// store (blank) are absent; `values(through:)` fills them in.
public struct XLSXRow: Sendable, Hashable {
    /// The row number as Excel shows it (from 1). Rows the file skips (blank) are never reported,
    /// so numbers can jump.
    public var number: Int
    /// The stored cells in column order.
    public var cells: [XLSXCell]

    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column` (from 1), if stored.
    public subscript(column: Int) -> XLSXCell? {
        cells.first { $0.reference.column == column }
    }

    /// The last stored column, 0 for a row without cells.
    public var lastColumn: Int { cells.last?.reference.column ?? 0 }

    /// One slot per column from A through `lastColumn` (or more), nil where no cell is stored.
    public func values(through lastColumn: Int? = nil) -> [XLSXCell?] {
        var slots = [XLSXCell?](repeating: nil, count: max(lastColumn ?? self.lastColumn, self.lastColumn))
        for cell in cells { slots[cell.reference.column - 1] = cell }
        return slots
    }
}
