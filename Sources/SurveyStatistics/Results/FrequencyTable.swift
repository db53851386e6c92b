/// Counts per category of a single-choice, yes/no or rating question, in definition order
/// (categories nobody picked are kept with 0).
public struct FrequencyTable: Sendable, Hashable, Codable {
    /// One row per category.
    public var rows: [Row]
    /// Whether the cumulative column is meaningful (ordered categories: ratings).
    public var isOrdered: Bool

    /// One category's figures.
    public struct Row: Sendable, Hashable, Codable {
        /// The category code.
        public var code: String
        /// Respondents who gave it.
        public var count: Int
        /// count / asked × 100: of the respondents skip logic asked (all of them when the
        /// question has no `when:`).
        public var percent: Double?
        /// count / answered × 100.
        public var validPercent: Double?
        /// Running total of valid percent in scale order (ratings only).
        public var cumulativeValidPercent: Double?
        /// 95% Wilson score interval of the valid percent, in percent.
        public var validPercentLow: Double?
        /// Upper end of that interval.
        public var validPercentHigh: Double?
    }
}
