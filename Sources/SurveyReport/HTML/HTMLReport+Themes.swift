import SurveyModel
import SurveyStatistics

// A text question's themes in report.html: chart and table side by side, then the answers
// grouped under each theme.
extension HTMLReport {
    /// The file name of a question's theme chart (`charts/improve-themes.svg`); question ids
    /// have no hyphen, so it never meets a question's own chart.
    static func themeChartName(_ questionID: String) -> String { questionID + "-themes" }

    /// A bar per theme, the % of the question's answers that have it; nil when nobody answered
    /// or the question has no themes.
    func themeChart(_ result: QuestionResult, question: Question) -> SVGBarChart? {
        guard let table = result.themes, !table.rows.isEmpty, table.answered > 0 else { return nil }
        let bars = table.rows.map { row in
            SVGBarChart.Bar(label: row.label.text(in: language.rawValue), percent: row.percent, count: row.count, color: ReportStyle.accent)
        }
        return SVGBarChart(title: phrases.themesChartOf(question.text.text(in: language)), bars: bars)
    }

    /// "Themes", the chart beside the table (theme, answers, % of answers, 95% CI, then no
    /// theme) and the note under them.
    func themesBlock(_ table: ThemeTable, result: QuestionResult, question: Question) -> String {
        var out = "<h3>\(h(phrases.themes))</h3>\n"
        var pair = "", sideBySide = false
        if let chart = themeChart(result, question: question) {
            pair += "<figure>\n\(chart.canvas().inline())\n</figure>\n"
            sideBySide = chart.hasSideLabels
        }
        pair += tableHead([phrases.theme, phrases.answersMentioning, phrases.percentOfAnswers, phrases.confidenceInterval], numeric: [1, 2, 3])
        for row in table.rows {
            pair += "<tr><td>\(h(row.label.text(in: language.rawValue)))</td><td class=\"num\">\(phrases.integer(row.count))</td>"
                + "<td class=\"num\">\(phrases.number(row.percent))</td><td class=\"num\">\(ThemeQuoteGroups.interval(row))</td></tr>\n"
        }
        pair += "<tr class=\"missing\"><td>\(h(phrases.noTheme))</td><td class=\"num\">\(phrases.integer(table.uncoded))</td>"
            + "<td class=\"num\">\(phrases.number(table.uncodedPercent))</td><td class=\"num\"></td></tr>\n"
        pair += tableFoot
        out += "<div class=\"\(sideBySide ? "pair" : "stack")\">\n" + pair + "</div>\n"
        return out + "<p class=\"note\">\(h(phrases.themesNote(table)))</p>\n"
    }

    /// The quoted answers under a heading per theme ("More time for discussion (14)"), then
    /// those with no theme; an answer with two themes stands under both.
    func quotesByTheme(_ table: ThemeTable, text: TextSummary) -> String {
        guard !text.quotes.isEmpty else { return "" }
        var out = "<h3>\(h(phrases.answersByTheme))</h3>\n"
        for group in ThemeQuoteGroups(table: table, text: text, phrases: phrases).groups {
            out += "<div class=\"theme-quotes\">\n<h4>\(h(phrases.themeQuotesHeading(group.title, count: group.count)))</h4>\n"
            let note = group.quotes.isEmpty ? "" : phrases.quotesNote(shown: group.quotes.count, of: group.count)
            if !note.isEmpty { out += "<p class=\"note\">\(h(note))</p>\n" }
            for quote in group.quotes { out += blockquote(quote) }
            out += "</div>\n"
        }
        return out
    }

    /// One answer as a blockquote, cut at `QuoteExcerpt.maximumCharacters` with a note saying
    /// where the whole answer is.
    func blockquote(_ quote: TextSummary.Quote) -> String {
        let excerpt = QuoteExcerpt(quote.text)
        var shown = Self.lines(h(excerpt.shown))
        if excerpt.moreCharacters > 0 {
            let cut = phrases.quoteCut(more: excerpt.moreCharacters, respondent: quote.respondent, fullAnswersFile: options.fullAnswersFile)
            shown += "<br /><em class=\"note\">\(h(cut))</em>"
        }
        return "<blockquote>\(shown)</blockquote>\n"
    }
}
