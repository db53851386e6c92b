import SurveyImport

/// The data-quality ledger of the data set: what happened to its rows and answers before the
/// statistics saw them. For a raw export it is what this run's import found; for a canonical
/// responses file it is what its companion files record (`ResponseLedger`: the problems and
/// rejects of the imports and forms that made it, and the double-entry log), so the report
/// says the same whichever of the two it is made from. Renderers print these values as they
/// are; they never recompute them.
public struct DataQuality: Sendable, Hashable, Codable {
    /// Rows read: accepted plus rejected.
    public var rowsRead = 0
    /// Rows that became responses.
    public var accepted = 0
    /// Rows that did not (the rejects file, plus rows of the inputs rejected now).
    public var rejected = 0
    /// Answer problems, all kinds.
    public var problems = 0
    /// Answer problems by kind (`unknown_choice`, `illegible`, …).
    public var problemsByKind: [String: Int] = [:]
    /// Answers the operator of `survey enter` marked illegible on the paper form (also in
    /// `problemsByKind` as `illegible`).
    public var illegible = 0
    /// Double entry, when a verification file exists.
    public var verification: DoubleEntryCoverage?
    /// True only when no row was rejected and no answer had a problem.
    public var allAnswersPassedValidation = true
    /// The companion files the ledger was read from; empty when it comes from this run's import.
    public var ledgerFiles: [String] = []

    public init() {}

    /// Adds one input: what reading it found, plus its companion files when it is canonical.
    /// `relisted` are problems of this read that the problems file already lists (by kind).
    public mutating func add(read summary: ImportSummary, ledger: ResponseLedger?, relisted: [String: Int] = [:]) {
        rowsRead += summary.rowsRead
        accepted += summary.accepted
        rejected += summary.rejected
        for (kind, count) in summary.problemsByKind {
            let new = count - (relisted[kind] ?? 0)
            if new > 0 { problemsByKind[kind, default: 0] += new }
        }
        if let ledger {
            rowsRead += ledger.rejected
            rejected += ledger.rejected
            problemsByKind.merge(ledger.problemsByKind, uniquingKeysWith: +)
            ledgerFiles += ledger.files
            if let figures = ledger.verification {
                var coverage = verification ?? DoubleEntryCoverage()
                coverage.add(figures, forms: summary.accepted)
                verification = coverage
            }
        }
        problems = problemsByKind.values.reduce(0, +)
        illegible = problemsByKind["illegible"] ?? 0
        allAnswersPassedValidation = rejected == 0 && problems == 0
    }
}

/// How much of the data was typed twice and compared (`survey enter --verify`).
public struct DoubleEntryCoverage: Sendable, Hashable, Codable {
    /// Forms typed a second time and compared.
    public var formsVerified = 0
    /// Forms in the responses file(s) with a verification log.
    public var formsTotal = 0
    /// Answers compared.
    public var answersCompared = 0
    /// Answers on which the two entries differed.
    public var disagreements = 0
    /// `disagreements / answersCompared`; nil when nothing was compared.
    public var disagreementRate: Double?
    /// `formsVerified / formsTotal`; nil for no forms.
    public var coverage: Double?

    public init() {}

    mutating func add(_ figures: ResponseLedger.Verification, forms: Int) {
        formsVerified += figures.formsVerified
        formsTotal += forms
        answersCompared += figures.answersCompared
        disagreements += figures.disagreements
        disagreementRate = answersCompared > 0 ? Double(disagreements) / Double(answersCompared) : nil
        coverage = formsTotal > 0 ? Double(formsVerified) / Double(formsTotal) : nil
    }
}
