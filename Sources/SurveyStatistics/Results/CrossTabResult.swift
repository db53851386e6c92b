/// Two closed questions against each other: counts, percentages and a test of association.
///
/// Only respondents who answered both are counted. A multiple-choice side counts per choice,
/// so one respondent can fall in several cells.
public struct CrossTabResult: Sendable, Hashable, Codable {
    /// Question whose categories are the rows.
    public var rowQuestion: String
    /// Question whose categories are the columns.
    public var columnQuestion: String
    /// Row category codes, in definition order.
    public var rowCodes: [String]
    /// Column category codes.
    public var columnCodes: [String]
    /// counts[row][column].
    public var counts: [[Int]]
    /// Respondents in each row category (who answered both questions).
    public var rowTotals: [Int]
    /// Respondents in each column category.
    public var columnTotals: [Int]
    /// Respondents who answered both questions.
    public var total: Int
    /// Cell / row respondents × 100.
    public var rowPercents: [[Double?]]
    /// Cell / column respondents × 100.
    public var columnPercents: [[Double?]]
    /// Cell / all respondents × 100 (with a multiple-choice side these can sum past 100).
    public var totalPercents: [[Double?]]
    /// Whether one side is multiple choice.
    public var isMultipleResponse: Bool
    /// The test of association; nil when the table has fewer than two non-empty rows or columns.
    public var test: AssociationTest?
    /// Why no test was run, in words.
    public var noTestReason: String?
}

/// Pearson's chi-square test of independence, with Fisher's exact test for sparse 2×2 tables.
public struct AssociationTest: Sendable, Hashable, Codable {
    public var chiSquare: Double
    public var degreesOfFreedom: Int
    /// Upper tail of the chi-square distribution.
    public var pValue: Double
    public var cramersV: Double
    /// Share (%) of cells whose expected count is below 5.
    public var expectedBelowFivePercent: Double
    /// Whether any expected count is below 1.
    public var anyExpectedBelowOne: Bool
    /// Row and column codes left out of the test because their total is zero.
    public var droppedRows: [String]
    public var droppedColumns: [String]
    /// Two-sided Fisher exact p, for 2×2 tables whose expected counts are too small.
    public var fisherPValue: Double?

    /// More than 20% of expected counts below 5 or any below 1: chi-square is unreliable.
    public var isSparse: Bool { expectedBelowFivePercent > 20 || anyExpectedBelowOne }

    /// The p-value to read: Fisher's when it was computed, else chi-square's.
    public var decisiveP: Double { fisherPValue ?? pValue }
}
