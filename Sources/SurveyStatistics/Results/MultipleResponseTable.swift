/// A multiple-choice question's figures, SPSS MULT RESPONSE style: percentages of respondents
/// can sum past 100, percentages of mentions sum to 100.
public struct MultipleResponseTable: Sendable, Hashable, Codable {
    /// One row per choice, in definition order.
    public var rows: [Row]
    /// Choices picked in all (the base of percent of mentions).
    public var mentions: Int
    /// Mean number of choices per respondent who answered.
    public var meanChoices: Double?

    /// One choice's figures.
    public struct Row: Sendable, Hashable, Codable {
        /// The choice code.
        public var code: String
        /// Respondents who picked it.
        public var count: Int
        /// count / respondents who answered × 100.
        public var percentOfRespondents: Double?
        /// count / all mentions × 100.
        public var percentOfMentions: Double?
    }
}
