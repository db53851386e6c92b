/// One text question across the events: which themes and keywords come up, as shares of each
/// event's answering respondents.
public struct TextComparison: Sendable, Hashable, Codable {
    /// The question id.
    public var id: String
    /// Respondents with a non-blank answer, per event (in `EventComparison.events` order).
    public var answered: [Int]
    /// One row per theme (definition order, then coder-added); empty when the question has none.
    public var themes: [ShareRow]
    /// One row per keyword that is among the top keywords of at least one event, most
    /// frequent overall first.
    public var keywords: [ShareRow]

    public init(id: String, answered: [Int], themes: [ShareRow], keywords: [ShareRow]) {
        self.id = id
        self.answered = answered
        self.themes = themes
        self.keywords = keywords
    }
}

/// One theme or keyword, its share in each event.
public struct ShareRow: Sendable, Hashable, Codable {
    /// The theme id, or the keyword as shown.
    public var id: String
    /// The label per language code ("" for an untagged label); empty for keywords.
    public var labels: [String: String]
    /// Per event, in `EventComparison.events` order.
    public var shares: [Share]

    public init(id: String, labels: [String: String] = [:], shares: [Share]) {
        self.id = id
        self.labels = labels
        self.shares = shares
    }
}
