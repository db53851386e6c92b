import Foundation

/// Why an XLSForm could not be converted, or a definition could not be written as one.
/// `survey convert` prints these and exits 2 (a form or definition to fix) or 1 (a file that
/// cannot be read or written).
public enum XLSFormError: Error, LocalizedError, Sendable, Equatable {
    /// The workbook cannot be opened (empty, not a zip, not an XLSX).
    case unreadable(path: String, reason: String)
    /// A sheet the conversion needs is absent.
    case missingSheet(path: String, sheet: String, why: String, sheets: [String])
    /// A sheet lacks a column the conversion needs.
    case missingColumn(path: String, sheet: String, column: String, columns: [String])
    /// Cells that make the form unconvertible, each with its `sheet!A1` reference.
    case cells(path: String, [XLSFormProblem])
    /// The converted definition breaks a definition rule (the loader's messages, with the row).
    case definition(path: String, [String])
    /// The output file could not be written.
    case writeFailed(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .missingSheet(let path, let sheet, let why, let sheets):
            let found = sheets.isEmpty ? "it has no sheets" : "its sheets: " + sheets.joined(separator: ", ")
            return "\(path): the workbook has no `\(sheet)` sheet, \(why); \(found)"
        case .missingColumn(let path, let sheet, let column, let columns):
            let found = columns.isEmpty ? "the sheet has no header row" : "its columns: " + columns.joined(separator: ", ")
            return "\(path): \(sheet)!1: the `\(sheet)` sheet has no `\(column)` column in its first row; \(found)"
        case .cells(let path, let problems):
            return problems.map { "\(path): \($0.reference): \($0.message)" }.joined(separator: "\n")
        case .definition(let path, let messages):
            return messages.map { "\(path): \($0)" }.joined(separator: "\n")
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }

    /// Whether the fault is in the form or definition (exit 2) rather than in reading or writing
    /// a file (exit 1).
    public var isDefinitionError: Bool {
        switch self {
        case .unreadable, .writeFailed: false
        default: true
        }
    }
}

/// One cell that stops a conversion.
public struct XLSFormProblem: Sendable, Hashable {
    /// `survey!C7`.
    public var reference: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(reference: String, message: String) {
        self.reference = reference
        self.message = message
    }
}
