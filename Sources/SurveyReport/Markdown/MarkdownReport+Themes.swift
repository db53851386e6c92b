import SurveyModel
import SurveyStatistics

// A text question's themes in report.md: the chart, the table and the quotes under each theme.
extension MarkdownReport {
    /// "**Themes**", the theme chart, the table (theme, answers, % of answers, 95% interval,
    /// then the answers with no theme) and the note on what the figures are of.
    func themes(_ table: ThemeTable, of questionID: String, question: Question, hasChart: Bool) -> [String] {
        var parts = ["**\(Escaping.markdown(phrases.themes))**"]
        if hasChart {
            parts.append(chartLink(HTMLReport.themeChartName(questionID), alt: phrases.themesChartOf(question.text.text(in: language))))
        }
        var rows = MarkdownTable([(phrases.theme, .left), (phrases.answersMentioning, .right), (phrases.percentOfAnswers, .right), (phrases.confidenceInterval, .right)])
        for row in table.rows {
            rows.append([MarkdownTable.cell(row.label.text(in: language.rawValue)), phrases.integer(row.count), phrases.number(row.percent), ThemeQuoteGroups.interval(row)])
        }
        rows.append([MarkdownTable.cell(phrases.noTheme), phrases.integer(table.uncoded), phrases.number(table.uncodedPercent), ""])
        parts.append(rows.render())
        parts.append("_" + Escaping.markdownInline(phrases.themesNote(table)) + "_")
        return parts
    }

    /// The quoted answers under a heading per theme, then those with no theme.
    func quotesByTheme(_ table: ThemeTable, text: TextSummary) -> [String] {
        guard !text.quotes.isEmpty else { return [] }
        var parts = ["**\(Escaping.markdown(phrases.answersByTheme))**"]
        for group in ThemeQuoteGroups(table: table, text: text, phrases: phrases).groups {
            let heading = phrases.themeQuotesHeading(group.title, count: group.count)
            let quoted = quotes(group.quotes, of: group.count, title: heading)
            parts += quoted.isEmpty ? ["**\(Escaping.markdownInline(heading))**"] : quoted
        }
        return parts
    }
}
