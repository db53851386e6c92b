import Foundation

/// Why a workbook could not be written. Content problems (a name Excel refuses, a text longer
/// than a cell holds) are found before anything is written; `writeFailed` comes from the disk.
public enum XLSXWriterError: Error, LocalizedError, Sendable, Equatable {
    /// A sheet name Excel refuses: empty, longer than 31 characters, holding one of `[]:*?/\`,
    /// starting or ending with an apostrophe, or used twice (Excel ignores case).
    case invalidSheetName(name: String, reason: String)
    /// A text longer than the 32,767 characters an Excel cell holds.
    case textTooLong(sheet: String, cell: String, length: Int)
    /// A cell past Excel's last row (1,048,576) or column (16,384, XFD).
    case outsideSheet(sheet: String, row: Int, column: Int)
    /// NaN or an infinity, which Excel has no cell for.
    case notAFiniteNumber(sheet: String, cell: String)
    /// A chart whose data sheet is not in the workbook.
    case unknownChartSheet(chart: String, sheet: String)
    /// The workbook file could not be written (libxlsxwriter's reason).
    case writeFailed(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .invalidSheetName(let name, let reason):
            return "sheet name \"\(name)\": \(reason). Choose a name of 1 to \(Worksheet.maxNameLength) characters without [ ] : * ? / \\"
        case .textTooLong(let sheet, let cell, let length):
            return "\(sheet)!\(cell): a text of \(length) characters does not fit in an Excel cell (at most \(Worksheet.maxTextLength)); shorten it or keep it in a CSV file"
        case .outsideSheet(let sheet, let row, let column):
            return "\(sheet): row \(row + 1), column \(column + 1) lies outside an Excel sheet (at most \(Worksheet.maxRows) rows and \(Worksheet.maxColumns) columns); split the data over several sheets or use CSV"
        case .notAFiniteNumber(let sheet, let cell):
            return "\(sheet)!\(cell): not a finite number, which an Excel cell cannot hold; write it as text or leave the cell empty"
        case .unknownChartSheet(let chart, let sheet):
            return "chart \"\(chart)\" reads its data from sheet \"\(sheet)\", which is not in the workbook"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write the workbook: \(reason)"
        }
    }
}
