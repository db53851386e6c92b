/// When the responses were submitted, for the report's opening lines and `stats`.
public struct CollectionPeriod: Sendable, Hashable, Codable {
    /// The earliest and latest submission time, ISO 8601 as in the responses file.
    public var first: String
    public var last: String
    /// The first and last calendar day with a response (`yyyy-mm-dd`, as written).
    public var firstDay: String
    public var lastDay: String
    /// Calendar days from the first to the last day, both counted.
    public var days: Int
    /// Responses with a time, and without one (paper forms, unreadable times).
    public var timed: Int
    public var untimed: Int
    /// Responses per calendar day, days with none left out.
    public var perDay: [DayCount]
}

/// Responses submitted on one calendar day.
public struct DayCount: Sendable, Hashable, Codable {
    /// `yyyy-mm-dd`.
    public var date: String
    public var responses: Int
}
