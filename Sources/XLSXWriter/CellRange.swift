/// A cell's place: zero-based row and column, as libxlsxwriter counts them.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based row (row 1 in Excel is 0).
    public var row: Int
    /// Zero-based column (A is 0).
    public var column: Int

    /// The cell at `row`, `column`, counted from zero.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The column's letters: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// `B7`: the name Excel shows and error messages use.
    public var description: String { Self.columnName(column) + String(row + 1) }
}

/// A rectangle of cells, both corners included.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    /// The top-left corner.
    public var first: CellReference
    /// The bottom-right corner.
    public var last: CellReference

    /// The cells from `firstRow`, `firstColumn` to `lastRow`, `lastColumn`, counted from zero.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        first = CellReference(row: firstRow, column: firstColumn)
        last = CellReference(row: lastRow, column: lastColumn)
    }

    /// `A1:C9`.
    public var description: String { "\(first):\(last)" }
}
