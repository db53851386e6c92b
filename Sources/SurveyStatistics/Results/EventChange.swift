/// The change of one closed question from one event to a later one, tested, with the parts of
/// the plain-words sentence ("Usefulness: 71% → 86% gave one of the two highest ratings, n = 30
/// and 28; the change is not significant, p = 0.19"), which renderers put into words per language.
public struct EventChange: Sendable, Hashable, Codable {
    /// Which earlier event the change is from.
    public enum Baseline: String, Sendable, Hashable, Codable {
        /// The event just before.
        case previous
        /// The first event (listed only from the third event on; for the second it is `.previous`).
        case first
    }

    /// What the sentence compares.
    public enum Measure: String, Sendable, Hashable, Codable {
        /// Share on the two highest scale points (ratings).
        case topTwoBox = "top_2_box"
        /// Share of one code (`EventChange.code`): yes for yes/no, the most frequent answer of
        /// the later event otherwise.
        case share
        /// Share of respondents who picked a choice (multiple choice): one change per choice is
        /// not listed; the sentence names the choice of largest change.
        case choiceShare = "choice_share"
    }

    public var baseline: Baseline
    /// The earlier event's name.
    public var from: String
    /// The later event's name.
    public var to: String
    /// What `fromPercent` / `toPercent` measure.
    public var measure: Measure
    /// The code the shares are of (nil for `.topTwoBox`).
    public var code: String?
    /// The earlier and later share, in percent.
    public var fromPercent: Double?
    public var toPercent: Double?
    /// The two bases (valid answers).
    public var fromN: Int
    public var toN: Int
    /// The test run, nil when none could be (then `noTestReason` says why).
    public var test: ChangeTest?
    /// Why no test ran, in English (renderers may translate the known reasons).
    public var noTestReason: String?

    /// p below 0.05.
    public var isSignificant: Bool { test.map { $0.p < 0.05 } ?? false }

    public init(baseline: Baseline, from: String, to: String, measure: Measure, code: String?, fromPercent: Double?, toPercent: Double?,
                fromN: Int, toN: Int, test: ChangeTest?, noTestReason: String?) {
        self.baseline = baseline
        self.from = from
        self.to = to
        self.measure = measure
        self.code = code
        self.fromPercent = fromPercent
        self.toPercent = toPercent
        self.fromN = fromN
        self.toN = toN
        self.test = test
        self.noTestReason = noTestReason
    }
}

/// The test of a change: Mann–Whitney U for ratings, chi-square (with the report's honest-test
/// rules: Fisher's exact for a sparse 2×2, Monte Carlo for a larger sparse table) for the
/// distribution of other closed questions.
public struct ChangeTest: Sendable, Hashable, Codable {
    /// Which test gave `p`.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Two-sided Mann–Whitney U, normal approximation with tie and continuity corrections
        /// (scipy's `mannwhitneyu(method="asymptotic", use_continuity=True)`).
        case mannWhitney = "mann_whitney"
        case chiSquare = "chi_square"
        case fisherExact = "fisher_exact"
        case monteCarlo = "monte_carlo"
    }

    public var method: Method
    /// The p-value to read.
    public var p: Double
    /// U of the earlier event's answers (scipy's U1 for x = earlier), for Mann–Whitney.
    public var u: Double?
    /// The z of the normal approximation, for Mann–Whitney.
    public var z: Double?
    /// The chi-square statistic, degrees of freedom and full test, for the distribution tests.
    public var association: AssociationTest?

    public init(method: Method, p: Double, u: Double? = nil, z: Double? = nil, association: AssociationTest? = nil) {
        self.method = method
        self.p = p
        self.u = u
        self.z = z
        self.association = association
    }
}

extension EventChange {
    /// `noTestReason` for multiple choice: shares are shown, not tested.
    public static let multipleChoiceReason = "multiple choice: a respondent can pick several answers, so the shares are shown but not tested"
    /// `noTestReason` when every rating of both events is on one scale point.
    public static let sameRatingReason = "every answer in both events is on the same scale point, so there is nothing to rank"
    /// `noTestReason` when an event has no valid answer.
    public static let emptyReason = "one of the two events has no answers"
    /// `noTestReason` when an event has fewer answers than the cross-tabs' small-group minimum (5).
    public static let fewAnswersReason = "an event has fewer than 5 answers, too few to compare"
    /// `noTestReason` when both events gave only one and the same answer.
    public static let oneAnswerReason = "every answer in both events is the same, so there is nothing to compare"
}
