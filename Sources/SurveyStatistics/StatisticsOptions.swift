import SurveyImport
import SurveyModel

/// What to compute beyond the per-question tables.
public struct StatisticsOptions: Sendable {
    /// Cross-tabs to compute.
    public var crossTabs: [CrossTabPair]
    /// Text questions whose keywords are counted; nil means every text question.
    public var keywordQuestions: [String]?
    /// Which free-text answers to keep for quoting.
    public var quotes: QuotePolicy
    /// How many keywords to list.
    public var top: Int
    /// Repeat the per-question tables for each category of this question.
    public var groupBy: String?
    /// Only rows for which this holds are counted (`--where`).
    public var filter: Condition?
    /// Categories of a cross-tab with fewer respondents than this are shown but left out of its
    /// test (`--keep-small-categories` sets 0, keeping all).
    public var smallCategoryMinimum: Int
    /// The default: chi-square's rule of thumb of 5 expected counts, applied to groups, so one
    /// respondent's answer cannot carry a test.
    public static let defaultSmallCategoryMinimum = 5
    /// Which texts of other answers (`other: true`) to keep; nil: as `quotes`, or the `top`
    /// longest when `quotes` keeps none (`survey stats`, which has no `--quotes`).
    public var otherQuotes: QuotePolicy?
    /// Hand codes of text answers (`NAME.codes.csv`), which override the themes' rules; nil: none.
    public var themeCodes: ThemeCodes?

    public init(crossTabs: [CrossTabPair] = [], keywordQuestions: [String]? = nil, quotes: QuotePolicy = .none, top: Int = 20,
                groupBy: String? = nil, filter: Condition? = nil,
                smallCategoryMinimum: Int = StatisticsOptions.defaultSmallCategoryMinimum) {
        self.crossTabs = crossTabs
        self.keywordQuestions = keywordQuestions
        self.quotes = quotes
        self.top = top
        self.groupBy = groupBy
        self.filter = filter
        self.smallCategoryMinimum = smallCategoryMinimum
    }
}
