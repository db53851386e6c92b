/// Feedback of several events of one series that used the same questionnaire, side by side:
/// what `survey compare` computes and its renderers (comparison.md, trends.csv, comparison.html,
/// comparison.xlsx) print. Renderers never see rows, and never recompute a figure or a test.
public struct EventComparison: Sendable, Hashable, Codable {
    /// The events in comparison order (by date when every event has one, otherwise as given):
    /// "previous" and "first" in `EventChange` refer to this order.
    public var events: [ComparedEvent]
    /// One entry per closed question (single choice, yes/no, rating, multiple choice), in
    /// questionnaire order.
    public var questions: [QuestionComparison]
    /// One entry per text question: theme and keyword shares per event.
    public var texts: [TextComparison]

    public init(events: [ComparedEvent], questions: [QuestionComparison], texts: [TextComparison]) {
        self.events = events
        self.questions = questions
        self.texts = texts
    }
}

/// One event of a comparison: who it was, how many answered, what the import found.
public struct ComparedEvent: Sendable, Hashable, Codable {
    /// The event's name as the user gave it (`--event "Bishkek 2013-03"=…` or `name:` in the events file).
    public var name: String
    /// The event's date as written (ISO `yyyy-mm-dd` or `yyyy-mm`); nil when not given.
    public var date: String?
    /// How many people took part, the denominator of the response rate; nil when not given.
    public var participants: Int?
    /// The responses file(s) read for this event, as given.
    public var files: [String]
    /// Responses counted.
    public var responses: Int
    /// responses / participants × 100; nil without participants.
    public var responseRate: Double?
    /// The event's data-quality ledger, read exactly as `survey stats` reads it: rows rejected and
    /// answer problems are counted, never silently dropped.
    public var dataQuality: DataQuality

    public init(name: String, date: String?, participants: Int?, files: [String], responses: Int, dataQuality: DataQuality) {
        self.name = name
        self.date = date
        self.participants = participants
        self.files = files
        self.responses = responses
        self.responseRate = participants.flatMap { $0 > 0 ? Double(responses) / Double($0) * 100 : nil }
        self.dataQuality = dataQuality
    }
}
