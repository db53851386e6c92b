import SurveyImport
import SurveyModel

/// Everything the statistics stage found: what renderers read. They never see rows.
public struct SurveyResults: Sendable {
    /// The questionnaire, for texts and labels.
    public var questionnaire: Questionnaire
    /// Responses counted (after `--where`).
    public var responses: Int
    /// Responses in the data before `--where`: the response rate is about all of them.
    public var allResponses: Int
    /// The `--where` expression, when one restricted the rows.
    public var filter: String?
    /// Per question, in questionnaire order.
    public var questions: [QuestionResult]
    /// Requested cross-tabs.
    public var crossTabs: [CrossTabResult]
    /// Per-group tables for `--by`.
    public var groups: [GroupResult]
    /// The question `--by` grouped on.
    public var groupedBy: String?
    /// What the import found (rows read, rejected, problems).
    public var importSummary: ImportFigures
    /// The data-quality ledger: problems by kind, rejects, illegible answers, double entry.
    public var dataQuality = DataQuality()
    /// When the responses were submitted; nil when none has a time (paper forms).
    public var collection: CollectionPeriod?
    /// The few sentences a donor reads first, chosen from the figures above (`FindingsSelector`).
    public var findings = Findings()
}

/// One question's results.
public struct QuestionResult: Sendable, Hashable, Codable {
    /// The question id.
    public var id: String
    /// The question type keyword.
    public var type: String
    public var base: QuestionBase
    public var frequencies: FrequencyTable?
    public var multipleResponse: MultipleResponseTable?
    public var descriptives: Descriptives?
    public var text: TextSummary?
    public var dates: DateSummary?
    /// One row per declared missing code of the question, in declaration order (nil when it
    /// has none): how many asked respondents gave it.
    public var missingCodes: [MissingCodeCount]?
    /// With `other: true`: what people wrote as their other answer (`ID_other`), counted and
    /// quoted like a text question; `answered` is the number of other answers with a text.
    public var otherAnswers: TextSummary?
    /// A text question's themes (definition `themes:` and hand codes); nil when none applies.
    public var themes: ThemeTable? = nil
}

/// How often one declared missing code was given.
public struct MissingCodeCount: Sendable, Hashable, Codable {
    /// The code as written in data files.
    public var code: String
    /// Respondents who gave it.
    public var count: Int
    /// count / asked × 100.
    public var percent: Double?

    public init(code: String, count: Int, percent: Double?) {
        self.code = code
        self.count = count
        self.percent = percent
    }
}

/// The per-question tables of one group (`--by`).
public struct GroupResult: Sendable, Hashable, Codable {
    /// The group's category code.
    public var code: String
    public var responses: Int
    public var questions: [QuestionResult]
}

/// Import figures carried into results so reports can state data quality.
public struct ImportFigures: Sendable, Hashable, Codable {
    public var files: [String]
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var problems: Int
    public var problemsByKind: [String: Int]
    /// Pairs of responses with the same answers submitted within a minute of each other.
    public var duplicateSubmissions: [DuplicateSubmission] = []

    public init(files: [String] = [], rowsRead: Int = 0, accepted: Int = 0, rejected: Int = 0, problems: Int = 0, problemsByKind: [String: Int] = [:]) {
        self.files = files
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.problems = problems
        self.problemsByKind = problemsByKind
    }
}
