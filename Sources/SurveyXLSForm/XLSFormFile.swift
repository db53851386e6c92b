import Foundation
import XLSXReader
import XLSXWriter

/// The XLSX side of an XLSForm: reads the three sheets through `XLSXReader` and writes them
/// through `XLSXWriter`; everything else works on `XLSFormWorkbook` rows.
public enum XLSFormFile {
    /// The sheets an XLSForm consists of; others (Kobo's `builder`, notes) are not read.
    static let formSheets = ["survey", "choices", "settings"]

    /// Reads the XLSForm at `path`.
    public static func read(path: String) throws(XLSFormError) -> XLSFormWorkbook {
        do {
            let workbook = try XLSXWorkbook(path: path)
            var sheets: [XLSFormSheet] = []
            for name in workbook.sheetNames {
                guard formSheets.contains(name.lowercased()) else {
                    sheets.append(XLSFormSheet(name: name, rows: []))
                    continue
                }
                let rows = try workbook.rows(inSheet: name).map { row in
                    XLSFormRow(number: row.number, cells: Dictionary(row.cells.map { ($0.reference.column - firstColumn, text($0.value)) }, uniquingKeysWith: { a, _ in a }))
                }
                sheets.append(XLSFormSheet(name: name, rows: rows))
            }
            return XLSFormWorkbook(sheets: sheets)
        } catch let error as XLSXError {
            throw .unreadable(path: path, reason: reason(error.errorDescription ?? "\(error)", path: path))
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// `XLSXCellReference.column` counts from this (column A).
    private static let firstColumn = XLSXCellReference("A1")!.column

    /// A cell as the form's author typed it: numbers as written (`1`, not `1.0`).
    private static func text(_ value: XLSXCellValue) -> String {
        if case .number(let literal) = value, let number = Double(literal), number == number.rounded(), abs(number) < 1e15, literal.contains(".") || literal.lowercased().contains("e") {
            return String(Int64(number))
        }
        return value.text
    }

    private static func reason(_ message: String, path: String) -> String {
        message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }

    /// Writes `form` as an .xlsx file at `path`, with the header rows frozen and bold.
    public static func write(_ form: XLSFormWorkbook, to path: String) throws(XLSFormError) {
        var workbook = Workbook(title: nil, created: Date(timeIntervalSince1970: 1_356_998_400))
        let header = CellStyle(bold: true)
        for sheet in form.sheets {
            var worksheet = Worksheet(name: sheet.name)
            for (index, row) in sheet.table.enumerated() {
                _ = worksheet.append(row.map { $0.isEmpty ? nil : Cell.text($0, index == 0 ? header : .plain) })
            }
            worksheet.frozenRows = 1
            let width = sheet.table.first?.count ?? 0
            if width > 0 { worksheet.setWidth(24, columns: 0...(width - 1)) }
            workbook.sheets.append(worksheet)
        }
        do {
            try workbook.write(to: path)
        } catch {
            throw .writeFailed(path: path, reason: reason(error.errorDescription ?? "\(error)", path: path))
        }
    }
}
