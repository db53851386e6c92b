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

/// Two closed questions to cross-tabulate; one side may be the themes of a text question
/// (`improve#themes`), counted as a multiple-response side with the theme ids as codes.
public struct CrossTabPair: Sendable, Hashable {
    /// What follows a text question's id to name its themes as a cross-tab side.
    public static let themesSuffix = "#themes"

    /// The text question whose themes `side` names (`improve` for `improve#themes`), or nil.
    public static func themesQuestion(of side: String) -> String? {
        guard side.hasSuffix(themesSuffix), side.count > themesSuffix.count else { return nil }
        return String(side.dropLast(themesSuffix.count))
    }

    /// Question whose categories form the rows.
    public var row: String
    /// Question whose categories form the columns.
    public var column: String

    public init(row: String, column: String) {
        self.row = row
        self.column = column
    }
}
