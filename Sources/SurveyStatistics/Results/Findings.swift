/// The key findings: the few figures a donor reads first, each with its base, all taken from
/// tables the report shows. Chosen by `FindingsSelector`; renderers only put them in words.
public struct Findings: Sendable, Hashable {
    /// Responses counted, and the participants of the event when the definition gives them.
    public var responses = 0
    public var participants: Int?
    /// Rating questions with answers (of three or more points): with one, "best" means nothing.
    public var ratedQuestions = 0
    /// The rating with the largest share of answers on its two highest points.
    public var bestRated: RatingFinding?
    /// The rating with the smallest share (only when there are at least two ratings).
    public var worstRated: RatingFinding?
    /// Cross-tabs whose test is significant with an effect size that is not negligible,
    /// largest Cramér's V first.
    public var differences: [GroupDifference] = []
    /// The comment topics mentioned most, merged across languages, largest share first; for a
    /// question with themes, its top theme instead (`CommentTopic.themeID`).
    public var commentTopics: [CommentTopic] = []

    public init() {}
}

/// A rating question's top-2-box: respondents on its two highest points, of those who answered.
public struct RatingFinding: Sendable, Hashable {
    public var questionID: String
    /// Answers on the two highest scale points.
    public var topTwo: Int
    /// Valid answers: the base.
    public var answered: Int
    /// topTwo / answered × 100.
    public var percent: Double
    /// 95% Wilson interval of `percent`, in percent.
    public var low: Double
    public var high: Double
}

/// A difference between groups that passes the honest test: the cross-tab's own result.
public struct GroupDifference: Sendable, Hashable {
    public var crossTab: CrossTabResult
    /// The test (never nil here: only tested tables are findings).
    public var test: AssociationTest
}

/// A comment topic: answers to a text question mentioning any of its words.
public struct CommentTopic: Sendable, Hashable {
    public var questionID: String
    /// The topic's name: its glossary name, or the keyword as the keyword table shows it.
    public var name: String
    /// Its name in a Russian report (the keyword itself for a topic outside the glossary).
    public var russianName: String
    /// Its words as written, with the answers each appears in, most frequent first.
    public var words: [TopicCount.Word]
    /// Answers mentioning it.
    public var answers: Int
    /// Answers to the question: the base.
    public var answered: Int
    /// When the question has themes: the id of its top theme, which this topic is (`name` and
    /// `russianName` are then its label in English and Russian, `words` empty); nil for a
    /// glossary topic or a keyword.
    public var themeID: String? = nil
    /// A theme's 95% Wilson interval as its table gives it, in percent.
    public var low: Double? = nil
    public var high: Double? = nil
    /// answers / answered × 100.
    public var percent: Double { answered > 0 ? Double(answers) / Double(answered) * 100 : 0 }
}
