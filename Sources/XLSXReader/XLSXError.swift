import Foundation

/// Why a workbook or one of its sheets cannot be read. Each message names the file, and the
/// part, sheet or cell where that helps, and says what to do.
public enum XLSXError: Error, LocalizedError, Equatable {
    /// The file cannot be opened (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// The file is not a zip archive, or a zip without an Excel workbook inside.
    case notAWorkbook(path: String, reason: String)
    /// A part the workbook refers to is absent from the zip.
    case missingPart(path: String, part: String)
    /// A part's XML is broken at `line`:`column`.
    case malformedPart(path: String, part: String, line: Int, column: Int, message: String)
    /// No sheet has this name.
    case unknownSheet(path: String, name: String, sheets: [String])
    /// The workbook lists no sheet at all.
    case noSheets(path: String)
    /// A cell whose stored value makes no sense (a shared string index past the table,
    /// a reference out of order or past Excel's limits).
    case badCell(path: String, sheet: String, cell: String, reason: String)
    /// The zip could not be inflated (truncated, bad checksum).
    case damagedArchive(path: String, part: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the file: \(reason)"
        case .notAWorkbook(let path, let reason):
            "\(path): not an Excel workbook (.xlsx): \(reason); save it from Excel, LibreOffice or KoboToolbox as .xlsx (Excel 2007+), or export it as CSV"
        case .missingPart(let path, let part):
            "\(path): the workbook refers to \(part), which is not in the file; the file is damaged: open and re-save it in Excel or LibreOffice"
        case .malformedPart(let path, let part, let line, let column, let message):
            "\(path): \(part):\(line):\(column): broken XML: \(message); the file is damaged: open and re-save it in Excel or LibreOffice"
        case .unknownSheet(let path, let name, let sheets):
            "\(path): no sheet named `\(name)`; the sheets are \(sheets.map { "`\($0)`" }.joined(separator: ", ")) (--sheet NAME)"
        case .noSheets(let path):
            "\(path): the workbook has no sheets"
        case .badCell(let path, let sheet, let cell, let reason):
            "\(path): \(XLSXError.sheetReference(sheet, cell)): \(reason); the file is damaged: open and re-save it in Excel or LibreOffice"
        case .damagedArchive(let path, let part, let reason):
            "\(path): \(part) cannot be unpacked: \(reason); the file is damaged or cut short: copy or download it again"
        }
    }

    /// The workbook the error is about.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .notAWorkbook(let path, _), .missingPart(let path, _), .malformedPart(let path, _, _, _, _),
             .unknownSheet(let path, _, _), .noSheets(let path), .badCell(let path, _, _, _), .damagedArchive(let path, _, _):
            path
        }
    }

    /// The message without the leading `PATH: `, for callers that print the path their own way.
    public var reason: String {
        let text = errorDescription ?? ""
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    /// `Sheet!C7`, with the sheet name quoted as Excel quotes it when it holds spaces or punctuation
    /// (`'My data'!C7`).
    public static func sheetReference(_ sheet: String, _ cell: String) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || CharacterSet.alphanumerics.contains($0) }
        let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return name + "!" + cell
    }
}
