/// The `report:` block of a definition: what later stages compute by default.
public struct ReportPlan: Sendable, Hashable {
    /// Cross-tabs as (row question id, column question id).
    public var crosstabs: [CrossTabPair]
    /// Text questions whose keywords are counted.
    public var keywords: [String]

    public init(crosstabs: [CrossTabPair] = [], keywords: [String] = []) {
        self.crosstabs = crosstabs
        self.keywords = keywords
    }
}

/// Two closed questions to cross-tabulate.
public struct CrossTabPair: Sendable, Hashable {
    /// Question whose categories form the rows.
    public var row: String
    /// Question whose categories form the columns.
    public var column: String

    public init(row: String, column: String) {
        self.row = row
        self.column = column
    }
}
