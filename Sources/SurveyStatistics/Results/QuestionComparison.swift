/// One closed question across the events: each event's figures and the tested changes.
public struct QuestionComparison: Sendable, Hashable, Codable {
    /// The question id.
    public var id: String
    /// The question type keyword (`single_choice`, `yes_no`, `rating`, `multiple_choice`).
    public var type: String
    /// The category codes in definition (scale) order: the columns of every distribution.
    public var codes: [String]
    /// Per event, in `EventComparison.events` order.
    public var events: [EventFigures]
    /// Changes from the previous event and from the first, for every event after the first
    /// (the second event's two changes are one: it is listed once, as `.previous`).
    public var changes: [EventChange]

    public init(id: String, type: String, codes: [String], events: [EventFigures], changes: [EventChange]) {
        self.id = id
        self.type = type
        self.codes = codes
        self.events = events
        self.changes = changes
    }
}

/// One event's figures for one closed question.
public struct EventFigures: Sendable, Hashable, Codable {
    /// The event's name (`ComparedEvent.name`).
    public var event: String
    /// Respondents with a valid answer: the base of every share below.
    public var n: Int
    /// One share per code of `QuestionComparison.codes`, same order (multiple choice: share of
    /// answering respondents who picked it, so shares can sum past 100).
    public var distribution: [Share]
    /// Share on the two highest scale points, with its Wilson 95 % interval (ratings only).
    public var topTwoBox: Share?
    /// Mean rating with its 95 % t interval (ratings only).
    public var mean: MeanEstimate?

    public init(event: String, n: Int, distribution: [Share], topTwoBox: Share? = nil, mean: MeanEstimate? = nil) {
        self.event = event
        self.n = n
        self.distribution = distribution
        self.topTwoBox = topTwoBox
        self.mean = mean
    }
}

/// A count out of a base, as a percentage with its Wilson 95 % interval.
public struct Share: Sendable, Hashable, Codable {
    /// The category code, theme id or keyword this share is of.
    public var code: String
    public var count: Int
    /// The base (respondents who answered).
    public var base: Int
    /// count / base × 100; nil when base is 0.
    public var percent: Double?
    /// Wilson 95 % interval, in percent; nil when base is 0.
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(code: String, count: Int, base: Int, percent: Double?, ciLow: Double?, ciHigh: Double?) {
        self.code = code
        self.count = count
        self.base = base
        self.percent = percent
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

/// A mean with its 95 % confidence interval (Student's t with n − 1 degrees of freedom).
public struct MeanEstimate: Sendable, Hashable, Codable {
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); nil for n = 1.
    public var standardDeviation: Double?
    /// 95 % t interval; nil for n = 1.
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(n: Int, mean: Double, standardDeviation: Double?, ciLow: Double?, ciHigh: Double?) {
        self.n = n
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}
