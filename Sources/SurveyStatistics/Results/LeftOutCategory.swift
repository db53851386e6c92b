/// A group (row category) shown in the cross-tab but left out of its test because fewer than
/// `StatisticsOptions.smallCategoryMinimum` respondents are in it: one answer in a
/// one-respondent group can make most of a chi-square.
public struct LeftOutCategory: Sendable, Hashable, Codable {
    /// Question the category belongs to (the cross-tab's row or column question).
    public var question: String
    /// Category code.
    public var code: String
    /// Respondents in it who answered both questions.
    public var respondents: Int
}
