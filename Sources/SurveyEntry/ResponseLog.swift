import Foundation
import SurveyImport
import SurveyModel

/// The canonical responses file as the terminal form writes it: the same file, header and
/// format as `survey import --into`, one form appended and synced at a time.
///
/// Respondent ids are unique: an id already in the file is refused, also one another operator
/// saved a moment ago. Memory: one index entry (id and line) per form in the file.
public final class ResponseLog {
    /// The file, e.g. `responses/seminar-feedback.csv`.
    public let path: String
    /// The questionnaire its columns come from.
    public let questionnaire: Questionnaire
    /// The lock on the file, shared with `survey import` and covering the files beside it.
    public let lock: ResponseFileLock
    private let journal: CSVJournal
    private var lines: [String: Int] = [:]
    private var order: [String] = []
    private var highestNumber = 0

    /// Opens (or creates) the file, moving a torn last line to `NAME.recovered.csv`.
    /// `notify` hears about waiting for the lock and about interrupted changes undone.
    public init(path: String, questionnaire: Questionnaire, notify: @escaping (String) -> Void = { _ in }) throws(EntryError) {
        self.path = path
        self.questionnaire = questionnaire
        lock = ResponseFileLock(path: path, header: ResponseFile.header(for: questionnaire), notify: notify)
        journal = CSVJournal(path: path, header: ResponseFile.header(for: questionnaire),
                             recoveredPath: ResponseFile.companion(of: path, suffix: "recovered"), lock: lock)
        journal.onRecord = { [unowned self] record in
            guard let id = record.fields.first, self.lines[id] == nil else { return }
            self.lines[id] = record.line
            self.order.append(id)
            if let number = Int(id), number > self.highestNumber { self.highestNumber = number }
        }
        journal.onReset = { [unowned self] in
            self.lines.removeAll()
            self.order.removeAll()
            self.highestNumber = 0
        }
        try journal.synchronize()
    }

    /// Forms in the file.
    public var count: Int { order.count }

    /// Respondent ids in file order.
    public var respondents: [String] { order }

    /// Torn lines moved to `NAME.recovered.csv` when the file was opened.
    public var recoveries: [TornLine] { journal.recoveries }

    /// Where torn lines go.
    public var recoveredPath: String { journal.recoveredPath }

    /// The line holding `respondent`'s form, after catching up with other operators' saves.
    public func line(of respondent: String) throws(EntryError) -> Int? {
        try journal.synchronize()
        return lines[respondent]
    }

    /// The id Enter stands for at the respondent prompt: one more than the highest number.
    public var nextFreeRespondent: String {
        var next = highestNumber + 1
        while lines[String(next)] != nil { next += 1 }
        return String(next)
    }

    /// Appends one form (one write, then fsync); returns its line, or why it was refused.
    public func append(_ response: Response) throws(EntryError) -> Result<Int, EntryProblem> {
        try append(response, renumberingIfTaken: false).map(\.line)
    }

    /// Where a form was saved.
    public struct SavedForm: Sendable, Hashable {
        /// Its physical line in the file.
        public var line: Int
        /// Its respondent id, which may differ from the one proposed.
        public var respondent: String
    }

    /// Appends one form (one write, then fsync) under the lock. The respondent id is checked
    /// against the file as it is now; when another operator or an import took it meanwhile, a
    /// form numbered automatically (`renumberingIfTaken`) gets the next free number there and
    /// then, and any other form is refused.
    public func append(_ response: Response, renumberingIfTaken: Bool) throws(EntryError) -> Result<SavedForm, EntryProblem> {
        var respondent = response.respondent
        let line = try journal.append { () -> [[String]]? in
            if lines[respondent] != nil {
                guard renumberingIfTaken else { return nil }
                respondent = nextFreeRespondent
            }
            var form = response
            form.respondent = respondent
            return [ResponseFile.fields(of: form, in: questionnaire)]
        }
        guard let line else {
            return .failure(.respondentTaken(response.respondent, line: lines[response.respondent] ?? 0))
        }
        return .success(SavedForm(line: line, respondent: respondent))
    }

    /// Runs `body` holding the lock on the file and the files beside it, so what it reads
    /// and writes there is not interleaved with another process.
    public func whileLocked<T>(_ body: () throws(EntryError) -> T) throws(EntryError) -> T {
        try lock.hold(EntryError.init, body)
    }

    /// Catches up with the file and returns the next free number as it is now.
    public func freshNextFreeRespondent() throws(EntryError) -> String {
        try journal.synchronize()
        return nextFreeRespondent
    }

    /// Every form in the file, read with the importer's rules (codes back to answers).
    /// Rows that do not fit the header are left out: `survey import` reports those.
    public func responses() throws(EntryError) -> [Response] {
        let parsers = questionnaire.answerParsers(canonical: true)
        let width = ResponseFile.header(for: questionnaire).count
        // Field of each question's answer (after `respondent` and `submitted_at`); an `ID_other` column follows a question with `other: true`.
        var fieldOf: [Int] = []
        var field = 2
        for question in questionnaire.questions {
            fieldOf.append(field)
            field += question.otherChoice == nil ? 1 : 2
        }
        return try journal.records().compactMap { record in
            guard record.fields.count == width else { return nil }
            let answers = parsers.indices.map { parsers[$0].parse(record.fields[fieldOf[$0]]).answer }
            var others: [Int: String] = [:]
            for (index, question) in questionnaire.questions.enumerated() where question.otherChoice != nil && !record.fields[fieldOf[index] + 1].isEmpty {
                others[index] = record.fields[fieldOf[index] + 1]
            }
            // An imported row keeps its time when the form is corrected (`replace`).
            return Response(respondent: record.fields[0], answers: answers, submittedAt: SubmissionTime(iso: record.fields[1]), otherTexts: others)
        }
    }

    /// The form of `respondent` as the file holds it now (the first, should an id repeat);
    /// nil when the file holds none.
    public func form(of respondent: String) throws(EntryError) -> Response? {
        try responses().first { $0.respondent == respondent }
    }

    /// Whether the file still holds `copy` exactly as it was read (every column of its row).
    /// A form held in memory while an operator works on it (`--edit`, `--verify`) is written
    /// back only when this is true: otherwise another operator's change made meanwhile would
    /// be overwritten without a trace. Ask under `whileLocked`, so the answer still holds
    /// when the row is rewritten.
    public func stillHolds(_ copy: Response) throws(EntryError) -> Bool {
        guard let current = try form(of: copy.respondent) else { return false }
        return ResponseFile.fields(of: current, in: questionnaire) == ResponseFile.fields(of: copy, in: questionnaire)
    }

    /// Replaces the forms of these respondents, rewriting the file in place under a rollback
    /// record (a crash leaves the old forms or the new ones).
    public func replace(_ corrected: [Response]) throws(EntryError) {
        let byID = Dictionary(corrected.map { ($0.respondent, $0) }, uniquingKeysWith: { $1 })
        try journal.rewrite { record in
            guard let id = record.fields.first, let response = byID[id] else { return nil }
            return ResponseFile.fields(of: response, in: questionnaire)
        }
    }
}
