import SurveyModel

/// The canonical responses file (`responses/NAME.csv`): UTF-8, comma, header `respondent`,
/// `submitted_at` (ISO 8601, empty for paper forms) and the question ids, codes rather than
/// labels, multiple choice as codes joined by `;`; after a question with `other: true`, its
/// `ID_other` column with the other answers' text.
///
/// It is what `survey import --into` and `survey enter` write and what every later stage reads,
/// so its problems (`NAME.problems.csv`) and rejects (`NAME.rejects.csv`) sit beside it.
public enum ResponseFile {
    /// The header row for a questionnaire.
    public static func header(for questionnaire: Questionnaire) -> [String] {
        ["respondent", submittedAtColumn] + questionColumns(for: questionnaire)
    }

    /// The submission-time column, second in the header.
    public static let submittedAtColumn = "submitted_at"

    /// The header files written before submission times were kept: `respondent` and the
    /// question ids. Such files are still read; they are not appended to.
    public static func headerWithoutTimes(for questionnaire: Questionnaire) -> [String] {
        ["respondent"] + questionColumns(for: questionnaire)
    }

    /// The questions' columns: each id, then its `ID_other` column when it has `other: true`.
    static func questionColumns(for questionnaire: Questionnaire) -> [String] {
        questionnaire.questions.flatMap { question in [question.id] + (question.otherColumn.map { [$0] } ?? []) }
    }

    /// Whether a header line (`found`) is the `expected` one but for `submitted_at`: a file
    /// written before submission times were kept.
    public static func lacksOnlySubmittedAt(found: String, expected: String) -> Bool {
        let prefix = "respondent," + submittedAtColumn
        guard expected.hasPrefix(prefix) else { return false }
        return found == "respondent" + expected.dropFirst(prefix.count)
    }

    /// Whether a file with this header is a canonical responses file (of today, or from
    /// before `submitted_at`), whose numbers are then read as `Answer.format` writes them
    /// (`1500.25` whatever the questionnaire's number format) before the declared format is tried.
    public static func isCanonical(header: [String], for questionnaire: Questionnaire) -> Bool {
        header == self.header(for: questionnaire) || header == headerWithoutTimes(for: questionnaire)
    }

    /// A writer of canonical rows into staged rows, fast enough for a million rows.
    public final class RowWriter {
        private let encoder: CanonicalRowEncoder
        private let table: StagedRows
        private var line: [UInt8] = []

        public init(table: StagedRows, questionnaire: Questionnaire) {
            self.table = table
            encoder = CanonicalRowEncoder(questionnaire: questionnaire)
        }

        /// Appends one response.
        public func write(_ response: Response) throws(ImportError) {
            line.removeAll(keepingCapacity: true)
            encoder.append(response, to: &line)
            try table.write(line: line)
        }
    }

    /// A response as canonical fields.
    public static func fields(of response: Response, in questionnaire: Questionnaire) -> [String] {
        var fields = [response.respondent, response.submittedAt?.description ?? ""]
        fields.reserveCapacity(questionnaire.questions.count + 2)
        for (index, (question, answer)) in zip(questionnaire.questions, response.answers).enumerated() {
            fields.append(answer.canonicalText(for: question))
            if question.otherChoice != nil { fields.append(response.otherTexts[index] ?? "") }
        }
        return fields
    }

    /// `responses/NAME.problems.csv` for `responses/NAME.csv`.
    public static func companion(of path: String, suffix: String) -> String {
        let base = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return base + "." + suffix + ".csv"
    }

    /// Columns of the problems file.
    public static let problemHeader = ["file", "line", "column", "respondent", "question", "value", "problem", "message"]
    /// Columns of the rejects file.
    public static let rejectHeader = ["file", "line", "reason", "raw"]

    /// A problem as a problems-file row.
    public static func fields(of problem: ImportProblem) -> [String] {
        [problem.file, String(problem.line), String(problem.column), problem.respondent, problem.questionID, problem.value, problem.problem.kind, problem.problem.message]
    }

    /// A rejected row as a rejects-file row.
    public static func fields(of reject: RejectedRow) -> [String] {
        [reject.file, String(reject.line), reject.reason, reject.raw]
    }
}
