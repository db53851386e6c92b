/// What people wrote in a free-text question: the words that come up most, and the answers.
public struct TextSummary: Sendable, Hashable, Codable {
    /// Answers that contained at least one word.
    public var answersWithWords: Int
    /// Most frequent keywords (stemmed, shown by their most frequent form).
    public var keywords: [KeywordCount]
    /// Most frequent two-word phrases.
    public var phrases: [KeywordCount]
    /// Occurrences of words longer than `KeywordCounter.maximumWordLength` characters, which are
    /// never keywords; nil (and absent from JSON) when there were none.
    public var overlongWords: Int?
    /// Answers kept for quoting, as asked for (`--quotes`), longest first when cut.
    public var quotes: [Quote]
    /// All answers, when quotes were cut.
    public var answered: Int

    /// One keyword or phrase.
    public struct KeywordCount: Sendable, Hashable, Codable {
        public var text: String
        /// Answers mentioning it.
        public var answers: Int
        /// Times it occurs in all.
        public var occurrences: Int
    }

    /// One answer and who gave it.
    public struct Quote: Sendable, Hashable, Codable {
        public var respondent: String
        public var text: String
    }
}

/// The range of a date question's answers.
public struct DateSummary: Sendable, Hashable, Codable {
    public var earliest: String?
    public var latest: String?
}
