import SurveyModel

/// How a report is rendered (not what is computed: that is in `StatisticsOptions`).
public struct ReportOptions: Sendable {
    /// Language of the report's words, question texts and labels.
    public var language: ReportLanguage
    /// Replaces the report title.
    public var title: String?
    /// Text written as "generated on", only with `--stamp`; reports are otherwise byte-stable.
    public var stamp: String?
    /// The problems file to point readers to, when one exists.
    public var problemsFile: String?
    /// The file beside the report that holds every quoted answer whole (`comments.csv` when CSV
    /// is written), named when a long quote is cut; nil points to the responses file instead.
    public var fullAnswersFile: String?
    /// The event's id in every CSV (`event_id`) when the definition gives no `event.id`:
    /// `survey report` passes the questionnaire file's name, the NAME of `reports/NAME/`.
    public var eventID: String?

    public init(language: ReportLanguage = .english, title: String? = nil, stamp: String? = nil, problemsFile: String? = nil, eventID: String? = nil) {
        self.eventID = eventID
        self.language = language
        self.title = title
        self.stamp = stamp
        self.problemsFile = problemsFile
    }

    /// The phrases for the language.
    public var phrases: ReportPhrases { ReportPhrases(language) }
}

extension LocalizedText {
    /// The text in the report's language.
    func text(in language: ReportLanguage) -> String { text(in: language.rawValue) }
}
