import Foundation
import SurveyModel

/// What the files beside a canonical responses file say about it: `NAME.problems.csv` (which
/// answers were dropped as invalid, every problem by kind), `NAME.rejects.csv` (rows that never
/// became responses) and `NAME.verification.csv` (double entry).
///
/// The canonical file holds an invalid answer as an empty cell, like a blank one; this ledger
/// is what tells them apart again, so `survey stats` on the imported file counts the same
/// answered / blank / invalid / skipped as on the raw export. It is read while the reader holds
/// the responses file's shared lock (`ResponseFileReading`), which covers the files beside it:
/// an import is appended to all three together and undone from all three together, so the
/// ledger never lists problems of a batch that the responses file does not hold.
///
/// Memory grows with the number of problems (one entry per problem with a question), not with
/// the number of rows; rejects and comparisons are only counted.
public struct ResponseLedger: Sendable {
    /// Respondent id (as the problems file writes it: `CSVFormat.neutralized`) → the questions
    /// (indices) it has a problem with, and whether that problem dropped the answer.
    private var listed: [String: [Listed]] = [:]

    private struct Listed: Sendable {
        var question: Int
        var drops: Bool
    }
    /// Problems by kind (`unknown_choice`, `illegible`, …), every row of the problems file.
    public private(set) var problemsByKind: [String: Int] = [:]
    /// Rows of the rejects file.
    public private(set) var rejected = 0
    /// Double-entry figures; nil when no verification file exists.
    public private(set) var verification: Verification?
    /// Rows of the companion files that could not be used (wrong number of fields), for the reader.
    public private(set) var notes: [String] = []
    /// The companion files that exist and were read.
    public private(set) var files: [String] = []

    /// Double entry as the verification file records it.
    public struct Verification: Sendable, Hashable {
        /// Distinct forms (respondents) with at least one comparison.
        public var formsVerified = 0
        /// Answers compared, over all verified forms.
        public var answersCompared = 0
        /// Answers where the first and second entry differed, blanks of the first entry that
        /// the second completed not counted.
        public var disagreements = 0

        public init(formsVerified: Int = 0, answersCompared: Int = 0, disagreements: Int = 0) {
            self.formsVerified = formsVerified
            self.answersCompared = answersCompared
            self.disagreements = disagreements
        }
    }

    /// Problem kinds whose answer stays as it was in the canonical file, so they never make an
    /// answer invalid: the bad bytes were replaced and the rest of the answer kept
    /// (`invalid_encoding`, `nul_byte`), the answer really was blank (`required_missing`), the
    /// question was not asked and is counted as skipped (`answered_when_skipped`), or the form was
    /// left early and its untyped answers are blanks (`incomplete`, from `survey enter`). Every
    /// other kind (`unknown_choice`, `out_of_range`, `not_a_number`, `ambiguous_number`,
    /// `not_a_whole_number`, `too_many_choices`, `not_a_date`, `illegible`, and kinds added
    /// later) means the value was dropped.
    public static let kindsThatKeepTheAnswer: Set<String> = ["invalid_encoding", "nul_byte", "required_missing", "answered_when_skipped", "incomplete"]

    public init() {}

    /// Reads the companion files of `responsesPath`; a file that does not exist adds nothing.
    /// Throws when one exists but cannot be read or is not a file survey wrote (another header).
    public static func read(beside responsesPath: String, questionnaire: Questionnaire) throws -> ResponseLedger {
        var questionIndex: [String: Int] = [:]
        for (index, question) in questionnaire.questions.enumerated() { questionIndex[CSVFormat.neutralized(question.id)] = index }
        let problems = Rows(), rejects = Rows(), comparisons = Rows()
        var listed: [String: [Listed]] = [:]
        var byKind: [String: Int] = [:]
        try problems.read(ResponseFile.companion(of: responsesPath, suffix: "problems"), header: ResponseFile.problemHeader) { fields in
            let kind = fields[6]
            byKind[kind, default: 0] += 1
            guard let index = questionIndex[fields[4]] else { return }
            listed[fields[3], default: []].append(Listed(question: index, drops: !kindsThatKeepTheAnswer.contains(kind)))
        }
        try rejects.read(ResponseFile.companion(of: responsesPath, suffix: "rejects"), header: ResponseFile.rejectHeader) { _ in }
        // A form's comparisons are appended in one write and a form is verified once, so its rows
        // are together: forms are counted where the respondent changes, in constant memory.
        var figures = Verification()
        var previous: String?
        try comparisons.read(ResponseFile.companion(of: responsesPath, suffix: "verification"), header: verificationHeader) { fields in
            if fields[0] != previous { figures.formsVerified += 1 }
            previous = fields[0]
            figures.answersCompared += 1
            // A blank of the first entry that the second filled with what the paper says is
            // "completed", not a disagreement (as `survey enter --verify` counts it).
            let completed = fields[2].isEmpty && !fields[3].isEmpty && fields[4] == fields[3]
            if fields[2] != fields[3] && !completed { figures.disagreements += 1 }
        }
        var ledger = ResponseLedger()
        ledger.listed = listed
        for (index, question) in questionnaire.questions.enumerated() { ledger.questionIndices[question.id] = index }
        ledger.problemsByKind = byKind
        ledger.rejected = rejects.count
        ledger.verification = comparisons.path == nil ? nil : figures
        for rows in [problems, rejects, comparisons] {
            if let path = rows.path { ledger.files.append(path) }
            if let note = rows.note { ledger.notes.append(note) }
        }
        return ledger
    }

