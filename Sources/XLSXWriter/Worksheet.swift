/// One sheet of a workbook as values: cells by row and column, column widths, frozen header
/// rows, an autofilter and the charts placed on it. Nothing touches libxlsxwriter until
/// `Workbook.write(to:)`.
public struct Worksheet: Sendable, Equatable {
    /// Excel's limits: rows and columns of a sheet, characters in a cell, in a sheet name.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    public static let maxTextLength = 32_767
    public static let maxNameLength = 31

    /// The name on the sheet's tab (checked when written: see `Workbook.problem(withSheetName:)`).
    public var name: String
    /// Rows of cells; a nil cell is left empty.
    public private(set) var rows: [[Cell?]] = []
    /// Column widths in Excel's character units, by zero-based column.
    public var columnWidths: [Int: Double] = [:]
    /// Rows and columns kept in view while scrolling (1, 0: the header row).
    public var frozenRows = 0
    public var frozenColumns = 0
    /// The range that gets Excel's filter buttons (its first row is the header).
    public var autofilter: CellRange?
    /// Charts drawn on this sheet.
    public var charts: [BarChart] = []

    public init(name: String) {
        self.name = name
    }

    /// The row the next `append` fills.
    public var nextRow: Int { rows.count }

    /// The cell at a place, or nil when empty.
    public subscript(row: Int, column: Int) -> Cell? {
        get {
            guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return nil }
            return rows[row][column]
        }
        set {
            precondition(row >= 0 && column >= 0, "cell places count from zero")
            while rows.count <= row { rows.append([]) }
            while rows[row].count <= column { rows[row].append(nil) }
            rows[row][column] = newValue
        }
    }

    /// Adds a row under the last one; returns its index.
    @discardableResult
    public mutating func append(_ cells: [Cell?]) -> Int {
        rows.append(cells)
        return rows.count - 1
    }

    /// Adds an empty row.
    public mutating func appendBlankRow() {
        rows.append([])
    }

    /// Sets one width for every column in `columns`.
    public mutating func setWidth(_ width: Double, columns: ClosedRange<Int>) {
        for column in columns { columnWidths[column] = width }
    }
}
