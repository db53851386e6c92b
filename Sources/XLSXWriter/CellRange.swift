/// A cell's place: zero-based row and column, as libxlsxwriter counts them.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var column: Int

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
    public var first: CellReference
    public var last: CellReference

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        first = CellReference(row: firstRow, column: firstColumn)
        last = CellReference(row: lastRow, column: lastColumn)
    }

    /// `A1:C9`.
    public var description: String { "\(first):\(last)" }
}
