import SurveyModel
import SurveyStatistics

/// The quotes of a text question grouped under its themes, as report.md, report.html and
/// report.docx list them: one group per theme somebody's answer has (the table's order), then
/// the answers with no theme.
///
/// An answer with two themes is quoted under both. The answers with no theme are the quoted
/// answers that no theme's quotes hold; that is only sure when every theme's quotes are all
/// its answers, so when the quotes were cut (`--quotes N`) the no-theme group gives its count
/// and no quotes (comments.csv has every answer).
struct ThemeQuoteGroups {
    struct Group {
        /// The theme's label, or "No theme".
        var title: String
        /// Answers in the group.
        var count: Int
        /// The answers quoted, as the report's quote policy kept them.
        var quotes: [TextSummary.Quote]
    }

    var groups: [Group] = []

    init(table: ThemeTable, text: TextSummary?, phrases: ReportPhrases) {
        for row in table.rows where row.count > 0 {
            groups.append(Group(title: row.label.text(in: phrases.language.rawValue), count: row.count, quotes: row.quotes))
        }
        guard table.uncoded > 0 else { return }
        var quotes: [TextSummary.Quote] = []
        if table.rows.allSatisfy({ $0.quotes.count == $0.count }), let text {
            let themed = Set(table.rows.flatMap { $0.quotes.map(\.respondent) })
            quotes = text.quotes.filter { !themed.contains($0.respondent) }
        }
        groups.append(Group(title: phrases.noTheme, count: table.uncoded, quotes: quotes))
    }

    /// The 95% interval as the tables show it, "34–69"; empty when there is none.
    static func interval(_ row: ThemeTable.Row) -> String {
        guard let low = row.ciLow, let high = row.ciHigh else { return "" }
        return "\(NumberFormat.fixed(low, 0))–\(NumberFormat.fixed(high, 0))"
    }
}
