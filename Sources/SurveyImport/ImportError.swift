import Foundation
import XLSXReader

/// Why an import cannot go on at all. Problems with single values or rows are not errors:
/// they are counted and written to the problems and rejects files.
public enum ImportError: Error, LocalizedError, Sendable, Equatable {
    /// The input cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The bytes do not say which one-byte encoding the file is in (Windows-1251 or a Western one).
    case unsureEncoding(path: String, explanation: String)
    /// The input has no header row.
    case empty(path: String)
    /// No header matches any question; `suggestions` are `Header=question_id` for headers a
    /// typo away from a question.
    case noQuestionColumns(path: String, headers: [String], suggestions: [String] = [])
    /// Two columns answer the same question.
    case duplicateColumn(path: String, question: String, first: String, second: String, column: Int)
    /// `--map` names a question that does not exist.
    case unknownMapTarget(header: String, target: String, known: [String])
    /// A `--map` value is not `Header=question_id`.
    case badMapping(String)
    /// `--id-column` names a column the file does not have.
    case missingIDColumn(path: String, name: String, headers: [String])
    /// The `--into` file exists with a different header.
    case headerMismatch(path: String, expected: String, found: String)
    /// An output file could not be written.
    case writeFailed(path: String, reason: String)
    /// `--into` (or a file beside it) is a FIFO, device, socket, folder or dangling link.
    case notAFile(path: String, kind: String)
    /// An XLSX input cannot be read: not a workbook, damaged, or no such sheet (`--sheet`).
    case workbook(XLSXError)
    /// No header of the sheet read matches a question, and the workbook has other sheets.
    case noQuestionColumnsInSheet(path: String, sheet: String, headers: [String], otherSheets: [String])

    /// A hand codes file (`NAME.codes.csv`) cannot be read as one; `column` is the field, when one is at fault.
    case codesFile(path: String, line: Int, column: Int?, problem: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file: \(reason)"
        case .unsureEncoding(let path, let explanation):
            return "\(path): error: cannot tell the file's encoding: \(explanation)"
        case .empty(let path):
            return "\(path):1: error: the file is empty; expected a header row with question ids or texts"
        case .noQuestionColumns(let path, let headers, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.prefix(8).map { "--map '\($0)'" }.joined(separator: ", ") + "?"
            return "\(path):1: error: no column matches a question of the questionnaire (headers: \(headers.prefix(8).joined(separator: ", "))\(headers.count > 8 ? ", …" : "")); is this the right questionnaire? Use --map 'Header=question_id' to match columns by hand\(hint)"
        case .duplicateColumn(let path, let question, let first, let second, let column):
            return "\(path):1:\(column): error: columns `\(first)` and `\(second)` both match question `\(question)`; keep one, or use --map to say which column is which"
        case .unknownMapTarget(let header, let target, let known):
            return "error: --map '\(header)=\(target)': `\(target)` is not a question id; ids: \(known.joined(separator: ", "))"
        case .badMapping(let value):
            return "error: --map '\(value)' must look like 'Header text=question_id'"
        case .missingIDColumn(let path, let name, let headers):
            return "\(path):1: error: --id-column `\(name)` is not a column of this file; columns: \(headers.joined(separator: ", "))"
        case .headerMismatch(let path, let expected, let found):
            // A file beside the responses file is not responses: importing it is no way out.
            if let what = [".problems.csv": "the problems", ".rejects.csv": "the rejected rows"].first(where: { path.hasSuffix($0.key) })?.value {
                return "\(path):1: error: this is not the file of \(what) that survey writes beside the responses file, so nothing is appended to it.\n  expected: \(expected)\n  found:    \(found)\nMove it away (survey writes it anew), or import into another file (--into responses/OTHER.csv)"
            }
            if ResponseFile.lacksOnlySubmittedAt(found: found, expected: expected) {
                return "\(path):1: error: the file was written before survey kept submission times (its header has no `submitted_at` column), so new rows cannot be appended to it; `survey stats` and `survey report` still read it. To move on, import it into a new file and append there:\n  survey import DEFINITION.yaml \(path) --into responses/NEW.csv\n  survey import DEFINITION.yaml EXPORT.csv --into responses/NEW.csv"
            }
            return "\(path):1: error: the file already holds responses with a different header, so new rows cannot be appended.\n  expected: \(expected)\n  found:    \(found)\nImport into a new file (--into responses/OTHER.csv); if the old file is for this questionnaire, import it into the new file first (survey import DEFINITION.yaml \(path) --into responses/OTHER.csv)"
        case .writeFailed(let path, let reason):
            return "\(path): error: cannot write: \(reason)"
        case .noQuestionColumnsInSheet(let path, let sheet, let headers, let otherSheets):
            let shown = headers.prefix(8).joined(separator: ", ") + (headers.count > 8 ? ", …" : "")
            return "\(path): error: no column of sheet `\(sheet)` matches a question of the questionnaire (headers: \(shown)); the workbook's other sheets are \(otherSheets.map { "`\($0)`" }.joined(separator: ", ")): read one with --sheet NAME"
        case .workbook(let error):
            return "\(error.path): error: \(error.reason)"
        case .codesFile(let path, let line, let column, let problem):
            return "\(path):\(line)\(column.map { ":\($0)" } ?? ""): error: \(problem)"
        case .notAFile(let path, let kind):
            return "\(path): error: this is \(kind), not a regular file; responses and their lists are written only to regular files. Choose a file, e.g. --into responses/NAME.csv"
        }
    }

    /// Whether the error is in how the command was called rather than in the data (exit code 2).
    public var isUsageError: Bool {
        switch self {
        case .unknownMapTarget, .badMapping, .missingIDColumn, .headerMismatch, .notAFile: true
        case .workbook(.unknownSheet): true
        default: false
        }
    }
}
