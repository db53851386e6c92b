import SurveyImport
import SurveyModel

/// `NAME.problems.csv` beside the responses file: what the import lists there, plus the
/// answers the operator could not read (`illegible`) and forms left half-typed (`incomplete`).
///
/// The file is created only when there is something to list; rows are appended and synced
/// with the same guarantees as the responses file.
public final class ProblemLog {
    /// The file.
    public var path: String { journal.path }
    private let journal: CSVJournal

    /// Checks the file when it exists (moving a torn last line away); never creates it.
    /// `lock` is the responses file's lock, which covers this file.
    public init(responsesPath: String, lock: ResponseFileLock) throws(EntryError) {
        journal = CSVJournal.companion(of: responsesPath, suffix: "problems", header: ResponseFile.problemHeader, lock: lock)
        try journal.synchronize(create: false)
    }

    /// Appends the rows in one write; nothing happens for none.
    public func record(_ problems: [FormProblem]) throws(EntryError) {
        guard !problems.isEmpty else { return }
        try journal.append(problems.map(\.fields))
    }

    /// The questions (ids) of `respondent` the file lists with `kind`; none when the file does
    /// not exist.
    public func questions(of respondent: String, kind: String) throws(EntryError) -> Set<String> {
        guard journal.exists else { return [] }
        let id = CSVFormat.neutralized(respondent)
        return Set(try journal.records().compactMap { record in
            record.fields.count == ResponseFile.problemHeader.count && record.fields[3] == id && record.fields[6] == kind ? record.fields[4] : nil
        })
    }

    /// The respondents the file lists with `kind`, in file order, each once; none when the
    /// file does not exist.
    public func respondents(kind: String) throws(EntryError) -> [String] {
        guard journal.exists else { return [] }
        var seen: Set<String> = []
        return try journal.records().compactMap { record in
            guard record.fields.count == ResponseFile.problemHeader.count, record.fields[6] == kind, seen.insert(record.fields[3]).inserted else { return nil }
            return record.fields[3]
        }
    }

    /// Removes the rows of `respondent` about these questions (ids), and its `incomplete` row
    /// when `completedForm`: double entry settled them, and the verification file keeps what
    /// the first entry had there.
    public func settle(respondent: String, questions: Set<String>, completedForm: Bool) throws(EntryError) {
        guard journal.exists, !questions.isEmpty || completedForm else { return }
        let id = CSVFormat.neutralized(respondent)
        let ids = Set(questions.map(CSVFormat.neutralized))
        try journal.remove { record in
            guard record.fields.count == ResponseFile.problemHeader.count, record.fields[3] == id else { return false }
            return ids.contains(record.fields[4]) || (completedForm && record.fields[6] == FormProblem.Kind.incomplete.rawValue)
        }
    }

    /// Torn lines moved away while appending.
    public var recoveries: [TornLine] { journal.recoveries }
}

/// A problem found while typing a form, in the columns of `ResponseFile.problemHeader`.
public struct FormProblem: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable {
        /// The answer on the paper could not be read; stored as no answer.
        case illegible
        /// The operator left the form before its end and kept what was typed.
        case incomplete
    }

    /// The responses file the form went to.
    public var file: String
    /// The form's line in it.
    public var line: Int
    /// The question's field in that line (respondent is field 1).
    public var column: Int
    /// The form's respondent id.
    public var respondent: String
    /// The question.
    public var questionID: String
    /// What happened.
    public var kind: Kind
    /// One sentence for people.
    public var message: String
    /// The value as the importer would list it, for an answer kept as on the paper.
    public var value = ""
    /// The rule it breaks, for an answer kept as on the paper (`!!`): written with the
    /// importer's kind and message instead of `kind`.
    public var ruleProblem: AnswerProblem?

    public init(file: String, line: Int, column: Int, respondent: String, questionID: String, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.respondent = respondent
        self.questionID = questionID
        self.kind = kind
        self.message = message
    }

    /// An answer kept as written on the paper although it breaks a rule: listed exactly as
    /// `survey import` lists the same cell (`ResponseFile.fields(of: ImportProblem)`).
    public init(file: String, line: Int, column: Int, respondent: String, questionID: String, value: String, problem: AnswerProblem) {
        self.init(file: file, line: line, column: column, respondent: respondent, questionID: questionID, kind: .illegible, message: problem.message)
        self.value = value
        ruleProblem = problem
    }

    /// The problems-file row.
    public var fields: [String] {
        [file, String(line), String(column), respondent, questionID, value, ruleProblem?.kind ?? kind.rawValue, message]
    }
}