    /// The columns of `NAME.verification.csv` (`Comparison.header` in SurveyEntry, which this
    /// target cannot see).
    public static let verificationHeader = ["respondent", "question", "first", "second", "resolved", "operator"]

    /// Marks the answers of `response` that a problem dropped, when the canonical file holds
    /// them empty. A problem whose answer is there after all (a later double-entry correction
    /// typed it) leaves it answered.
    public func markInvalid(_ response: inout Response) {
        guard !listed.isEmpty, let problems = listed[CSVFormat.neutralized(response.respondent)] else { return }
        var invalid = Set(response.invalid)
        for problem in problems where problem.drops && !response.answers[problem.question].isAnswered { invalid.insert(problem.question) }
        response.invalid = invalid.sorted()
    }

    /// The questions whose answer a problem dropped for `respondent` (the canonical file holds
    /// them empty), for the importer's skip logic (`ResponseImporter.droppedAnswers`).
    public func droppedQuestions(of respondent: String) -> [Int] {
        guard let problems = listed[CSVFormat.neutralized(respondent)] else { return [] }
        return problems.compactMap { $0.drops ? $0.question : nil }
    }

    /// `droppedQuestions(of:)` as the importer takes it; nil when the problems file lists no
    /// answer (a nil check per row, then).
    public var droppedAnswers: ((_ respondent: String) -> [Int])? {
        listsAnswers ? { droppedQuestions(of: $0) } : nil
    }

    /// Whether the problems file lists any answer of a question of the questionnaire.
    public var listsAnswers: Bool { !listed.isEmpty }

    /// Whether the problems file already has a problem with this answer. Reading a canonical
    /// file finds some problems again (a required question left blank, or marked illegible, is
    /// `required_missing` on every read); those are not counted twice.
    public func lists(_ problem: ImportProblem) -> Bool {
        guard let problems = listed[CSVFormat.neutralized(problem.respondent)],
              let index = questionIndex(problem.questionID) else { return false }
        return problems.contains { $0.question == index }
    }

    /// Question ids → indices, kept for `lists`.
    private var questionIndices: [String: Int] = [:]

    private func questionIndex(_ id: String) -> Int? { questionIndices[id] }

    /// One companion file: read row by row after its header is checked.
    private final class Rows {
        /// The file, once it was found and read.
        private(set) var path: String?
        /// Rows used.
        private(set) var count = 0
        /// Says which lines were left out, if any.
        private(set) var note: String?

        func read(_ path: String, header: [String], _ row: @escaping ([String]) -> Void) throws {
            guard FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil else { return }
            do {
                try RegularFile.check(path)
            } catch {
                throw ImportError.unreadable(path: path, reason: "it is not a regular file, so the data-quality record beside the responses cannot be read; move it away to read the responses without it (invalid answers then count as blank)")
            }
            let reader = CSVFileReader(path: path, encoding: .utf8, fieldDelimiter: ",")
            var seenHeader = false
            var skipped: [Int] = []
            try reader.read { [self] event in
                switch event {
                case .malformed(let line, _, _):
                    if !seenHeader { throw ImportError.unreadable(path: path, reason: "line \(line): the header row cannot be parsed; expected `\(header.joined(separator: ","))`") }
                    skipped.append(line)
                case .record(let record, let line):
                    let fields = record.strings
                    guard seenHeader else {
                        guard fields == header else {
                            throw ImportError.unreadable(path: path, reason: "line 1: the header is `\(fields.joined(separator: ","))`, expected `\(header.joined(separator: ","))`: this is not a file survey wrote beside the responses file; move it away to read the responses without it")
                        }
                        seenHeader = true
                        return
                    }
                    guard fields.count == header.count else { return skipped.append(line) }
                    count += 1
                    row(fields)
                }
            }
            self.path = path
            if let first = skipped.first {
                note = "\(path): " + (skipped.count == 1 ? "line \(first) is" : "\(skipped.count) lines (the first: line \(first)) are")
                    + " not a row of \(header.count) fields and " + (skipped.count == 1 ? "was" : "were") + " left out of the data-quality figures"
            }
        }
    }
}
