/// An XLSForm as plain rows: the sheets `survey`, `choices` and `settings` with the text of
/// their cells, independent of how the workbook file was read or will be written.
///
/// Keeping the mapping on plain rows lets it be tested without a zip file, and keeps the one
/// place that reads or writes XLSX (`XLSFormFile`) small.
public struct XLSFormWorkbook: Sendable, Hashable {
    /// The workbook's sheets in file order.
    public var sheets: [XLSFormSheet]

    public init(sheets: [XLSFormSheet]) { self.sheets = sheets }

    /// The sheet called `name`, ignoring case (`Survey` and `survey` are the same sheet to Kobo).
    public func sheet(_ name: String) -> XLSFormSheet? {
        sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// One sheet: its name and its non-empty rows.
public struct XLSFormSheet: Sendable, Hashable {
    /// The sheet's name as the workbook spells it.
    public var name: String
    /// Rows in sheet order; blank rows may be absent.
    public var rows: [XLSFormRow]

    public init(name: String, rows: [XLSFormRow]) {
        self.name = name
        self.rows = rows
    }

    /// A sheet from rows of cell texts, the first being row 1 (for tests and for writing).
    public init(name: String, table: [[String]]) {
        self.name = name
        rows = table.enumerated().map { index, cells in
            XLSFormRow(number: index + 1, cells: Dictionary(uniqueKeysWithValues: cells.enumerated().compactMap { $0.element.isEmpty ? nil : ($0.offset, $0.element) }))
        }
    }

    /// The rows as a rectangle of texts (blank cells empty), for writing a workbook.
    public var table: [[String]] {
        let width = (rows.flatMap(\.cells.keys).max() ?? -1) + 1
        return rows.map { row in (0..<width).map { row.cells[$0] ?? "" } }
    }
}

/// One row of a sheet: its 1-based number and its cells by 0-based column.
public struct XLSFormRow: Sendable, Hashable {
    /// The row number as the spreadsheet shows it (1 for the header row).
    public var number: Int
    /// Cell texts by 0-based column index; blank cells are absent.
    public var cells: [Int: String]

    public init(number: Int, cells: [Int: String]) {
        self.number = number
        self.cells = cells
    }
}

/// Spreadsheet cell names (`H12`), for messages that point at a cell.
public enum CellName {
    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    public static func column(_ index: Int) -> String {
        var index = index + 1
        var letters: [Character] = []
        while index > 0 {
            let digit = (index - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + digit))))
            index = (index - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `survey!H12`: the sheet, the column letters and the row number.
    public static func reference(sheet: String, column: Int, row: Int) -> String {
        "\(sheet)!\(CellName.column(column))\(row)"
    }

    /// The 0-based column index of letters such as `H` or `AA`; nil for anything else.
    public static func columnIndex(_ letters: Substring) -> Int? {
        var value = 0
        for scalar in letters.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { return nil }
            value = value * 26 + Int(scalar.value - 64)
        }
        return value == 0 ? nil : value - 1
    }
}
