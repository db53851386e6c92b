import Foundation
import XLSXReader

/// Reads one sheet of an XLSX response file as records, the way `CSVFileReader` reads a CSV
/// file, so its rows enter the importer where CSV records do (single-threaded).
///
/// The first row with a stored cell is the header; it sets the width (columns A through its
/// last cell). Each later row becomes one record of that width, blank where no cell is stored.
/// Cells become the text a person would have typed into a CSV: text as is, numbers as the file
/// writes them (`1E-3` spelled out as `0.001`), `TRUE`/`FALSE`, a formula error as its code
/// (`#N/A`, then listed as a problem by the question it answers), and a number whose style is a
/// date as an ISO date (`2013-01-25`, `2013-01-25T10:32:44`) in the workbook's date system.
/// A row with a value past the header's last column is rejected whole, not cut.
///
/// The line of a record is the sheet's row number, and field `i` is column `i + 1`, so a problem
/// at line 7, column 3 is cell `C7` (`ImportProblem.sheet`).
final class XLSXSheetRecords: RowSource {
    let path: String
    let sheet: String?
    let workbook: XLSXWorkbook
    let encoding = TextEncoding.utf8
    /// What the summary says about the workbook: which sheet was read, which were left.
    private(set) var notes: [String] = []
    private var current = CSVRecord()
    private(set) var currentRecordHasDefects = false

    init(path: String, sheet: String?) throws(ImportError) {
        self.path = path
        do throws(XLSXError) {
            workbook = try XLSXWorkbook(path: path)
            if let sheet {
                self.sheet = try workbook.sheet(named: sheet).name
            } else {
                self.sheet = try workbook.firstSheet().name
            }
        } catch {
            throw .workbook(error)
        }
        let name = self.sheet ?? ""
        let others = workbook.sheetNames.filter { $0 != name }
        var note = "\(path): read sheet `\(name)`" + (sheet == nil ? " (the first)" : "")
        if !others.isEmpty { note += "; other sheets left unread: " + others.map { "`\($0)`" }.joined(separator: ", ") + " (--sheet NAME)" }
        notes.append(note)
    }

    /// Reads the sheet, calling `handle` with the header and every later row.
    func read(_ handle: @escaping (CSVFileReader.Event) throws -> Void) throws {
        var width: Int?
        let dates = workbook.dateSystem
        do {
            try workbook.forEachRow(inSheet: sheet ?? "") { row in
                guard let columns = width else {
                    width = row.lastColumn
                    try self.handleRecord(XLSXSheetRecords.record(row.values(), dates: dates), line: row.number, handle)
                    return
                }
                let overflow = row.cells.filter { $0.reference.column > columns && !$0.value.text.isEmpty }
                // Cells past the header that hold nothing (an empty string) are dropped like blanks.
                let record = XLSXSheetRecords.record(Array(row.values(through: columns).prefix(columns)), dates: dates)
                guard overflow.isEmpty else {
                    let cells = overflow.prefix(3).map { "\($0.reference) `\(XLSXSheetRecords.text($0, dates: dates))`" }.joined(separator: ", ")
                    let reason = "\(overflow.count) value\(overflow.count == 1 ? "" : "s") past the header's last column \(XLSXCellReference.columnName(columns)) (\(cells)); give the column a header or clear the cells"
                    let raw = String(CSVFormat.line(XLSXSheetRecords.record(row.values(), dates: dates).strings).dropLast())
                    try handle(.malformed(line: row.number, raw: raw, reason: reason))
                    return
                }
                try self.handleRecord(record, line: row.number, handle)
            }
        } catch let error as XLSXError {
            throw ImportError.workbook(error)
        } catch ImportError.noQuestionColumns(_, let headers, _) where workbook.sheetNames.count > 1 {
            // The data may be on another sheet (a notes sheet first): say which there are.
            throw ImportError.noQuestionColumnsInSheet(path: path, sheet: sheet ?? "", headers: headers,
                                                       otherSheets: workbook.sheetNames.filter { $0 != sheet })
        }
    }

