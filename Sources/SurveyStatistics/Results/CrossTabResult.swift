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
    /// Categories shown in the table but left out of the test for having too few respondents
    /// (`StatisticsOptions.smallCategoryMinimum`), rows first.
    public var leftOutOfTest: [LeftOutCategory] = []
}
