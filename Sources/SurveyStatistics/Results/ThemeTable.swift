import SurveyModel

/// A text question's themes, counted like a multiple-choice question: each theme's answers as a
/// share of the respondents who answered (percentages can sum past 100, since an answer can have
/// several themes), with a Wilson 95 % interval, and the answers that got no theme.
///
/// An answer's themes are its hand codes (`ThemeCodes`) when it has them, else the rules' (`ThemeRules`).
public struct ThemeTable: Sendable, Hashable, Codable {
    /// Every theme for the question: definition order, then themes coders added.
    public var rows: [Row]
    /// Respondents with a non-blank answer: the base of every percentage.
    public var answered: Int
    /// Answers with no theme.
    public var uncoded: Int
    /// Answers whose themes come from the codes file.
    public var handCoded: Int
    /// Themes given in all.
    public var mentions: Int

    public init(rows: [Row] = [], answered: Int = 0, uncoded: Int = 0, handCoded: Int = 0, mentions: Int = 0) {
        self.rows = rows
        self.answered = answered
        self.uncoded = uncoded
        self.handCoded = handCoded
        self.mentions = mentions
    }

    /// One theme's figures.
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        /// What reports call it; for a theme a coder added, its label in every language.
        public var label: LocalizedText
        /// Answers with this theme.
        public var count: Int
        /// count / answered × 100; nil when nobody answered.
        public var percent: Double?
        /// Wilson 95 % interval of `percent`, as for multiple choice.
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Answers with this theme, as the report's quote policy keeps them (`--quotes`).
        public var quotes: [TextSummary.Quote]

        public init(id: String, label: LocalizedText, count: Int, percent: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil,
                    quotes: [TextSummary.Quote] = []) {
            self.id = id
            self.label = label
            self.count = count
            self.percent = percent
            self.ciLow = ciLow
            self.ciHigh = ciHigh
            self.quotes = quotes
        }
    }

    /// Percent of answers with no theme; nil when nobody answered.
    public var uncodedPercent: Double? {
        answered > 0 ? Double(uncoded) / Double(answered) * 100 : nil
    }
}
