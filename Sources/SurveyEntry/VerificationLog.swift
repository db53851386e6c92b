import SurveyImport

/// `NAME.verification.csv`: every comparison of a double entry, one row per question of
/// each verified form, appended and synced one form at a time.
public final class VerificationLog {
    /// The file.
    public var path: String { journal.path }
    private let journal: CSVJournal
    private var verifiedBy: [String: String] = [:]

    /// Reads the file when it exists; it is created with the first verified form.
    /// `lock` is the responses file's lock, which covers this file.
    public init(responsesPath: String, lock: ResponseFileLock) throws(EntryError) {
        journal = CSVJournal.companion(of: responsesPath, suffix: "verification", header: Comparison.header, lock: lock)
        journal.onRecord = { [unowned self] record in
            guard let comparison = Comparison(fields: record.fields), self.verifiedBy[comparison.respondent] == nil else { return }
            self.verifiedBy[comparison.respondent] = comparison.operatorName
        }
        journal.onReset = { [unowned self] in self.verifiedBy.removeAll() }
        try journal.synchronize(create: false)
    }

    /// Who verified `respondent`, after catching up with the file; nil when nobody has.
    public func verifier(of respondent: String) throws(EntryError) -> String? {
        try journal.synchronize(create: false)
        return verifiedBy[respondent]
    }

    /// Who verified `respondent` as far as this process knows (no file access).
    public func knownVerifier(of respondent: String) -> String? {
        verifiedBy[respondent]
    }

    /// Forms verified so far.
    public var count: Int { verifiedBy.count }

    /// Torn lines moved away.
    public var recoveries: [TornLine] { journal.recoveries }

    /// Appends one form's comparisons in one write; false when another operator verified the
    /// form meanwhile.
    public func record(_ comparisons: [Comparison]) throws(EntryError) -> Bool {
        guard let respondent = comparisons.first?.respondent else { return true }
        return try journal.append(comparisons.map(\.fields)) { self.verifiedBy[respondent] != nil } != nil
    }

    /// Every comparison in the file (all passes).
    public func comparisons() throws(EntryError) -> [Comparison] {
        guard journal.exists else { return [] }
        return try journal.records().compactMap { Comparison(fields: $0.fields) }
    }
}
