import Foundation

/// An Excel workbook as values: sheets in tab order and the document's properties.
/// `write(to:)` checks everything Excel would refuse first (names, text lengths, places,
/// numbers), then hands the workbook to libxlsxwriter in one go (`XLSXFile`).
public struct Workbook: Sendable, Equatable {
    /// Sheets in tab order; the first is the one Excel opens on.
    public var sheets: [Worksheet] = []
    /// Document properties shown in Excel's File ▸ Info.
    public var title: String?
    public var subject: String?
    public var author: String?
    public var comments: String?
    /// The creation time stored in the file. Same workbook and same `created` give the same
    /// bytes; nil stores the moment of writing (so two runs differ).
    public var created: Date?

    public init(sheets: [Worksheet] = [], title: String? = nil, created: Date? = nil) {
        self.sheets = sheets
        self.title = title
        self.created = created
    }

    /// Why Excel would refuse `name` as a sheet name, or nil when it takes it. `taken` are the
    /// names already in the workbook (compared ignoring case, as Excel does).
    public static func problem(withSheetName name: String, taken: [String] = []) -> String? {
        if name.isEmpty { return "a sheet needs a name" }
        if name.utf16.count > Worksheet.maxNameLength {
            return "\(name.utf16.count) characters, more than the \(Worksheet.maxNameLength) Excel allows"
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) { return "Excel does not allow \(bad) in a sheet name" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "Excel does not allow an apostrophe at the start or end of a sheet name" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "Excel does not allow control characters in a sheet name"
        }
        if name.lowercased() == "history" { return "Excel keeps the name History for itself" }
        if taken.contains(where: { $0.lowercased() == name.lowercased() }) { return "another sheet already has this name" }
        return nil
    }

    /// Checks the workbook as Excel would, then writes it as an .xlsx file at `path`
    /// (replacing a file there). Nothing is written when a check fails.
    public func write(to path: String) throws(XLSXWriterError) {
        try check()
        try XLSXFile.write(self, to: path)
    }

    /// The .xlsx file's bytes (libxlsxwriter only writes files: this goes through a private
    /// temporary file that is removed again).
    public func bytes() throws(XLSXWriterError) -> [UInt8] {
        try check()
        let folder = NSTemporaryDirectory()
        var template = Array((folder + (folder.hasSuffix("/") ? "" : "/") + "survey-workbook-XXXXXX.xlsx").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard descriptor >= 0 else {
            throw .writeFailed(path: folder, reason: "cannot make a temporary file: " + String(cString: strerror(errno)))
        }
        close(descriptor)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        try XLSXFile.write(self, to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .writeFailed(path: path, reason: "cannot read back the temporary file")
        }
        return [UInt8](data)
    }

    /// Everything Excel would refuse, found before libxlsxwriter sees the workbook.
    func check() throws(XLSXWriterError) {
        var names: [String] = []
        for sheet in sheets {
            if let problem = Self.problem(withSheetName: sheet.name, taken: names) {
                throw .invalidSheetName(name: sheet.name, reason: problem)
            }
            names.append(sheet.name)
        }
        for sheet in sheets {
            if sheet.rows.count > Worksheet.maxRows {
                throw .outsideSheet(sheet: sheet.name, row: sheet.rows.count - 1, column: 0)
            }
            for (row, cells) in sheet.rows.enumerated() {
                if cells.count > Worksheet.maxColumns { throw .outsideSheet(sheet: sheet.name, row: row, column: cells.count - 1) }
                for (column, cell) in cells.enumerated() {
                    switch cell?.value {
                    case .text(let text) where text.utf16.count > Worksheet.maxTextLength:
                        throw .textTooLong(sheet: sheet.name, cell: CellReference(row: row, column: column).description, length: text.utf16.count)
                    case .number(let number) where !number.isFinite:
                        throw .notAFiniteNumber(sheet: sheet.name, cell: CellReference(row: row, column: column).description)
                    default:
                        break
                    }
                }
            }
            let places = sheet.charts.map(\.anchor) + [sheet.autofilter?.first, sheet.autofilter?.last].compactMap { $0 }
                + sheet.charts.flatMap { [$0.categories.first, $0.categories.last, $0.values.first, $0.values.last] }
            if let outside = places.first(where: { $0.row < 0 || $0.column < 0 || $0.row >= Worksheet.maxRows || $0.column >= Worksheet.maxColumns }) {
                throw .outsideSheet(sheet: sheet.name, row: outside.row, column: outside.column)
            }
            if let width = sheet.columnWidths.keys.first(where: { $0 < 0 || $0 >= Worksheet.maxColumns }) {
                throw .outsideSheet(sheet: sheet.name, row: 0, column: width)
            }
            for chart in sheet.charts where !names.contains(chart.dataSheet) {
                throw .unknownChartSheet(chart: chart.title, sheet: chart.dataSheet)
            }
        }
    }
}
