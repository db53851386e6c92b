import SurveyModel
import SurveyStatistics

// A text question's themes in report.docx, as report.md has them.
extension WordReport {
    /// "Themes", the theme chart, the table (theme, answers, % of answers, 95% CI, then no
    /// theme) and the note on what the figures are of.
    func themes(_ document: inout WordDocument, _ table: ThemeTable, question: Question, chart: [UInt8]?) {
        document.paragraph(runs: WordML.runs(phrases.themes, .bold), keepWithNext: true)
        if let chart { document.picture(png: chart, description: phrases.themesChartOf(question.text.text(in: language))) }
        var rows = WordTable([(phrases.theme, .left), (phrases.answersMentioning, .right), (phrases.percentOfAnswers, .right), (phrases.confidenceInterval, .right)])
        for row in table.rows {
            rows.append([row.label.text(in: language.rawValue), phrases.integer(row.count), phrases.number(row.percent), ThemeQuoteGroups.interval(row)])
        }
        rows.append([phrases.noTheme, phrases.integer(table.uncoded), phrases.number(table.uncodedPercent), ""])
        document.table(rows)
        document.paragraph(phrases.themesNote(table), style: "Note")
    }

    /// The quoted answers under a heading per theme, then those with no theme.
    func quotesByTheme(_ document: inout WordDocument, _ table: ThemeTable, text: TextSummary) {
        guard !text.quotes.isEmpty else { return }
        document.paragraph(runs: WordML.runs(phrases.answersByTheme, .bold), keepWithNext: true)
        for group in ThemeQuoteGroups(table: table, text: text, phrases: phrases).groups {
            quotes(&document, group.quotes, of: group.count, title: phrases.themeQuotesHeading(group.title, count: group.count), always: true)
        }
    }
}
