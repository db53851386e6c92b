import Foundation
import SurveyImport

/// `NAME.edits.csv` beside the responses file: every answer changed by `survey enter --edit`
/// (or by resuming a form kept incomplete), one row per changed column, so a corrected form
/// never hides what it said before. Appended and synced under the responses file's lock.
public final class EditLog {
    /// The columns: when, who, which form, which column, what it held, what it holds now.
    public static let header = ["time", "operator", "respondent", "question", "old", "new"]

    /// The file.
    public var path: String { journal.path }
    private let journal: CSVJournal

    /// Checks the file when it exists; it is created with the first edit.
    /// `lock` is the responses file's lock, which covers this file.
    public init(responsesPath: String, lock: ResponseFileLock) throws(EntryError) {
        journal = CSVJournal.companion(of: responsesPath, suffix: "edits", header: EditLog.header, lock: lock)
        try journal.synchronize(create: false)
    }

    /// One changed column of one form.
    public struct Change: Sendable, Hashable {
        /// The column (a question id, or `ID_other`).
        public var question: String
        /// The cell before, as stored in the responses file.
        public var old: String
        /// The cell after.
        public var new: String
    }

    /// Appends the changes of one form in one write; nothing happens for none.
    public func record(_ changes: [Change], respondent: String, operatorName: String, at time: Date = Date()) throws(EntryError) {
        guard !changes.isEmpty else { return }
        let stamp = ISO8601DateFormatter().string(from: time)
        try journal.append(changes.map { [stamp, operatorName, respondent, $0.question, $0.old, $0.new] })
    }

    /// Torn lines moved away.
    public var recoveries: [TornLine] { journal.recoveries }
}