    private func handleRecord(_ record: CSVRecord, line: Int, _ handle: (CSVFileReader.Event) throws -> Void) throws {
        current = record
        // `_x0000_` decodes to NUL, which the importer lists as it does in a CSV file.
        currentRecordHasDefects = record.bytes.contains(0)
        defer { currentRecordHasDefects = false }
        try handle(.record(record, line: line))
    }

    /// An XLSX is never the canonical responses file: its cells are read as an export's.
    var mayBeCanonical: Bool { false }

    /// The record being handled as one CSV line, for the rejects file.
    var currentRecordText: String {
        String(CSVFormat.line(current.strings).dropLast())
    }

    var readingNotes: [String] { notes }

    /// Whether `path` is read as a workbook: named `.xlsx`/`.xlsm`, or a regular file that
    /// starts like a zip (`PK\3\4`, which no CSV does). A pipe is never sniffed, so its bytes
    /// stay for the CSV reader.
    static func isWorkbook(_ path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") { return true }
        guard RegularFile.identity(of: path) != nil, let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        var status = stat()
        guard fstat(file.fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        let head = (try? file.read(upToCount: 4)) ?? Data()
        return head == Data([0x50, 0x4B, 0x03, 0x04])
    }

    private struct Settled: Error {}

    /// Reads the sheet once more for one column's slashed timestamps (see `TimestampOrderScan`).
    func timestampOrder(column: Int) -> DayMonthOrder? {
        var seen: Set<DayMonthOrder> = []
        var header = true
        let dates = workbook.dateSystem
        try? workbook.forEachRow(inSheet: sheet ?? "") { row in
            if header {
                header = false
                return
            }
            guard let cell = row[column + 1] else { return }
            var text = XLSXSheetRecords.text(cell, dates: dates)
            if let found = text.withUTF8({ TimestampParser.evidence($0) }) { seen.insert(found) }
            if seen.count == DayMonthOrder.allCases.count { throw Settled() }
        }
        return seen.count == 1 ? seen.first : nil
    }

    private static func record(_ cells: [XLSXCell?], dates: XLSXDateSystem) -> CSVRecord {
        var record = CSVRecord()
        for cell in cells {
            if let cell {
                record.append(text(cell, dates: dates).utf8)
            } else {
                record.append(EmptyCollection<UInt8>())
            }
        }
        return record
    }

    /// A cell as the text a CSV export would hold.
    static func text(_ cell: XLSXCell, dates: XLSXDateSystem) -> String {
        guard case .number(let literal) = cell.value else { return cell.value.text }
        if cell.isDate, let serial = Double(literal), let dateTime = dates.dateTime(serial: serial) {
            if serial < 1, dates == .from1900 {
                // A time of day alone (Excel shows 1900-01-00): the time is what was typed.
                return String(dateTime.description.suffix(8))
            }
            return dateTime.description
        }
        return plainDecimal(literal)
    }

    /// `1E-3` → `0.001`, `-2.5E+3` → `-2500`; other literals unchanged. Excel and XlsxWriter
    /// write very small and very large numbers with an exponent, which answers never use.
    static func plainDecimal(_ literal: String) -> String {
        guard let e = literal.firstIndex(where: { $0 == "E" || $0 == "e" }), let exponent = Int(literal[literal.index(after: e)...]) else { return literal }
        var mantissa = literal[..<e]
        var sign = ""
        if mantissa.first == "-" || mantissa.first == "+" {
            if mantissa.first == "-" { sign = "-" }
            mantissa = mantissa.dropFirst()
        }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = Array(mantissa.filter { $0 != "." })
        guard digits.allSatisfy(\.isNumber), !digits.isEmpty else { return literal }
        let position = point + exponent
        var whole: [Character]
        var fraction: [Character]
        if position <= 0 {
            whole = ["0"]
            fraction = Array(repeating: "0", count: -position) + digits
        } else if position >= digits.count {
            whole = digits + Array(repeating: "0", count: position - digits.count)
            fraction = []
        } else {
            whole = Array(digits[..<position])
            fraction = Array(digits[position...])
        }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        let text = String(whole) + (fraction.isEmpty ? "" : "." + String(fraction))
        return text == "0" ? text : sign + text
    }
}
