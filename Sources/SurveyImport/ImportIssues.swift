import SurveyModel
import XLSXReader

/// A value that failed validation: the answer was counted as missing and this is the record of why.
public struct ImportProblem: Sendable, Hashable {
    /// The input file.
    public var file: String
    /// Physical line the row starts on.
    public var line: Int
    /// Field number (from 1) the value was in.
    public var column: Int
    /// The row's respondent id.
    public var respondent: String
    /// The question the value answers.
    public var questionID: String
    /// The value as it was in the file.
    public var value: String
    /// What is wrong with it.
    public var problem: AnswerProblem
    /// The sheet, when the input is an XLSX workbook: `line` is then its row number and
    /// `column` its column number, and the problem is named `FILE.xlsx: Sheet!C7`.
    public var sheet: String?

    public init(file: String, line: Int, column: Int, respondent: String, questionID: String, value: String, problem: AnswerProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.respondent = respondent
        self.questionID = questionID
        self.value = value
        self.problem = problem
    }

    /// `file:line:column: question: message`, the form editors and terminals link.
    public var description: String {
        "\(ImportProblem.place(file: file, sheet: sheet, line: line, column: column)): \(questionID) (respondent \(respondent)): \(problem.message)"
    }

    /// `file:line:column`, or `FILE.xlsx: Sheet!C7` for a cell of a workbook (`Sheet!7:7`
    /// for a whole row).
    static func place(file: String, sheet: String?, line: Int, column: Int?) -> String {
        guard let sheet else { return "\(file):\(line)" + (column.map { ":\($0)" } ?? "") }
        // A whole row is `Sheet!7:7`, as Excel's name box takes it (a problem with no column of its own).
        guard let column, column > 0 else { return "\(file): \(XLSXError.sheetReference(sheet, "\(line):\(line)"))" }
        return "\(file): \(XLSXError.sheetReference(sheet, XLSXCellReference.columnName(column) + String(line)))"
    }
}

/// A row that could not be read as a response at all; it is kept whole in the rejects file.
public struct RejectedRow: Sendable, Hashable {
    /// The input file.
    public var file: String
    /// Physical line the row starts on.
    public var line: Int
    /// Why it was rejected.
    public var reason: String
    /// The row's text (re-joined with the file's delimiter when it was parsed into fields).
    public var raw: String
    /// The sheet, when the input is an XLSX workbook (`line` is then its row number).
    public var sheet: String?

    public init(file: String, line: Int, reason: String, raw: String, sheet: String? = nil) {
        (self.file, self.line, self.reason, self.raw, self.sheet) = (file, line, reason, raw, sheet)
    }

    /// `file:line: rejected: …`, or `FILE.xlsx: Sheet!7:7: rejected: …` for a row of a workbook.
    public var description: String { "\(ImportProblem.place(file: file, sheet: sheet, line: line, column: nil)): rejected: \(reason)" }
}

/// What an import did: every row read is either accepted or rejected.
public struct ImportSummary: Sendable, Hashable {
    /// Data rows read (header excluded).
    public var rowsRead = 0
    /// Rows that became responses.
    public var accepted = 0
    /// Rows written to the rejects file.
    public var rejected = 0
    /// Value problems by kind (`unknown_choice`, …).
    public var problemsByKind: [String: Int] = [:]
    /// Things worth knowing that lose no data: unknown columns, detected encoding, …
    public var warnings: [String] = []

    public init() {}

    /// All value problems.
    public var problems: Int { problemsByKind.values.reduce(0, +) }

    /// Adds another file's figures (several inputs read as one data set).
    public mutating func merge(_ other: ImportSummary) {
        rowsRead += other.rowsRead
        accepted += other.accepted
        rejected += other.rejected
        problemsByKind.merge(other.problemsByKind, uniquingKeysWith: +)
        warnings += other.warnings
    }
}
