import SurveyStatistics
import XLSXWriter

extension ExcelReport {
    /// The Themes sheet, as themes.csv: one row per theme of each text question with themes,
    /// then its answers with no theme (empty theme id); percentages as shares of the question's
    /// answers (`base`) with their 95% Wilson interval. Records where each question's theme
    /// chart finds its labels and figures (as `ID#themes` on the Charts sheet).
    func themes(charts: inout ChartSources) -> Worksheet {
        var table = TableSheet(name: words.themesSheet, columns: [
            (words.questionID, 14), (words.question, 40), (words.themeID, 16), (words.theme, 34), (words.count, 9), (words.base, 9),
            (words.percentOfAnswers, 11), (words.ciLow, 11), (words.ciHigh, 11), (words.handCoded, 12),
        ])
        for result in results.questions {
            guard let themes = result.themes, !themes.rows.isEmpty else { continue }
            let questionText = text(questionText(result.id))
            let first = table.nextRow
            for row in themes.rows {
                table.add([.text(result.id), questionText, .text(row.id), text(row.label.text(in: language.rawValue)), count(row.count), count(themes.answered),
                           percent(row.percent), percent(row.ciLow), percent(row.ciHigh), count(themes.handCoded)])
            }
            if themes.answered > 0 {
                charts.add(result.id + ThemeSide.suffix, sheet: words.themesSheet, rows: first..<table.nextRow, valueColumn: 6, seriesName: words.percentOfAnswers)
            }
            table.add([.text(result.id), questionText, nil, text(phrases.noTheme), count(themes.uncoded), count(themes.answered),
                       percent(themes.uncodedPercent), nil, nil, count(themes.handCoded)])
        }
        return table.finished
    }
}
